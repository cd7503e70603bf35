import { describe, test } from 'vitest';
import { isPostgresReachable, POSTGRES_ADMIN_URL } from '../helpers/cms-harness';
import { defineImportSuite } from './csv-import-suite';

const reachable = await isPostgresReachable();

if (reachable) {
  describe('CSV import on PostgreSQL', () => defineImportSuite('postgres'));
} else if (process.env.CI) {
  test('PostgreSQL is reachable in CI', () => {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: start it (see README) or set TEST_POSTGRES_URL`);
  });
} else {
  describe.skip(`CSV import on PostgreSQL (not reachable at ${POSTGRES_ADMIN_URL})`, () => defineImportSuite('postgres'));
}
