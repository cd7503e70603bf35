import { describe } from 'vitest';
import { defineEditorRulesSuite } from './editor-rules-suite';

describe('editor rules on SQLite', () => defineEditorRulesSuite('sqlite'));
