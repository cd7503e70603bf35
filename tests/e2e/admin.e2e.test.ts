/**
 * The Vietnamese admin in Chromium, where editors moderate: a reader's comment carrying markup
 * is shown as text in the list and the edit view (a "Bản nháp" until approved), and nothing in it runs.
 * Needs the admin panel build (tests/global-setup.ts builds it once).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent } from '../../cms/src/seed/index';
import { launchChromium } from '../helpers/browser';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { rootDir } from '../helpers/site-build';

const NAME = '<img src=x onerror="window.__xss=1">Bạn đọc';
const CONTENT = '<script>window.__xss=2</script><svg onload="window.__xss=3"></svg> Xin cảm ơn.';

let cms: CmsHarness;
let browser: Browser;
let documentId: string;

beforeAll(async () => {
  expect(existsSync(path.join(rootDir, 'cms', 'dist', 'build', 'index.html')), 'the admin panel build is missing: tests/global-setup.ts builds it').toBe(true);
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  const [article] = await cms.strapi.documents('api::article.article').findMany({ status: 'published', limit: 1 });
  const res = await fetch(`${cms.url}/api/comments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cms.commentToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ data: { article: (article as unknown as { documentId: string }).documentId, name: NAME, content: CONTENT } }),
  });
  expect(res.status).toBe(201);
  documentId = ((await res.json()) as { data: { documentId: string } }).data.documentId;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await cms?.close();
});

/** A page signed in as the first admin, on the admin's home. One sign-in per test: the admin allows 5 per 5 minutes. */
async function signIn() {
  const credentials = readFileSync(path.join(cms.dataDir, 'admin-credentials.txt'), 'utf8');
  const page = await browser.newPage({ viewport: { width: 1800, height: 900 } });
  await page.goto(`${cms.url}/admin/auth/login`);
  await page.getByLabel(/Email/i).fill(/email: (.*)/.exec(credentials)![1]!);
  await page.getByLabel(/Mật khẩu|Password/i).first().fill(/password: (.*)/.exec(credentials)![1]!);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin\/?$/, { timeout: 30_000 });
  return page;
}

describe('moderation in the admin', () => {
  test('a comment with markup is inert text in the list and the edit view, waiting as "Bản nháp"', async () => {
    const page = await signIn();
    const dialogs: string[] = [];
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::comment.comment`);
    const row = page.locator('tbody tr', { hasText: 'Bạn đọc' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain(NAME);
    expect(await row.textContent()).toContain('Bản nháp');
    expect(await page.locator('thead').textContent()).toContain('Trạng thái');

    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::comment.comment/${documentId}`);
    const name = page.getByLabel('Họ và tên');
    await name.waitFor({ timeout: 30_000 });
    expect(await name.inputValue()).toBe(NAME);
    expect(await page.getByLabel('Nội dung bình luận').inputValue()).toBe(CONTENT);
    // Bound what the markup could do: rendered as HTML, its <img src=x> would be requested and fail
    // (then onerror runs). Wait until the page has no request left, then check none went out for it.
    await page.waitForLoadState('networkidle');
    expect(requested.filter((u) => new URL(u).pathname.endsWith('/x'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('"Mức độ công khai thông tin" in the admin (issue 13, item 7)', () => {
  test('lists each item with its state and a link to fix it; removing the last schedule week turns "Lịch công tác" to "Chưa có"', async () => {
    const page = await signIn();
    await page.getByRole('link', { name: 'Mức độ công khai thông tin' }).click();
    await page.waitForURL(/\/admin\/cong-khai-thong-tin/);
    const row = (name: string) => page.locator('tbody tr', { hasText: name });
    await row('Lịch công tác của lãnh đạo').waitFor({ timeout: 30_000 });
    expect(await page.locator('h1').textContent()).toBe('Mức độ công khai thông tin');
    expect(await row('Lịch công tác của lãnh đạo').textContent()).toContain('Đủ');
    expect(await row('Báo cáo tài chính năm').textContent()).toContain('Chưa có');
    expect(await row('Báo cáo tình hình thực hiện ngân sách').textContent()).toContain('Quá hạn cập nhật');

    const weeks = await cms.strapi.documents('api::work-week.work-week').findMany({ status: 'published', fields: ['weekOf'] });
    expect(weeks.length).toBeGreaterThan(0);
    for (const w of weeks) await cms.strapi.documents('api::work-week.work-week').delete({ documentId: w.documentId });
    await page.reload();
    await row('Lịch công tác của lãnh đạo').waitFor({ timeout: 30_000 });
    expect(await row('Lịch công tác của lãnh đạo').textContent()).toContain('Chưa có');
    // "Cập nhật" opens the list where an editor enters the week.
    await row('Lịch công tác của lãnh đạo').getByRole('link', { name: 'Cập nhật' }).click();
    await page.waitForURL(/\/admin\/content-manager\/collection-types\/api::work-week\.work-week/);
    await page.close();
  }, 120_000);
});
