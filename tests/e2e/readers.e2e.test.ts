/**
 * What readers do on the public server, in headless Chromium and over loopback: visit statistics
 * in the sidebar (exact after 1,000 concurrent hits, on SQLite and on Redis) and article ratings
 * (in the browser, as a plain form post, and 200 concurrent votes). The Redis cases need Redis
 * (127.0.0.1:6379 or TEST_REDIS_URL): skipped locally when it does not answer, a failure under CI=true.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent } from '../../cms/src/seed/index';
import { launchChromium } from '../helpers/browser';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { createSiteBuild, serveSite, type SiteBuild } from '../helpers/site-build';
import { previewPath } from '../../content-types/src/preview';
import { isRedisReachable, REDIS_URL } from '../helpers/redis';

const hasRedis = await isRedisReachable();
const REDIS_PREFIX = `cong-e2e:${process.pid}:${Date.now().toString(36)}:`;
const PREVIEW_SECRET = 'test-preview-secret-0123456789abcdef';

let cms: CmsHarness;
let site: SiteBuild;
let browser: Browser;
let dataDir: string;
const servers: Array<{ stop(): Promise<void> }> = [];
let sqliteUrl: string;
let redisUrl: string;
let slug: string;

/** A public server behind a stand-in for nginx: the tests name each reader's address with X-Real-IP. */
async function serve(env: Record<string, string>): Promise<string> {
  const served = await serveSite(site.out, env, { trustedProxies: ['127.0.0.1'] });
  servers.push(served);
  return served.url;
}

