/**
 * The editor's path end to end, in headless Chromium against the public server: an article
 * published in Strapi appears on the portal (its page, the news list, the RSS feed, the sitemap,
 * search); an edit shows; an unpublish takes it away everywhere (its address answers 404); a
 * scheduled article ("Hẹn giờ đăng") appears after its time and not before. The publishes go live
 * by the fast path (issue 15): search finds a new page through the delta index merged in the
 * browser, and no longer finds an unpublished one.
 */
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runScheduledPublishing } from '../../cms/src/lib/scheduler';
import { seedDemoContent } from '../../cms/src/seed/index';
import { launchChromium } from '../helpers/browser';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { startPublishLoop, type PublishLoop } from '../helpers/publish-loop';
import { SITE_URL } from '../helpers/site-build';

const SECRET = 'test-webhook-secret-e2e-0123456789';
const TITLE = 'Xã Tân Hòa tổ chức hội thi tiếng hát dân ca ví giặm';
const EDITED = 'Đêm chung kết có mười hai tiết mục đến từ tám thôn.';

let cms: CmsHarness;
let loop: PublishLoop;
let url: string;
let browser: Browser;
let page: Page;
let documentId: string;
let slug: string;

const articles = () => cms.strapi.documents('api::article.article');

const settle = () => loop.settle();

async function searchFor(query: string): Promise<string> {
  await page.goto(`${url}/tim-kiem/?q=${encodeURIComponent(query)}`);
  await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 10_000 }).toMatch(/kết quả/);
  return `${await page.locator('[data-search-status]').textContent()} ${await page.locator('[data-search-results]').textContent()}`;
}

const text = async (urlPath: string) => (await fetch(`${url}${urlPath}`)).text();

beforeAll(async () => {
  // The scheduling cron task runs every second here (every minute by default).
  process.env.SCHEDULE_RULE = '* * * * * *';
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  loop = await startPublishLoop(cms, 'publish-e2e', { secret: SECRET, keep: 3 });
  url = await loop.serve();
  browser = await launchChromium();
  page = await browser.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await loop?.close();
  await cms?.close();
});

describe('publish → live, as an editor and a reader see it', () => {
  test('a published article appears on its page, in the news list, the RSS feed, the sitemap and search', async () => {
    const created = (await articles().create({ data: { title: TITLE, summary: 'Hội thi thu hút đông đảo người dân tham gia.', body: 'Hội thi diễn ra tại nhà văn hóa xã.' } as never, status: 'published' })) as unknown as { documentId: string; slug: string };
    ({ documentId, slug } = created);
    await settle();
    expect(loop.publisher.lastBuild()?.path).toBe('fast');
    const response = await page.goto(`${url}/tin-tuc/${slug}/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toContain(TITLE);
    await page.goto(`${url}/tin-tuc/`);
    expect(await page.locator(`a[href="/tin-tuc/${slug}/"]`).count()).toBeGreaterThan(0);
    expect(await text('/rss.xml')).toContain(TITLE);
    expect(await text('/sitemap.xml')).toContain(`${SITE_URL}/tin-tuc/${slug}/`);
    expect(await searchFor('hoi thi tieng hat dan ca vi giam')).toContain(TITLE);
  }, 120_000);

  test('an edit shows on the page after the rebuild, at the same address', async () => {
    await articles().update({ documentId, data: { body: `Hội thi diễn ra tại nhà văn hóa xã.\n\n${EDITED}` } as never });
    await articles().publish({ documentId });
    await settle();
    const response = await page.goto(`${url}/tin-tuc/${slug}/`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('main').textContent()).toContain(EDITED);
  }, 120_000);

  test('an unpublished article is gone: 404 at its address, and out of the list, the feed, the sitemap and search', async () => {
    await articles().unpublish({ documentId });
    await settle();
    expect(loop.publisher.lastBuild()?.path).toBe('fast');
    const response = await page.goto(`${url}/tin-tuc/${slug}/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toContain('Không tìm thấy trang');
    await page.goto(`${url}/tin-tuc/`);
    expect(await page.locator(`a[href="/tin-tuc/${slug}/"]`).count()).toBe(0);
    expect(await text('/rss.xml')).not.toContain(TITLE);
    expect(await text('/sitemap.xml')).not.toContain(`/tin-tuc/${slug}/`);
    expect(await searchFor('hoi thi tieng hat dan ca vi giam')).not.toContain(TITLE);
  }, 120_000);

  test('a scheduled article appears after its time, and not before', async () => {
    const title = 'Lịch cắt điện khu vực thôn Đông theo kế hoạch';
    // Not before: an hour ahead of its time, and still at its last millisecond, the scheduler (the
    // cron task's own function, run at a moment the test names) leaves it a draft, off the portal.
    const later = new Date(Date.now() + 60 * 60_000);
    const draft = (await articles().create({ data: { title, body: 'Nội dung hẹn giờ.', publishAt: later.toISOString() } as never })) as unknown as { documentId: string; slug: string };
    const early = await runScheduledPublishing(cms.strapi, new Date(later.getTime() - 1));
    expect(early.published).not.toContain(draft.documentId);
    expect(await articles().findOne({ documentId: draft.documentId, status: 'published' })).toBeNull();
    expect((await fetch(`${url}/tin-tuc/${draft.slug}/`)).status).toBe(404);

    // After: its time moved to a second from now; the cron task (every second here) publishes it
    // and the publisher deploys it. The CMS's own publishedAt says it was not published early.
    const due = new Date(Date.now() + 1_000);
    await articles().update({ documentId: draft.documentId, data: { publishAt: due.toISOString() } as never });
    await expect.poll(async () => (await fetch(`${url}/tin-tuc/${draft.slug}/`)).status, { timeout: 60_000, interval: 500 }).toBe(200);
    const published = (await articles().findOne({ documentId: draft.documentId, status: 'published' })) as unknown as { publishedAt: string; publishAt: string | null };
    expect(Date.parse(published.publishedAt)).toBeGreaterThanOrEqual(due.getTime());
    expect(published.publishAt).toBeNull(); // the schedule ran once
    expect(await text(`/tin-tuc/${draft.slug}/`)).toContain(title);
  }, 90_000);
});
