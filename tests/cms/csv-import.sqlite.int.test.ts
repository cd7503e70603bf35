import { describe } from 'vitest';
import { defineImportSuite } from './csv-import-suite';

describe('CSV import on SQLite', () => defineImportSuite('sqlite'));
