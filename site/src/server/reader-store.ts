/**
 * The reader store of this process, opened once from the environment: Redis when REDIS_URL is
 * set (keys under REDIS_PREFIX, `cong:` by default), otherwise the SQLite file READER_DB (default:
 * data/reader.db under the working directory). Each portal's on-demand worker has its own
 * READER_DB and REDIS_PREFIX (scripts/public/config.ts `portalEnvironment`), so its counts,
 * ratings, limits and captchas are its own.
 */
import path from 'node:path';
import { openRedisStore } from './redis-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { ReaderStore } from './store.ts';

let store: ReaderStore | undefined;

/** Opens the store `env` names (a new one on each call). */
export function openReaderStore(env: Record<string, string | undefined>): ReaderStore {
  const redisUrl = env.REDIS_URL;
  if (redisUrl) {
    if (!/^rediss?:\/\//.test(redisUrl)) throw new Error(`REDIS_URL must look like redis://127.0.0.1:6379 (got "${redisUrl}")`);
    return openRedisStore(redisUrl, env.REDIS_PREFIX ?? 'cong:');
  }
  return openSqliteStore(path.resolve(env.READER_DB ?? path.join('data', 'reader.db')));
}

export function readerStore(): ReaderStore {
  if (!store) store = openReaderStore(process.env);
  return store;
}
