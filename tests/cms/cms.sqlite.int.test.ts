import { describe } from 'vitest';
import { defineCmsSuite } from './cms-suite';

describe('CMS on SQLite', () => defineCmsSuite('sqlite'));