beforeAll(async () => {
  // The CMS makes preview links with the secret the public server checks.
  process.env.PREVIEW_SECRET = PREVIEW_SECRET;
  process.env.PREVIEW_URL = 'https://xatanhoa.example.vn';
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  site = createSiteBuild(cms, 'readers');
  await site.build();
  dataDir = mkdtempSync(path.join(tmpdir(), 'cong-readers-'));
  sqliteUrl = await serve({ READER_DB: path.join(dataDir, 'reader.db'), RATING_LIMIT: '1000', STATS_LIMIT: '40', PREVIEW_SECRET, CMS_URL: cms.url, CMS_PREVIEW_TOKEN: cms.previewToken });
  if (hasRedis) redisUrl = await serve({ REDIS_URL, REDIS_PREFIX, RATING_LIMIT: '1000' });
  const [article] = await cms.strapi.documents('api::article.article').findMany({ status: 'published', sort: 'publishedAt:desc', limit: 1 });
  slug = (article as unknown as { slug: string }).slug;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.stop();
  site?.dispose();
  await cms?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (!hasRedis) return;
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${REDIS_PREFIX}*`).catch(() => []);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

/** `n` concurrent requests over loopback, at most `parallel` at a time. */
async function burst<T>(n: number, parallel: number, one: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < n) {
      const i = next++;
      results[i] = await one(i);
    }
  }));
  return results;
}

if (!hasRedis && process.env.CI) {
  // CI promises Redis (.ci/run starts it): a missing one is a failure there, not a skip.
  test('Redis is reachable in CI', () => {
    throw new Error(`Redis is not reachable at ${REDIS_URL}: .ci/run starts it, or set TEST_REDIS_URL`);
  });
}

describe('visit statistics', () => {
  test('the sidebar of every page shows the counters, formatted the Vietnamese way', async () => {
    const page = await browser.newPage();
    await page.goto(`${sqliteUrl}/`);
    const total = page.locator('[data-stat="total"]');
    await expect.poll(() => total.textContent(), { timeout: 10_000 }).toMatch(/^\d[\d.]*$/);
    expect(await page.locator('#box-thong-ke').textContent()).toBe('Thống kê truy cập');
    // A second page of the same visit does not count again, and the reader is online.
    await page.goto(`${sqliteUrl}/tin-tuc/`);
    await expect.poll(() => page.locator('[data-stat="online"]').textContent(), { timeout: 10_000 }).toMatch(/^\d+$/);
    const counts = await (await fetch(`${sqliteUrl}/api/thong-ke/`)).json();
    expect(counts).toMatchObject({ total: 1, today: 1, online: 1 });
    await page.close();
  });

  /** 500 visitors (distinct browsers), each hitting twice: 500 visits, 1,000 requests. */
  async function countsExactly(url: string): Promise<void> {
    const before = (await (await fetch(`${url}/api/thong-ke/`)).json()) as { total: number };
    const answers = await burst(1000, 50, (i) => fetch(`${url}/api/thong-ke/`, { method: 'POST', headers: { 'user-agent': `bench-reader-${i % 500}`, 'x-real-ip': `10.0.${(i % 500) >> 8}.${(i % 500) & 255}` } }).then((r) => r.status));
    expect(answers.every((s) => s === 200)).toBe(true);
    const after = (await (await fetch(`${url}/api/thong-ke/`)).json()) as { total: number; today: number; online: number };
    expect(after.total - before.total).toBe(500);
    expect(after.online).toBeGreaterThanOrEqual(500);
  }

  test('counts exactly after 1,000 concurrent hits on SQLite', () => countsExactly(sqliteUrl), 60_000);
  test.skipIf(!hasRedis)('counts exactly after 1,000 concurrent hits on Redis', () => countsExactly(redisUrl), 60_000);

  test('made-up visitor cookies make no new visits, and counting is limited per address (issue 10, finding 5)', async () => {
    const total = async () => ((await (await fetch(`${sqliteUrl}/api/thong-ke/`)).json()) as { total: number }).total;
    const before = await total();
    const statuses: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const res = await fetch(`${sqliteUrl}/api/thong-ke/`, { method: 'POST', headers: { cookie: `cong_v=${randomBytes(16).toString('hex')}`, 'x-real-ip': '10.3.0.1', 'user-agent': 'stuffer' } });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await res.json()).error).toContain('không được tính');
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(await total()).toBe(before + 1);
  });

  test.skipIf(!hasRedis)('a large total reads "1.822.950" (Redis)', async () => {
    const redis = new Redis(REDIS_URL);
    await redis.set(`${REDIS_PREFIX}visits:total`, '1822949');
    redis.disconnect();
    const page = await browser.newPage({ userAgent: 'a new reader' });
    await page.goto(`${redisUrl}/`);
    await expect.poll(() => page.locator('[data-stat="total"]').textContent(), { timeout: 10_000 }).toBe('1.822.950');
    await page.close();
  });
});

describe('ratings', () => {
  test('a reader rates an article and sees the count and average change; a second vote is refused', async () => {
    const page = await browser.newPage();
    await page.goto(`${sqliteUrl}/tin-tuc/${slug}/`);
    const summary = page.locator('[data-rating-summary]');
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toBe('Chưa có lượt đánh giá.');
    await page.locator('label[for="diem-4"]').click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toBe('1 lượt đánh giá, trung bình 4,0');
    expect(await page.locator('[data-rating-message]').textContent()).toBe('Cảm ơn bạn đã đánh giá bài viết.');
    // Another reader gives 5 stars: 2 votes, average 4,5.
    const other = await browser.newPage({ userAgent: 'another reader' });
    await other.goto(`${sqliteUrl}/tin-tuc/${slug}/`);
    await other.locator('label[for="diem-5"]').click();
    await other.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => other.locator('[data-rating-summary]').textContent(), { timeout: 10_000 }).toBe('2 lượt đánh giá, trung bình 4,5');
    // The first reader tries again.
    await page.reload();
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toBe('2 lượt đánh giá, trung bình 4,5');
    await page.locator('label[for="diem-1"]').click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.locator('[data-rating-message]').textContent(), { timeout: 10_000 }).toBe('Bạn đã đánh giá bài viết này rồi.');
    expect(await summary.textContent()).toBe('2 lượt đánh giá, trung bình 4,5');
    await page.close();
    await other.close();
  });

  test('works without JavaScript as a plain form post', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, userAgent: 'no-script reader' });
    const page = await context.newPage();
    await page.goto(`${sqliteUrl}/tin-tuc/${slug}/`);
    await page.locator('label[for="diem-3"]').click();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.waitForURL(/#danh-gia-cam-on$/);
    expect(await page.locator('#danh-gia-cam-on').isVisible()).toBe(true);
    const after = await (await fetch(`${sqliteUrl}/api/danh-gia/?bai=${slug}`)).json();
    expect(after).toMatchObject({ count: 3, text: '3 lượt đánh giá, trung bình 4,0' });
    await context.close();
  });

  test.skipIf(!hasRedis)('200 concurrent votes by 200 readers give exactly 200 votes (Redis)', async () => {
    const [, second] = await cms.strapi.documents('api::article.article').findMany({ status: 'published', sort: 'publishedAt:desc', limit: 2 });
    const target = (second as unknown as { slug: string }).slug;
    const statuses = await burst(200, 200, (i) => fetch(`${redisUrl}/api/danh-gia/`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'user-agent': `voter-${i}`, 'x-real-ip': `10.1.0.${i}` },
      body: `bai=${target}&diem=${(i % 5) + 1}`,
    }).then((r) => r.status));
    expect(statuses.filter((s) => s === 200)).toHaveLength(200);
    expect(await (await fetch(`${redisUrl}/api/danh-gia/?bai=${target}`)).json()).toMatchObject({ count: 200, average: 3 });
  }, 60_000);

  test('made-up visitor cookies are replaced, not counted as new voters (issue 10, finding 4)', async () => {
    const articles = await cms.strapi.documents('api::article.article').findMany({ status: 'published', sort: 'publishedAt:desc', limit: 3 });
    const target = (articles[2] as unknown as { slug: string }).slug;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(`${sqliteUrl}/api/danh-gia/`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', cookie: `cong_v=${randomBytes(16).toString('hex')}`, 'x-real-ip': '10.2.0.1' },
        body: `bai=${target}&diem=5`,
      });
      statuses.push(res.status);
      // The made-up cookie is replaced by a signed one.
      expect(res.headers.get('set-cookie') ?? '').toMatch(/cong_v=[0-9a-f]{32}\.[\w-]{22};/);
    }
    expect(statuses).toEqual([200, 409, 409]);
    expect(await (await fetch(`${sqliteUrl}/api/danh-gia/?bai=${target}`)).json()).toMatchObject({ count: 1 });
  });

  test('one address gives an article at most RATING_PER_ADDRESS votes, whatever browsers it claims to be', async () => {
    const articles = await cms.strapi.documents('api::article.article').findMany({ status: 'published', sort: 'publishedAt:desc', limit: 4 });
    const target = (articles[3] as unknown as { slug: string }).slug;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const res = await fetch(`${sqliteUrl}/api/danh-gia/`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'user-agent': `browser-${i}`, 'x-real-ip': '2001:db8:7:7::' + (i + 1) },
        body: `bai=${target}&diem=5`,
      });
      statuses.push(res.status);
      if (res.status === 429) expect((await res.json()).error).toContain('đủ số lượt đánh giá');
    }
    // Eight browsers from one home network (one /64): five votes, then refused.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(await (await fetch(`${sqliteUrl}/api/danh-gia/?bai=${target}`)).json()).toMatchObject({ count: 5 });
  });

  test('refuses unknown articles and stars outside 1..5 with a Vietnamese message', async () => {
    const post = (body: string) => fetch(`${sqliteUrl}/api/danh-gia/`, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body });
    const unknown = await post('bai=khong-co-bai-nay&diem=5');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toBe('Không tìm thấy bài viết để đánh giá.');
    const bad = await post(`bai=${slug}&diem=9`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('Vui lòng chọn từ 1 đến 5 sao.');
    // A page on another site cannot make a reader's browser vote.
    const crossSite = await fetch(`${sqliteUrl}/api/danh-gia/`, { method: 'POST', headers: { origin: 'https://trang-la.example', 'content-type': 'application/x-www-form-urlencoded' }, body: `bai=${slug}&diem=1` });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error).toBe('Yêu cầu từ trang web khác bị từ chối.');
  });
});

describe('draft preview', () => {
  const DRAFT_TITLE = 'Dự thảo: lịch tiếp công dân tháng Mười Hai của xã';
  const DRAFT_TEXT = 'Chủ tịch Ủy ban nhân dân xã tiếp công dân vào sáng thứ Năm hằng tuần.';

  async function draftArticle(): Promise<string> {
    const doc = await cms.strapi.documents('api::article.article').create({ data: { title: DRAFT_TITLE, body: DRAFT_TEXT } as never });
    return (doc as unknown as { documentId: string }).documentId;
  }

  test('Strapi\'s Preview button opens the draft as the public will see it, marked, never cached or indexed', async () => {
    const documentId = await draftArticle();
    const handler = cms.strapi.config.get('admin.preview.config.handler') as (uid: string, o: { documentId: string }) => Promise<string>;
    expect(cms.strapi.config.get('admin.preview.enabled')).toBe(true);
    const link = new URL(await handler('api::article.article', { documentId }));
    expect(link.origin).toBe('https://xatanhoa.example.vn');
    const page = await browser.newPage();
    const response = await page.goto(`${sqliteUrl}${link.pathname}${link.search}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('no-store, private');
    expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
    // Only the CMS may frame it (Strapi's preview panel); the other security headers as on every answer.
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain(`frame-ancestors 'self' ${new URL(cms.url).origin}`);
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    expect(response?.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(await page.locator('h1').textContent()).toBe(DRAFT_TITLE);
    expect(await page.locator('.article-body').textContent()).toContain(DRAFT_TEXT);
    expect(await page.locator('.preview-banner').textContent()).toContain('Bản xem trước');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    // The draft is still not public.
    expect((await fetch(`${sqliteUrl}/tin-tuc/`)).status).toBe(200);
    expect(await (await fetch(`${sqliteUrl}/tin-tuc/`)).text()).not.toContain(DRAFT_TITLE);
    await page.close();
  });

  test('without the secret, with a forged or an expired link, a visitor gets 404', async () => {
    const documentId = await draftArticle();
    const good = previewPath(PREVIEW_SECRET, 'tin-tuc', documentId);
    const attempts = [
      `/xem-truoc/?loai=tin-tuc&ma=${documentId}`,
      good.replace(/ky=[^&]+/, 'ky=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
      previewPath('another-secret-0123456789abcdef', 'tin-tuc', documentId),
      previewPath(PREVIEW_SECRET, 'tin-tuc', documentId, Date.now() - 2 * 60 * 60 * 1000),
      good.replace(`ma=${documentId}`, 'ma=abcdefghijklmnopqrstuvwx'),
    ];
    for (const attempt of attempts) {
      const res = await fetch(`${sqliteUrl}${attempt}`);
      expect(res.status, attempt).toBe(404);
      const body = await res.text();
      expect(body, attempt).toContain('Không tìm thấy trang');
      expect(body, attempt).not.toContain(DRAFT_TEXT);
    }
    expect((await fetch(`${sqliteUrl}${good}`)).status).toBe(200);
  });
});
