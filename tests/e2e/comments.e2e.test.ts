/**
 * Comments with a captcha, end to end: a reader comments in Chromium (a wrong code first, then the
 * right one), the comment waits in Strapi as a draft, an editor approves it by publishing, and
 * after the rebuild it is on the article page. Replayed and expired codes, the rate limit, and
 * markup in a comment (inert on the page). The captcha: a page view requests none, starting a
 * comment requests one, it is limited per address and globally, and the search index never takes
 * it as an article's image.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent } from '../../cms/src/seed/index';
import { launchChromium, pagefindSearch } from '../helpers/browser';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { startPublishLoop, type PublishLoop } from '../helpers/publish-loop';

const SECRET = 'test-webhook-secret-comments-0123456789';
const SENT = 'Bình luận của bạn đã được gửi và đang chờ duyệt.';

let cms: CmsHarness;
let loop: PublishLoop;
let url: string;
let dataDir: string;
let readerDb: string;
let browser: Browser;
let slug: string;

const comments = () => cms.strapi.documents('api::comment.comment');

/** What the reader would read off the captcha image: the answer stored for the id in their cookie. */
function answerFor(id: string): string | null {
  const db = new Database(readerDb, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT answer FROM captchas WHERE id = ?').get(id) as { answer: string } | undefined)?.answer ?? null;
  } finally {
    db.close();
  }
}

async function captchaCookie(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies(url)).find((c) => c.name === 'cong_captcha')?.value;
}

/** A fresh captcha over HTTP: its cookie header and answer. */
async function httpCaptcha(address: string): Promise<{ cookie: string; answer: string }> {
  const res = await fetch(`${url}/api/ma-xac-thuc/`, { headers: { 'x-real-ip': address } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/svg+xml');
  expect(await res.text()).toMatch(/^<svg/);
  const id = /cong_captcha=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  return { cookie: `cong_captcha=${id}`, answer: answerFor(id)! };
}

/** Records the page's captcha requests and how many of its requests are still in flight. */
function watchRequests(page: Page) {
  const captcha: string[] = [];
  let inFlight = 0;
  page.on('request', (r) => {
    inFlight += 1;
    if (new URL(r.url()).pathname.startsWith('/api/ma-xac-thuc')) captcha.push(r.url());
  });
  page.on('requestfinished', () => void (inFlight -= 1));
  page.on('requestfailed', () => void (inFlight -= 1));
  return {
    captcha,
    /** Resolves when every image in view (or not lazy) has loaded or failed and no request is in flight. */
    async quiet() {
      await page.waitForFunction(() =>
        Array.from(document.images).every((img) => {
          const box = img.getBoundingClientRect();
          return img.complete || (img.loading === 'lazy' && (box.bottom < 0 || box.top > innerHeight));
        }),
      );
      await expect.poll(() => inFlight, { timeout: 10_000 }).toBe(0);
    },
  };
}

/** What Pagefind returns, in the browser, for a search: each result's URL and image. */
function searchResults(page: Page, term: string): Promise<Array<{ url: string; image: string | null }>> {
  return pagefindSearch(page, term);
}

function postComment(fields: Record<string, string>, headers: Record<string, string>): Promise<Response> {
  return fetch(`${url}/binh-luan/`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ bai: slug, ...fields }).toString(),
  });
}

