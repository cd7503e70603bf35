import { describe, test } from 'vitest';
import { isPostgresReachable, POSTGRES_ADMIN_URL } from '../helpers/cms-harness';
import { isRedisReachable, REDIS_URL } from '../helpers/redis';
import { defineBackupSuite } from './backup-suite';

const reachable = (await isPostgresReachable()) && (await isRedisReachable());

if (reachable) {
  describe('backup and restore, PostgreSQL install with reader data in Redis', () => defineBackupSuite('postgres', 'redis'));
} else if (process.env.CI) {
  // CI promises both services: a missing one is a failure there, not a skip.
  test('PostgreSQL and Redis are reachable in CI', () => {
    throw new Error(`PostgreSQL (${POSTGRES_ADMIN_URL}) or Redis (${REDIS_URL}) is not reachable: start them (see README) or set TEST_POSTGRES_URL / TEST_REDIS_URL`);
  });
} else {
  describe.skip('backup and restore on PostgreSQL and Redis (not reachable)', () => defineBackupSuite('postgres', 'redis'));
}
