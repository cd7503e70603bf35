/**
 * The reader stores, the same cases on the embedded SQLite file and on Redis
 * (127.0.0.1:6379 or TEST_REDIS_URL; skipped locally when unreachable, a failure under CI=true).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, test } from 'vitest';
import { openRedisStore } from '../../site/src/server/redis-store';
import { openSqliteStore } from '../../site/src/server/sqlite-store';
import { vietnamDay } from '../../site/src/lib/format';
import type { ReaderStore } from '../../site/src/server/store';
import { waitUntil } from '../helpers/conditions';
import { isRedisReachable, REDIS_URL } from '../helpers/redis';

const hasRedis = await isRedisReachable();
if (!hasRedis && process.env.CI) throw new Error(`Redis is not reachable at ${REDIS_URL}: .ci/run starts it`);

const prefixes: string[] = [];
afterAll(async () => {
  if (!hasRedis || prefixes.length === 0) return;
  const redis = new Redis(REDIS_URL);
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
});

type Open = (options?: { maxVisitors?: number }) => ReaderStore;
const where = new WeakMap<ReaderStore, string>();
const backends: Array<[string, Open, boolean]> = [
  ['SQLite', (options) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cong-reader-')), 'reader.db');
    const store = openSqliteStore(file, options);
    where.set(store, file);
    return store;
  }, true],
  ['Redis', (options) => {
    const prefix = `cong-test:${process.pid}:${Math.random().toString(36).slice(2)}:`;
    prefixes.push(prefix);
    const store = openRedisStore(REDIS_URL, prefix, options);
    where.set(store, prefix);
    return store;
  }, hasRedis],
];

/** How many visitor rows the store holds. */
async function visitorRows(store: ReaderStore): Promise<number> {
  if (store.kind === 'sqlite') {
    const db = new Database(where.get(store)!, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM visitors').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const redis = new Redis(REDIS_URL);
  try {
    return await redis.zcard(`${where.get(store)}visitors`);
  } finally {
    redis.disconnect();
  }
}

describe.each(backends)('reader store on %s', (_name, open, available) => {
  test.runIf(available)('counts 1,000 concurrent visits by 1,000 visitors exactly, and one visitor once per visit', async () => {
    const store = open();
    const now = Date.UTC(2026, 10, 27, 3, 0, 0);
    await Promise.all(Array.from({ length: 1000 }, (_, i) => store.recordVisit(`visitor-${i}`, now)));
    expect(await store.visitCounts(now)).toEqual({ total: 1000, today: 1000, online: 1000 });
    // The same 10 visitors coming back within the visit gap: no new visit, still online.
    await Promise.all(Array.from({ length: 500 }, (_, i) => store.recordVisit(`visitor-${i % 10}`, now + 60_000)));
    expect(await store.visitCounts(now + 60_000)).toEqual({ total: 1000, today: 1000, online: 1000 });
    // Five and a half minutes later only those 10 are online; 40 minutes after they left, a visit of theirs is a new one.
    expect((await store.visitCounts(now + 5.5 * 60_000)).online).toBe(10);
    const later = await store.recordVisit('visitor-1', now + 41 * 60_000);
    expect(later).toEqual({ total: 1001, today: 1001, online: 1 });
    await store.close();
  });

  test.runIf(available)('starts "today" at midnight in Vietnam', async () => {
    const store = open();
    const beforeMidnight = Date.UTC(2026, 10, 27, 16, 59, 0); // 23:59 in Hà Nội
    await store.recordVisit('a', beforeMidnight);
    const after = await store.recordVisit('b', beforeMidnight + 2 * 60_000); // 00:01 the next day
    expect(vietnamDay(new Date(beforeMidnight + 2 * 60_000))).toBe('2026-11-28');
    expect(after).toMatchObject({ total: 2, today: 1 });
    await store.close();
  });

  test.runIf(available)('200 concurrent votes by 200 readers give exactly 200 votes; a second vote changes nothing', async () => {
    const store = open();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => store.vote('bai-a', `reader-${i}`, (i % 5) + 1)));
    expect(results.every((r) => r.accepted)).toBe(true);
    expect(await store.rating('bai-a')).toEqual({ count: 200, sum: 600 });
    expect(await store.vote('bai-a', 'reader-7', 5)).toEqual({ accepted: false, count: 200, sum: 600 });
    expect(await store.rating('bai-b')).toEqual({ count: 0, sum: 0 });
    await store.close();
  });

  test.runIf(available)('rate limits per bucket and window', async () => {
    const store = open();
    const now = Date.now();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => store.consume('comment:abc', 5, 60_000, now)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(5);
    const refused = outcomes.find((o) => !o.allowed)!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await store.consume('comment:other', 5, 60_000, now)).allowed).toBe(true);
    await store.close();
  });

  test.runIf(available)('gives a captcha answer once, and not after it expires', async () => {
    const store = open();
    await store.putCaptcha('c1', 'x7k2', 60_000);
    expect(await Promise.all([store.takeCaptcha('c1'), store.takeCaptcha('c1')])).toEqual(expect.arrayContaining(['x7k2', null]));
    const now = Date.now();
    if (store.kind === 'sqlite') {
      // The store's clock is a parameter: the last moment it is valid, and the first it is not.
      await store.putCaptcha('c2', 'abcd', 50, now);
      expect(await store.takeCaptcha('c2', now + 50)).toBe('abcd');
      await store.putCaptcha('c2', 'abcd', 50, now);
      expect(await store.takeCaptcha('c2', now + 51)).toBeNull();
    } else {
      // Redis expires the key itself: it carries the TTL, and once Redis has dropped it the answer is gone.
      await store.putCaptcha('c2', 'abcd', 50);
      const redis = new Redis(REDIS_URL);
      try {
        const key = `${where.get(store)}captcha:c2`;
        expect(await redis.pttl(key)).toBeGreaterThan(0);
        expect(await redis.pttl(key)).toBeLessThanOrEqual(50);
        await waitUntil(async () => (await redis.exists(key)) === 0 || 'the key still exists', { timeoutMs: 5000, intervalMs: 10, what: 'Redis expired the captcha' });
      } finally {
        redis.disconnect();
      }
      expect(await store.takeCaptcha('c2')).toBeNull();
    }
    expect(await store.takeCaptcha('never')).toBeNull();
    await store.close();
  });

  test.runIf(available)('keeps one salt per day, shared, and forgets the old ones (issue 10, finding 9)', async () => {
    const store = open();
    const now = Date.UTC(2026, 10, 27, 3, 0, 0);
    const today = await store.dailySalt('2026-11-27', now);
    expect(today).toMatch(/^[0-9a-f]{32}$/);
    expect(await Promise.all([store.dailySalt('2026-11-27', now), store.dailySalt('2026-11-27', now)])).toEqual([today, today]);
    const later = now + 3 * 24 * 60 * 60 * 1000;
    expect(await store.dailySalt('2026-11-30', later)).not.toBe(today);
    // Two days on, the old day's salt is gone: asking for it makes a new one.
    if (store.kind === 'sqlite') expect(await store.dailySalt('2026-11-27', later)).not.toBe(today);
    await store.close();
  });

  test.runIf(available)('keeps visitors only for the visit gap and at most the cap (issue 10, finding 5)', async () => {
    const store = open({ maxVisitors: 100 });
    const now = Date.UTC(2026, 10, 27, 3, 0, 0);
    for (let i = 0; i < 1000; i += 1) await store.recordVisit(`made-up-${i}`, now + i);
    expect(await visitorRows(store)).toBeLessThanOrEqual(200);
    await store.recordVisit('late', now + 31 * 60_000 + 1000);
    for (let i = 0; i < 100; i += 1) await store.recordVisit(`later-${i}`, now + 31 * 60_000 + 1000 + i);
    expect(await visitorRows(store)).toBeLessThanOrEqual(101);
    await store.close();
  });
});
