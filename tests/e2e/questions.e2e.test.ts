/**
 * Hỏi đáp end to end: a citizen asks in Chromium (a wrong code refused in Vietnamese, then the
 * right one), the question waits in Strapi as a draft with the email and phone kept there; an
 * editor answers and publishes; after the rebuild it is on /hoi-dap/, its sector's page and its
 * own page, and the site search finds it. Without JavaScript the form posts and comes back; a
 * post from another site is refused. The asker's email and phone are in no file of the release
 * (pages, open data, search index). The new pages pass axe and the Nu Html Checker.
 */
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent } from '../../cms/src/seed/index';
import { DEMO_QUESTIONS } from '../../cms/src/seed/questions';
import { QUESTION_SENT } from '../../site/src/lib/question-form';
import { launchChromium, pagefindSearch } from '../helpers/browser';
import { hasJava, htmlCheckerErrors, seriousViolations } from '../helpers/checkers';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { startPublishLoop, type PublishLoop } from '../helpers/publish-loop';

const SECRET = 'test-webhook-secret-questions-0123456789';
const ASKED = {
  name: 'Trịnh Thị Thu Hương',
  email: 'huong.trinh.hoidap@example.vn',
  phone: '0966 135 792',
  title: 'Đăng ký thường trú cho con sau khi chuyển về sống cùng ông bà',
  content: 'Con tôi 10 tuổi chuyển về sống với ông bà nội ở thôn Đồng Lạc.\nXin hỏi thủ tục đăng ký thường trú cho cháu như thế nào?',
};
const ANSWER = 'Chào bà Hương,\n\nGia đình nộp hồ sơ **đăng ký thường trú** tại Công an xã hoặc trực tuyến; hồ sơ gồm tờ khai thay đổi thông tin cư trú có ý kiến đồng ý của chủ hộ.';

let cms: CmsHarness;
let loop: PublishLoop;
let url: string;
let dataDir: string;
let readerDb: string;
let browser: Browser;
let slug: string;

const questions = () => cms.strapi.documents('api::question.question');
const client = () => path.join(realpathSync(path.join(loop.root, 'current')), 'client');

/** The answer stored for the captcha id in a reader's cookie (what they would read off the image). */
function answerFor(id: string): string | null {
  const db = new Database(readerDb, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT answer FROM captchas WHERE id = ?').get(id) as { answer: string } | undefined)?.answer ?? null;
  } finally {
    db.close();
  }
}

const captchaCookie = async (context: BrowserContext) => (await context.cookies(url)).find((c) => c.name === 'cong_captcha')?.value;

/** A fresh captcha over HTTP: its cookie header and answer. */
async function httpCaptcha(address: string): Promise<{ cookie: string; answer: string }> {
  const res = await fetch(`${url}/api/ma-xac-thuc/`, { headers: { 'x-real-ip': address } });
  expect(res.status).toBe(200);
  await res.text();
  const id = /cong_captcha=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
  return { cookie: `cong_captcha=${id}`, answer: answerFor(id)! };
}

/** Each result's URL for a search run by Pagefind in the page. */
async function searchUrls(page: Page, term: string): Promise<string[]> {
  return (await pagefindSearch(page, term)).map((r) => r.url);
}

/** Every file of the live release as text (gzip-compressed ones, the search index among them, unpacked). */
function releaseTexts(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.br')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = readFileSync(file);
    let text = bytes.toString('utf8');
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) text = gunzipSync(bytes).toString('utf8');
    out.push([path.relative(dir, file), text]);
  }
  return out;
}

