/**
 * The reader store of this process, opened once from the environment: Redis when REDIS_URL is
 * set, otherwise the SQLite file READER_DB (default: data/reader.db under the working directory).
 */
import path from 'node:path';
import { openRedisStore } from './redis-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { ReaderStore } from './store.ts';

let store: ReaderStore | undefined;

export function readerStore(): ReaderStore {
  if (!store) {
    const redisUrl = process.env.REDIS_URL;
    if (redisUrl) {
      if (!/^rediss?:\/\//.test(redisUrl)) throw new Error(`REDIS_URL must look like redis://127.0.0.1:6379 (got "${redisUrl}")`);
      store = openRedisStore(redisUrl, process.env.REDIS_PREFIX ?? 'cong:');
    } else {
      store = openSqliteStore(path.resolve(process.env.READER_DB ?? path.join('data', 'reader.db')));
    }
  }
  return store;
}
