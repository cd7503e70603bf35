import { describe } from 'vitest';
import { defineBackupSuite } from './backup-suite';

describe('backup and restore, SQLite install with SQLite reader data', () => defineBackupSuite('sqlite', 'sqlite'));
