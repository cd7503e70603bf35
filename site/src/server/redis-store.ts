/**
 * The shared reader store: Redis (`REDIS_URL`), so several public servers count as one. Every
 * read-modify-write is one Lua script, which Redis runs atomically.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { MAX_VISITORS, ONLINE_WINDOW_MS, VISIT_GAP_MS, type ReaderStore } from './store.ts';
import { vietnamDay } from '../lib/format.ts';

// KEYS: visitors (zset), total, today; ARGV: visitor, now, gap, online window, day ttl (s), max visitors
const RECORD_VISIT = `
local now = tonumber(ARGV[2])
local last = redis.call('ZSCORE', KEYS[1], ARGV[1])
if (not last) or (tonumber(last) < now - tonumber(ARGV[3])) then
  redis.call('INCR', KEYS[2])
  redis.call('INCR', KEYS[3])
  redis.call('EXPIRE', KEYS[3], tonumber(ARGV[5]))
end
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[3]))
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[6]) + 1))
return { tonumber(redis.call('GET', KEYS[2]) or '0'), tonumber(redis.call('GET', KEYS[3]) or '0'), redis.call('ZCOUNT', KEYS[1], now - tonumber(ARGV[4]), '+inf') }
`;
// KEYS: votes of the article (hash), rating (hash); ARGV: voter, stars
const VOTE = `
local accepted = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
if accepted == 1 then
  redis.call('HINCRBY', KEYS[2], 'count', 1)
  redis.call('HINCRBY', KEYS[2], 'sum', tonumber(ARGV[2]))
end
return { accepted, tonumber(redis.call('HGET', KEYS[2], 'count') or '0'), tonumber(redis.call('HGET', KEYS[2], 'sum') or '0') }
`;
// KEYS: bucket; ARGV: limit, window ms
const CONSUME = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2])) end
if n > tonumber(ARGV[1]) then return { 0, redis.call('PTTL', KEYS[1]) } end
return { 1, 0 }
`;

/** Every key this store writes, under its prefix, as SCAN patterns (`npm run backup` copies these and no other key). */
export const REDIS_KEY_PATTERNS = ['visitors', 'visits:*', 'votes:*', 'rating:*', 'limit:*', 'captcha:*', 'salt:*'] as const;

export function openRedisStore(url: string, prefix = 'cong:', options: { maxVisitors?: number } = {}): ReaderStore {
  const maxVisitors = options.maxVisitors ?? MAX_VISITORS;
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const k = (name: string) => `${prefix}${name}`;
  redis.defineCommand('congVisit', { numberOfKeys: 3, lua: RECORD_VISIT });
  redis.defineCommand('congVote', { numberOfKeys: 2, lua: VOTE });
  redis.defineCommand('congConsume', { numberOfKeys: 1, lua: CONSUME });
  type Scripted = Redis & {
    congVisit(...args: Array<string | number>): Promise<[number, number, number]>;
    congVote(...args: Array<string | number>): Promise<[number, number, number]>;
    congConsume(...args: Array<string | number>): Promise<[number, number]>;
  };
  const r = redis as Scripted;
  // Before Cổng kept its reader key in a file of its own, a secret sat here beside the hashes it keyed.
  void redis.del(k('secret')).catch(() => undefined);

  return {
    kind: 'redis',
    async recordVisit(visitor, now = Date.now()) {
      const [total, today, online] = await r.congVisit(k('visitors'), k('visits:total'), k(`visits:day:${vietnamDay(new Date(now))}`), visitor, now, VISIT_GAP_MS, ONLINE_WINDOW_MS, 3 * 24 * 60 * 60, maxVisitors);
      return { total, today, online };
    },
    async visitCounts(now = Date.now()) {
      const [total, today, online] = await Promise.all([
        redis.get(k('visits:total')),
        redis.get(k(`visits:day:${vietnamDay(new Date(now))}`)),
        redis.zcount(k('visitors'), now - ONLINE_WINDOW_MS, '+inf'),
      ]);
      return { total: Number(total ?? 0), today: Number(today ?? 0), online };
    },
    async vote(article, voter, stars) {
      const [accepted, count, sum] = await r.congVote(k(`votes:${article}`), k(`rating:${article}`), voter, stars);
      return { accepted: accepted === 1, count, sum };
    },
    async rating(article) {
      const [count, sum] = await redis.hmget(k(`rating:${article}`), 'count', 'sum');
      return { count: Number(count ?? 0), sum: Number(sum ?? 0) };
    },
    async consume(bucket, limit, windowMs) {
      const [allowed, ttl] = await r.congConsume(k(`limit:${bucket}`), limit, windowMs);
      return { allowed: allowed === 1, retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil(ttl / 1000)) };
    },
    async putCaptcha(id, answer, ttlMs) {
      await redis.set(k(`captcha:${id}`), answer, 'PX', ttlMs);
    },
    async takeCaptcha(id) {
      return redis.getdel(k(`captcha:${id}`));
    },
    // Made once per day (SET NX, shared by every server), gone two days later.
    async dailySalt(day) {
      await redis.set(k(`salt:${day}`), randomBytes(16).toString('hex'), 'EX', 2 * 24 * 60 * 60, 'NX');
      return (await redis.get(k(`salt:${day}`)))!;
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
