/**
 * Issue 14: reader data per portal. Each portal's on-demand worker opens its reader store from the
 * environment the public server gives it (scripts/public/config.ts `portalEnvironment`): visits,
 * ratings, rate limits and captchas of one portal are not another's, on SQLite and on one shared
 * Redis; the primary portal keeps the store it had before portals (no count lost on an upgrade).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, test } from 'vitest';
import type { PortalInfo } from '../../content-types/src/portals';
import { portalEnvironment } from '../../scripts/public/config';
import { openReaderStore } from '../../site/src/server/reader-store';
import type { ReaderStore } from '../../site/src/server/store';
import { isRedisReachable, REDIS_URL } from '../helpers/redis';

const hasRedis = await isRedisReachable();
if (!hasRedis && process.env.CI) throw new Error(`Redis is not reachable at ${REDIS_URL}: .ci/run starts it`);

const PRIMARY: Pick<PortalInfo, 'code' | 'primary'> = { code: 'lam-giang', primary: true };
const TAN_HOA: Pick<PortalInfo, 'code' | 'primary'> = { code: 'xa-tan-hoa', primary: false };
const DONG_SON: Pick<PortalInfo, 'code' | 'primary'> = { code: 'xa-dong-son', primary: false };

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The store each portal's worker opens: the server's environment under the portal's. */
function storesFor(server: Record<string, string | undefined>): Record<string, ReaderStore> {
  const stores = Object.fromEntries([PRIMARY, TAN_HOA, DONG_SON].map((p) => [p.code, openReaderStore({ ...server, ...portalEnvironment(server, p) })]));
  cleanups.push(() => Promise.all(Object.values(stores).map((s) => s.close())).then(() => undefined));
  return stores;
}

/** The same story on either store: counts, votes, limits and captchas stay in their portal. */
async function separated(server: Record<string, string | undefined>): Promise<void> {
  // Before portals: the install counted two visits and one vote in its store.
  const before = openReaderStore(server);
  const now = Date.UTC(2026, 11, 1, 3, 0, 0);
  await before.recordVisit('reader-1', now);
  await before.recordVisit('reader-2', now);
  await before.vote('bai-a', 'reader-1', 5);
  await before.close();

  const stores = storesFor(server);
  const primary = stores['lam-giang']!;
  const tanHoa = stores['xa-tan-hoa']!;
  const dongSon = stores['xa-dong-son']!;
  // The primary portal still has them.
  expect(await primary.visitCounts(now)).toMatchObject({ total: 2, today: 2 });
  expect(await primary.rating('bai-a')).toEqual({ count: 1, sum: 5 });
  // The communes start from nothing, each with its own counts.
  expect(await tanHoa.visitCounts(now)).toEqual({ total: 0, today: 0, online: 0 });
  expect(await tanHoa.recordVisit('reader-1', now)).toMatchObject({ total: 1, today: 1, online: 1 });
  expect(await tanHoa.recordVisit('reader-3', now)).toMatchObject({ total: 2, today: 2, online: 2 });
  expect(await dongSon.recordVisit('reader-1', now)).toMatchObject({ total: 1, today: 1, online: 1 });
  expect(await primary.visitCounts(now)).toMatchObject({ total: 2, today: 2, online: 2 });
  // The same reader votes on an article of the same slug in two portals: two votes, one per portal.
  expect(await tanHoa.vote('bai-a', 'reader-1', 3)).toEqual({ accepted: true, count: 1, sum: 3 });
  expect(await tanHoa.vote('bai-a', 'reader-1', 4)).toMatchObject({ accepted: false, count: 1 });
  expect(await primary.rating('bai-a')).toEqual({ count: 1, sum: 5 });
  expect(await dongSon.rating('bai-a')).toEqual({ count: 0, sum: 0 });
  // A reader over the comment limit on one portal may still comment on another.
  for (let i = 0; i < 2; i += 1) expect((await tanHoa.consume('comment:abc', 2, 60_000, now)).allowed).toBe(true);
  expect((await tanHoa.consume('comment:abc', 2, 60_000, now)).allowed).toBe(false);
  expect((await dongSon.consume('comment:abc', 2, 60_000, now)).allowed).toBe(true);
  // A captcha answer issued on one portal cannot be replayed on another.
  await tanHoa.putCaptcha('captcha-1', 'x7k2m', 60_000);
  expect(await dongSon.takeCaptcha('captcha-1')).toBeNull();
  expect(await primary.takeCaptcha('captcha-1')).toBeNull();
  expect(await tanHoa.takeCaptcha('captcha-1')).toBe('x7k2m');
}

describe('reader data per portal', () => {
  test('on SQLite: the primary keeps READER_DB, every other portal has its own file beside it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cong-portal-readers-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const server = { READER_DB: path.join(dir, 'reader.db') };
    await separated(server);
    expect(portalEnvironment(server, TAN_HOA).READER_DB).toBe(path.join(dir, 'portals', 'xa-tan-hoa', 'reader.db'));
  });

  test.skipIf(!hasRedis)('on one shared Redis: the primary keeps its keys, every other portal has its own prefix', async () => {
    const prefix = `cong-test-${randomBytes(4).toString('hex')}:`;
    const redis = new Redis(REDIS_URL);
    cleanups.push(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    });
    await separated({ REDIS_URL, REDIS_PREFIX: prefix });
    const keys = await redis.keys(`${prefix}*`);
    // Today's keys for the primary, the communes' under their own names.
    expect(keys).toContain(`${prefix}visits:total`);
    expect(keys).toContain(`${prefix}portal:xa-tan-hoa:visits:total`);
    expect(keys).toContain(`${prefix}portal:xa-dong-son:visits:total`);
    expect(keys.filter((k) => !k.startsWith(`${prefix}portal:`)).every((k) => !k.includes('xa-'))).toBe(true);
  });
});
