import { describe, test } from 'vitest';
import { isPostgresReachable, POSTGRES_ADMIN_URL } from '../helpers/cms-harness';
import { defineEditorRulesSuite } from './editor-rules-suite';

const reachable = await isPostgresReachable();

if (reachable) {
  describe('editor rules on PostgreSQL', () => defineEditorRulesSuite('postgres'));
} else if (process.env.CI) {
  // CI promises both databases: a missing PostgreSQL is a failure there, not a skip.
  test('PostgreSQL is reachable in CI', () => {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: start it (see README) or set TEST_POSTGRES_URL`);
  });
} else {
  describe.skip(`editor rules on PostgreSQL (not reachable at ${POSTGRES_ADMIN_URL})`, () => defineEditorRulesSuite('postgres'));
}
