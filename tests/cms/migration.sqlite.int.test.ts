import { describe } from 'vitest';
import { defineMigrationSuite } from './migration-suite';

describe('an install from before portals upgrades, on SQLite', () => defineMigrationSuite('sqlite'));