const settle = () => loop.settle();

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  dataDir = mkdtempSync(path.join(tmpdir(), 'cong-questions-'));
  readerDb = path.join(dataDir, 'reader.db');
  loop = await startPublishLoop(cms, 'questions-e2e', { secret: SECRET });
  url = await loop.serve({ READER_DB: readerDb, CMS_URL: cms.url, CMS_QUESTION_TOKEN: cms.questionToken, QUESTION_LIMIT: '20' });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await loop?.close();
  await cms?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Hỏi đáp', () => {
  test('a citizen asks (wrong code, then the right one), an editor answers and publishes, and it is listed, on its page and found by search', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/hoi-dap/`);
    await page.getByRole('link', { name: 'Gửi câu hỏi' }).first().click();
    await page.waitForURL(/\/hoi-dap\/gui-cau-hoi\/$/);
    await page.getByLabel('Họ và tên').fill(ASKED.name);
    await page.getByLabel('Thư điện tử (không bắt buộc, không công khai)').fill(ASKED.email);
    await page.getByLabel('Điện thoại (không bắt buộc, không công khai)').fill(ASKED.phone);
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Tư pháp – Hộ tịch' });
    await page.getByLabel('Tiêu đề').fill(ASKED.title);
    await page.getByLabel('Nội dung câu hỏi').fill(ASKED.content);
    await expect.poll(() => captchaCookie(context), { timeout: 10_000 }).toBeTruthy();
    const firstId = (await captchaCookie(context))!;
    await page.getByLabel('Mã xác thực').fill('sai12');
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    const message = page.locator('[data-form-message]');
    await expect.poll(() => message.textContent(), { timeout: 10_000 }).toBe('Mã xác thực không đúng.');
    expect(await page.getByLabel('Tiêu đề').inputValue()).toBe(ASKED.title);
    await expect.poll(() => captchaCookie(context), { timeout: 10_000 }).not.toBe(firstId);
    await expect.poll(async () => answerFor((await captchaCookie(context))!), { timeout: 10_000 }).toBeTruthy();
    await page.getByLabel('Mã xác thực').fill(answerFor((await captchaCookie(context))!)!);
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await expect.poll(() => message.textContent(), { timeout: 10_000 }).toBe(QUESTION_SENT);

    // In Strapi: a draft waiting for an answer, the contact details kept there only.
    const drafts = (await questions().findMany({ status: 'draft', filters: { title: ASKED.title } as never, populate: ['sector'] })) as unknown as Array<{ documentId: string; slug: string; email: string; phone: string; askerName: string; content: string; sector: { name: string } }>;
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ email: ASKED.email, phone: ASKED.phone, askerName: ASKED.name, content: ASKED.content, sector: { name: 'Tư pháp – Hộ tịch' } });
    expect(await questions().findMany({ status: 'published', filters: { title: ASKED.title } as never })).toHaveLength(0);
    slug = drafts[0]!.slug;

    // The editor answers and publishes (the Document Service, as the admin's Save then Publish).
    const { documentId } = drafts[0]!;
    await questions().update({ documentId, data: { answer: ANSWER, answeredBy: 'Công an xã Tân Hòa' } as never });
    await questions().publish({ documentId });
    await settle();

    await page.goto(`${url}/hoi-dap/`);
    const first = page.locator('.question-list li').first();
    expect(await first.locator('a').textContent()).toBe(ASKED.title);
    await first.locator('a').click();
    await page.waitForURL(new RegExp(`/hoi-dap/${slug}/$`));
    const article = page.locator('article.question-page');
    expect(await article.locator('h1').textContent()).toBe(ASKED.title);
    const text = (await article.textContent())!;
    for (const shown of [ASKED.name, 'Tư pháp – Hộ tịch', 'Công an xã Tân Hòa', 'đăng ký thường trú', 'chuyển về sống với ông bà nội']) expect(text).toContain(shown);
    expect(await article.locator('.question-answer .article-body strong').textContent()).toBe('đăng ký thường trú');
    const html = await page.content();
    expect(html).not.toContain(ASKED.email);
    expect(html).not.toContain(ASKED.phone);
    // Its sector's page lists it.
    await page.getByRole('link', { name: 'Tư pháp – Hộ tịch' }).first().click();
    await page.waitForURL(/\/hoi-dap\/linh-vuc\/tu-phap-ho-tich\/$/);
    expect(await page.locator('.question-list').textContent()).toContain(ASKED.title);
    // The site search finds it, with or without diacritics.
    for (const term of ['thường trú ông bà nội', 'thuong tru ong ba noi']) expect(await searchUrls(page, term), term).toContain(`/hoi-dap/${slug}/`);
    await page.goto(`${url}/tim-kiem/?q=${encodeURIComponent('thuong tru ong ba')}`);
    await expect.poll(() => page.locator('[data-search-results]').textContent(), { timeout: 10_000 }).toContain(ASKED.title);
    await context.close();
  }, 180_000);

  test('without JavaScript the form posts, a wrong code comes back in Vietnamese with what was typed, and a right one goes back to the note', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${url}/hoi-dap/gui-cau-hoi/`);
    const image = page.locator('.question-form img[src^="/api/ma-xac-thuc/"]');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    await page.getByLabel('Họ và tên').fill('Đào Văn Thắng');
    await page.getByLabel('Tiêu đề').fill('Hỏi không cần JavaScript');
    await page.getByLabel('Nội dung câu hỏi').fill('Câu hỏi gửi từ trình duyệt tắt JavaScript.');
    await page.getByLabel('Mã xác thực').fill('khongdung');
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await page.waitForURL((u) => u.pathname === '/gui-cau-hoi/');
    expect(await page.locator('[data-form-message]').textContent()).toBe('Mã xác thực không đúng.');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Đào Văn Thắng');
    expect(await page.getByLabel('Nội dung câu hỏi').inputValue()).toBe('Câu hỏi gửi từ trình duyệt tắt JavaScript.');
    expect(await page.getByLabel('Lĩnh vực').locator('option').count()).toBeGreaterThan(5);
    const answer = answerFor((await captchaCookie(context))!)!;
    await page.getByLabel('Mã xác thực').fill(answer);
    await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await page.waitForURL(/\/hoi-dap\/gui-cau-hoi\/#cau-hoi-da-gui$/);
    expect(await page.locator('#cau-hoi-da-gui').isVisible()).toBe(true);
    expect(await page.locator('#cau-hoi-da-gui').textContent()).toBe(QUESTION_SENT);
    expect(await questions().findMany({ status: 'draft', filters: { title: 'Hỏi không cần JavaScript' } as never })).toHaveLength(1);
    await context.close();
  }, 90_000);

  test('a post from another site, or naming a sector the site does not offer, is refused; the limit counts per address', async () => {
    const address = '198.51.100.61';
    const { cookie, answer } = await httpCaptcha(address);
    const fields = { 'ho-ten': 'Mai Văn Tới', 'tieu-de': 'Câu hỏi từ trang khác', 'noi-dung': 'Thử.', 'ma-xac-thuc': answer };
    const send = (extra: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${url}/gui-cau-hoi/`, { method: 'POST', redirect: 'manual', headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-real-ip': address, ...headers }, body: new URLSearchParams({ ...fields, ...extra }).toString() });
    const cross = await send({}, { origin: 'https://trang-khac.example' });
    expect(cross.status).toBe(403);
    expect((await cross.json()).error).toBe('Yêu cầu từ trang web khác bị từ chối.');
    const sector = await send({ 'linh-vuc': 'linh-vuc-khong-co' });
    expect(sector.status).toBe(400);
    expect(await sector.json()).toMatchObject({ error: 'Lĩnh vực đã chọn không có trong danh sách. Vui lòng chọn lại.', field: 'linh-vuc' });
    expect(await questions().findMany({ filters: { title: 'Câu hỏi từ trang khác' } as never })).toHaveLength(0);

    const limited = await loop.serve({ READER_DB: path.join(dataDir, 'limits.db'), CMS_URL: cms.url, CMS_QUESTION_TOKEN: cms.questionToken, QUESTION_LIMIT: '2' });
    const post = () => fetch(`${limited}/gui-cau-hoi/`, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-real-ip': '198.51.100.62' }, body: new URLSearchParams({ 'ho-ten': 'A' }).toString() });
    expect((await post()).status).toBe(400);
    expect((await post()).status).toBe(400);
    const over = await post();
    expect(over.status).toBe(429);
    expect((await over.json()).error).toMatch(/^Bạn đã gửi quá nhiều câu hỏi\. Vui lòng thử lại sau \d+ phút\.$/);
  });

  test("no file of the live release carries an asker's email or phone: pages, open data, sitemap, search index", () => {
    const secrets = [ASKED.email, ASKED.phone, ...DEMO_QUESTIONS.flatMap((q) => [q.email, q.phone]).filter((v): v is string => Boolean(v))];
    const files = releaseTexts(client());
    // The full index and the fast publishes' delta (issue 15) alike.
    expect(files.some(([name]) => /^pagefind(-delta)?\//.test(name))).toBe(true);
    expect(files.some(([name]) => name.startsWith('du-lieu-mo/'))).toBe(true);
    // The search index does hold the questions (so the check below reads it).
    expect(files.filter(([name]) => /^pagefind(-delta)?\//.test(name)).some(([, text]) => text.includes('chuyển về sống với ông bà nội'))).toBe(true);
    for (const [name, text] of files) for (const secret of secrets) expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
  });

  test('the Hỏi đáp pages pass axe (WCAG 2.1 AA) at 1280 and 375 px, the sitemap lists them, and the waiting questions have no page', async () => {
    const sector = 'tu-phap-ho-tich';
    for (const p of ['/hoi-dap/', `/hoi-dap/${slug}/`, `/hoi-dap/linh-vuc/${sector}/`, '/hoi-dap/gui-cau-hoi/']) {
      for (const width of [1280, 375]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        expect((await page.goto(`${url}${p}`))?.status(), p).toBe(200);
        expect(await seriousViolations(page), `${p} at ${width}px`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${p} at ${width}px`).toBe(true);
        await context.close();
      }
    }
    // The refusal page (on demand): the form posted natively, as without JavaScript.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/hoi-dap/gui-cau-hoi/`);
    await page.getByLabel('Họ và tên').fill('Kiều Văn Lâm');
    await page.evaluate(() => HTMLFormElement.prototype.submit.call(document.querySelector('form.question-form')));
    await page.waitForURL((u) => u.pathname === '/gui-cau-hoi/');
    expect(await page.locator('[data-form-message]').textContent()).toBe('Vui lòng nhập tiêu đề câu hỏi.');
    expect(await seriousViolations(page), 'the refusal page').toEqual([]);
    await context.close();
    const sitemap = await (await fetch(`${url}/sitemap.xml`)).text();
    for (const p of ['/hoi-dap/', `/hoi-dap/${slug}/`, `/hoi-dap/linh-vuc/${sector}/`, '/hoi-dap/gui-cau-hoi/']) expect(sitemap).toContain(`${p}</loc>`);
    const waiting = DEMO_QUESTIONS.filter((q) => !q.answer);
    const list = await (await fetch(`${url}/hoi-dap/`)).text();
    for (const q of waiting) expect(list).not.toContain(q.title);
    for (const q of DEMO_QUESTIONS.filter((d) => d.answer)) expect(list).toContain(q.title);
  }, 120_000); // eight pages loaded and checked, and a form posted: like the other pages' axe checks

  test.runIf(hasJava)('the Hỏi đáp pages are valid HTML for the Nu Html Checker', async () => {
    const root = client();
    const pages = ['hoi-dap/index.html', `hoi-dap/${slug}/index.html`, 'hoi-dap/linh-vuc/tu-phap-ho-tich/index.html', 'hoi-dap/gui-cau-hoi/index.html'].map((p) => path.join(root, p));
    expect(await htmlCheckerErrors(pages, root)).toEqual([]);
  });
});