const settle = () => loop.settle();

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  dataDir = mkdtempSync(path.join(tmpdir(), 'cong-comments-'));
  readerDb = path.join(dataDir, 'reader.db');
  loop = await startPublishLoop(cms, 'comments-e2e', { secret: SECRET });
  url = await loop.serve({ READER_DB: readerDb, CMS_URL: cms.url, CMS_COMMENT_TOKEN: cms.commentToken, COMMENT_LIMIT: '5' });
  const [article] = await cms.strapi.documents('api::article.article').findMany({ status: 'published', sort: 'publishedAt:desc', limit: 1 });
  slug = (article as unknown as { slug: string }).slug;
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await loop?.close();
  await cms?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('comments', () => {
  test('a reader comments (wrong code, then the right one), an editor approves, and it appears after the rebuild', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/tin-tuc/${slug}/`);
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Thư điện tử (không bắt buộc, không hiển thị)').fill('hoa.nguyen@example.vn');
    await page.getByLabel('Nội dung').fill('Đề nghị xã sớm sửa đoạn đường liên thôn\nqua cầu Đông, mùa mưa rất khó đi.');
    await page.locator('[data-captcha-image]').scrollIntoViewIfNeeded();
    await expect.poll(() => captchaCookie(context), { timeout: 10_000 }).toBeTruthy();
    const firstId = (await captchaCookie(context))!;
    await page.getByLabel('Mã xác thực').fill('sai12');
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect.poll(() => page.locator('[data-comment-message]').textContent(), { timeout: 10_000 }).toBe('Mã xác thực không đúng.');
    // What the reader typed is still there; a new code was loaded.
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hoa');
    expect(await page.getByLabel('Nội dung').inputValue()).toContain('qua cầu Đông');
    await expect.poll(() => captchaCookie(context), { timeout: 10_000 }).not.toBe(firstId);
    await expect.poll(async () => answerFor((await captchaCookie(context))!), { timeout: 10_000 }).toBeTruthy();
    await page.getByLabel('Mã xác thực').fill(answerFor((await captchaCookie(context))!)!.toUpperCase());
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect.poll(() => page.locator('[data-comment-message]').textContent(), { timeout: 10_000 }).toBe(SENT);

    // In Strapi: a draft waiting for approval, with the email kept there.
    const drafts = (await comments().findMany({ status: 'draft', filters: { name: 'Nguyễn Thị Hoa' } as never })) as unknown as Array<{ documentId: string; email: string; content: string }>;
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.email).toBe('hoa.nguyen@example.vn');
    expect(await comments().findMany({ status: 'published', filters: { name: 'Nguyễn Thị Hoa' } as never })).toHaveLength(0);

    await comments().publish({ documentId: drafts[0]!.documentId });
    await settle();
    await page.goto(`${url}/tin-tuc/${slug}/`);
    const list = page.locator('.comment-list');
    expect(await list.textContent()).toContain('Nguyễn Thị Hoa');
    expect(await list.textContent()).toContain('mùa mưa rất khó đi');
    expect(await page.content()).not.toContain('hoa.nguyen@example.vn');
    await context.close();
  }, 120_000);

  test('a page view requests no captcha; starting a comment requests exactly one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = watchRequests(page);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${url}/tin-tuc/${slug}/`);
    // The reader reads the whole article, down to the comments, and types nothing.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await requests.quiet();
    expect(requests.captcha).toEqual([]);
    expect(await captchaCookie(context)).toBeUndefined();

    // Focus in the form: one code, shown as an image whose answer is stored.
    await page.getByLabel('Họ và tên').focus();
    await expect.poll(() => requests.captcha.length, { timeout: 10_000 }).toBe(1);
    const image = page.locator('img[data-captcha-image]');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    expect(await image.getAttribute('alt')).toMatch(/^Mã xác thực dạng ảnh/);
    expect(answerFor((await captchaCookie(context))!)).toMatch(/^[a-z0-9]{5}$/);
    // Going on with the comment does not fetch another.
    await page.getByLabel('Họ và tên').fill('Vũ Thị Lan');
    await page.getByLabel('Nội dung').click();
    await page.getByLabel('Nội dung').fill('Góp ý về lịch tiếp dân.');
    await page.getByLabel('Mã xác thực').click();
    await requests.quiet();
    expect(requests.captcha).toHaveLength(1);
    expect(violations).toEqual([]); // the form's script and the image it adds run under the page's policy
    await context.close();
  });

  test('a reader who asks for the question in words first fetches only that, and can comment with its answer', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = watchRequests(page);
    await page.goto(`${url}/tin-tuc/${slug}/`);
    await page.getByRole('link', { name: 'Dùng câu hỏi thay thế' }).click();
    const text = page.locator('[data-captcha-text]');
    await expect.poll(() => text.textContent(), { timeout: 10_000 }).toMatch(/chữ số\.$/);
    expect(await page.locator('[data-captcha-box]').isVisible()).toBe(false);
    // Typing the comment afterwards fetches no image, which would replace the question's code.
    await page.getByLabel('Họ và tên').fill('Hoàng Văn Minh');
    await page.getByLabel('Nội dung').fill('Cảm ơn, câu hỏi dễ hiểu.');
    await requests.quiet();
    expect(requests.captcha.map((u) => new URL(u).search)).toEqual(['?kieu=chu']);
    await page.getByLabel('Mã xác thực').fill(answerFor((await captchaCookie(context))!)!);
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect.poll(() => page.locator('[data-comment-message]').textContent(), { timeout: 10_000 }).toBe(SENT);
    await context.close();
  });

  test('without JavaScript the form shows the captcha image and the question link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${url}/tin-tuc/${slug}/`);
    const image = page.locator('.comment-form img[src^="/api/ma-xac-thuc/"]');
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    expect(await captchaCookie(context)).toBeTruthy();
    expect(await page.getByRole('link', { name: 'Dùng câu hỏi thay thế' }).getAttribute('href')).toBe('/api/ma-xac-thuc/?kieu=chu');
    await context.close();
  });

  test('captchas are limited per address and for everyone, with 429 in Vietnamese', async () => {
    const limited = await loop.serve({ READER_DB: path.join(dataDir, 'limits.db'), CAPTCHA_LIMIT: '2', CAPTCHA_GLOBAL_LIMIT: '4' });
    const get = (address: string, query = '', accept = 'application/json') => fetch(`${limited}/api/ma-xac-thuc/${query}`, { headers: { 'x-real-ip': address, accept } });
    // Per address: two, then 429 (JSON for the page's script, plain text for the link without it).
    expect((await get('203.0.113.1')).status).toBe(200);
    expect((await get('203.0.113.1', '?kieu=chu')).status).toBe(200);
    const perAddress = await get('203.0.113.1');
    expect(perAddress.status).toBe(429);
    expect(Number(perAddress.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await perAddress.json()).error).toBe('Bạn đã yêu cầu quá nhiều mã xác thực. Vui lòng thử lại sau ít phút.');
    const asText = await get('203.0.113.1', '?kieu=chu', 'text/html');
    expect(asText.status).toBe(429);
    expect(asText.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await asText.text()).toContain('Bạn đã yêu cầu quá nhiều mã xác thực.');
    // For everyone: four in the window (a refused request does not count), whatever the address.
    expect((await get('203.0.113.2')).status).toBe(200);
    expect((await get('203.0.113.3')).status).toBe(200);
    const global = await get('203.0.113.4');
    expect(global.status).toBe(429);
    expect(Number(global.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await global.json()).error).toBe('Hệ thống đang nhận quá nhiều yêu cầu mã xác thực. Vui lòng thử lại sau ít phút.');
  });

  test('the search index does not take the captcha as an article\'s image', async () => {
    const title = 'Lịch tiếp công dân tháng mười hai không kèm ảnh';
    const [category] = await cms.strapi.documents('api::category.category').findMany({ limit: 1 });
    await cms.strapi.documents('api::article.article').create({
      data: { title, summary: 'Bài không có ảnh bìa.', body: 'Ban tiếp công dân xã thông báo lịch tiếp công dân.', category: (category as unknown as { documentId: string }).documentId } as never,
      status: 'published',
    });
    await settle();
    const page = await browser.newPage();
    await page.goto(`${url}/tim-kiem/`);
    const results = await searchResults(page, title);
    const mine = results.find((r) => r.url.startsWith('/tin-tuc/lich-tiep-cong-dan-thang-muoi-hai-khong-kem-anh'));
    expect(mine, JSON.stringify(results)).toBeDefined();
    expect(mine!.image).toBeNull();
    for (const r of [...results, ...(await searchResults(page, 'xã'))]) expect(r.image ?? '', r.url).not.toContain('ma-xac-thuc');
    await page.close();
  }, 120_000);

  test('a comment sent through the REST API asking to be published is still a draft', async () => {
    const [article] = await cms.strapi.documents('api::article.article').findMany({ status: 'published', limit: 1 });
    const res = await fetch(`${cms.url}/api/comments?status=published`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cms.commentToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { article: (article as unknown as { documentId: string }).documentId, name: 'Người thử', content: 'Tự đăng?' } }),
    });
    expect(res.status).toBe(201);
    expect(await comments().findMany({ status: 'published', filters: { name: 'Người thử' } as never })).toHaveLength(0);
    expect(await comments().findMany({ status: 'draft', filters: { name: 'Người thử' } as never })).toHaveLength(1);
    // The comment token cannot read comments (nor anything but published articles).
    expect((await fetch(`${cms.url}/api/comments`, { headers: { authorization: `Bearer ${cms.commentToken}` } })).status).toBe(403);
  });

  test('a replayed or expired code is refused', async () => {
    const address = '198.51.100.10';
    const { cookie, answer } = await httpCaptcha(address);
    const fields = { 'ho-ten': 'Trần Văn Bình', 'noi-dung': 'Cảm ơn ban biên tập.', 'ma-xac-thuc': answer };
    const first = await postComment(fields, { cookie, 'x-real-ip': address });
    expect(first.status).toBe(201);
    expect((await first.json()).message).toBe(SENT);
    const replay = await postComment(fields, { cookie, 'x-real-ip': address });
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('Mã xác thực đã hết hạn hoặc đã được dùng. Vui lòng nhập mã mới.');
    // Expired: the stored answer's time is over.
    const fresh = await httpCaptcha(address);
    const db = new Database(readerDb);
    db.prepare('UPDATE captchas SET expires_at = ? WHERE answer = ?').run(Date.now() - 1000, fresh.answer);
    db.close();
    const expired = await postComment({ ...fields, 'ma-xac-thuc': fresh.answer }, { cookie: fresh.cookie, 'x-real-ip': address });
    expect(expired.status).toBe(400);
    expect((await expired.json()).field).toBe('ma-xac-thuc');
  });

  test('too many comments from one address get 429 with a Vietnamese message', async () => {
    const address = '198.51.100.20';
    const statuses: number[] = [];
    let last: { error?: string } = {};
    for (let i = 0; i < 6; i += 1) {
      const res = await postComment({ 'ho-ten': 'Lê Văn C', 'noi-dung': `Lần ${i}`, 'ma-xac-thuc': 'x' }, { 'x-real-ip': address });
      statuses.push(res.status);
      last = await res.json();
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect(last.error).toMatch(/^Bạn đã gửi quá nhiều bình luận\. Vui lòng thử lại sau \d+ phút\.$/);
  });

  test('explains bad fields in Vietnamese, and without JavaScript shows the form again as typed', async () => {
    const address = '198.51.100.30';
    const { cookie } = await httpCaptcha(address);
    const long = await postComment({ 'ho-ten': 'Phạm D', 'noi-dung': 'a'.repeat(2001), 'ma-xac-thuc': 'abcde' }, { cookie, 'x-real-ip': address });
    expect(long.status).toBe(400);
    expect((await long.json()).error).toBe('Nội dung dài tối đa 2000 ký tự (hiện có 2001).');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${url}/tin-tuc/${slug}/`);
    await page.getByLabel('Họ và tên').fill('Đỗ Văn Em');
    await page.getByLabel('Nội dung').fill('Góp ý không cần JavaScript.');
    await page.getByLabel('Mã xác thực').fill('khongdung');
    await page.getByRole('button', { name: 'Gửi bình luận' }).click();
    await page.waitForURL(/\/binh-luan\/$/);
    expect(await page.locator('[data-comment-message]').textContent()).toBe('Mã xác thực không đúng.');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Đỗ Văn Em');
    expect(await page.getByLabel('Nội dung').inputValue()).toBe('Góp ý không cần JavaScript.');
    await context.close();
  });

  test('markup in a name or a comment stays inert text on the article page', async () => {
    const address = '198.51.100.40';
    const { cookie, answer } = await httpCaptcha(address);
    const name = '<img src=x onerror="window.__xss=1">';
    const content = '<script>window.__xss=2</script>"><svg onload="window.__xss=3"> [a](javascript:alert(1))';
    const res = await postComment({ 'ho-ten': name, 'noi-dung': content, 'ma-xac-thuc': answer }, { cookie, 'x-real-ip': address });
    expect(res.status).toBe(201);
    const [draft] = (await comments().findMany({ status: 'draft', filters: { name } as never })) as unknown as Array<{ documentId: string }>;
    await comments().publish({ documentId: draft!.documentId });
    await settle();
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${url}/tin-tuc/${slug}/`);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const text = await page.locator('.comment-list').textContent();
    expect(text).toContain(name);
    expect(text).toContain('<script>window.__xss=2</script>');
    expect(await page.locator('.comment-list script, .comment-list img, .comment-list svg').count()).toBe(0);
    await page.close();
  }, 120_000);
});
