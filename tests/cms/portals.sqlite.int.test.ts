import { describe } from 'vitest';
import { definePortalsSuite } from './portals-suite';

describe('portals fenced, on SQLite', () => definePortalsSuite('sqlite'));
