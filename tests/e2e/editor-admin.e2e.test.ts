/**
 * The editor's path through the admin's own pages (issue 16), in Chromium, with no admin API
 * shortcut: a Tác giả signs in, writes an article with a cover image and its description, saves
 * it and asks for review ("Gửi duyệt"); a Biên tập viên finds it, publishes it, and the page is
 * live on the portal; the Biên tập viên unpublishes it and it is gone. Sessions are kept per
 * account (the admin allows 5 sign-ins per 5 minutes). Needs the admin panel build.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AUTHOR_ROLE, EDITOR_ROLE } from '../../cms/src/bootstrap/editor-roles';
import { illustrationJpeg } from '../../cms/src/seed/demo-media';
import { seedDemoContent } from '../../cms/src/seed/index';
import { launchChromium } from '../helpers/browser';
import { foreignWords } from '../helpers/foreign-words';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { startPublishLoop, type PublishLoop } from '../helpers/publish-loop';
import { rootDir } from '../helpers/site-build';

const TITLE = 'Thôn Bắc Sơn khánh thành nhà văn hóa mới';
const SUMMARY = 'Công trình do nhân dân đóng góp và ngân sách xã hỗ trợ.';
const BODY = 'Nhà văn hóa có sức chứa hai trăm người.';
const ALT = 'Nhà văn hóa thôn Bắc Sơn trong ngày khánh thành';
const PASSWORD = 'Thu-nghiem-2026';
/** The editor's guide's screenshots (cms/guide/anh/, shown by "Hướng dẫn biên tập"): taken here, so the guide shows this version's admin. */
const SHOTS = process.env.ADMIN_SHOTS_DIR ?? path.join(rootDir, 'cms', 'guide', 'anh');

let cms: CmsHarness;
let loop: PublishLoop;
let portalUrl: string;
let browser: Browser;
const sessions = new Map<string, BrowserContext>();

async function createAccount(email: string, roleCode: string, firstname: string): Promise<void> {
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  await (cms.strapi.service('admin::user') as { create(data: object): Promise<unknown> }).create({ email, firstname, lastname: 'Thử nghiệm', password: PASSWORD, isActive: true, roles: [role.id] });
}

/** A page signed in as `email`: the first time through the login form, then in the same browser context. */
async function as(email: string): Promise<Page> {
  let context = sessions.get(email);
  if (context) return context.newPage();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  sessions.set(email, context);
  const page = await context.newPage();
  await page.goto(`${cms.url}/admin/auth/login`);
  await page.getByLabel(/Email/i).fill(email);
  await page.getByLabel(/Mật khẩu/i).first().fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin\/?$/, { timeout: 30_000 });
  return page;
}

const AUTHOR = 'tacgia.bacson@tanhoa.test';
const adminStrings = JSON.parse(readFileSync(path.join(rootDir, 'cms/src/admin/translations/vi.json'), 'utf8')) as Record<string, string>;
const EDITOR = 'bientap.bacson@tanhoa.test';
const ARTICLES = () => `${cms.url}/admin/content-manager/collection-types/api::article.article`;

/** What a reader of the screen meets: its visible text and the labels a screen reader reads out (aria-label, placeholder, title, alt). */
function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[aria-label], [placeholder], [title], img[alt]'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attr);
        if (value) parts.push(value);
      }
    }
    return parts.join('\n');
  });
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.jpg`), type: 'jpeg', quality: 70 });
}

beforeAll(async () => {
  expect(existsSync(path.join(rootDir, 'cms', 'dist', 'build', 'index.html')), 'the admin panel build is missing: tests/global-setup.ts builds it').toBe(true);
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  await createAccount(AUTHOR, AUTHOR_ROLE.code, 'Lan');
  await createAccount(EDITOR, EDITOR_ROLE.code, 'Minh');
  loop = await startPublishLoop(cms, 'editor-admin-e2e', { secret: 'test-webhook-secret-editor-0123456789', keep: 3 });
  portalUrl = await loop.serve();
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await loop?.close();
  await cms?.close();
});

/** Brand and technical names editors may meet in the admin (the allowlist), and the hotkey of the notifications region. */
const ALLOWED = ['Strapi', 'Markdown', 'URL', 'slug', 'CSV', 'Email', 'website', 'UBND', 'HĐND', 'alt', 'LT', 'MT', 'KB', 'MB', 'JPG', 'JPEG', 'PNG', 'PDF', 'DOCX', 'XLSX', 'DOC', 'XLS', 'ID'];

/** Waits until no loader spins on the page (the home page's widgets load after the page). */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[role="progressbar"], [aria-busy="true"]').count(), { timeout: 30_000 }).toBe(0);
}

let documentId: string;
let slug: string;

describe('the editor path through the admin (issue 16)', () => {
  test('a Tác giả writes an article with a cover image and its description, saves it and asks for review; the slug field says it is made on save', async () => {
    const page = await as(AUTHOR);
    await page.goto(`${ARTICLES()}/create`);
    const title = page.getByRole('textbox', { name: 'Tiêu đề' });
    await title.waitFor({ timeout: 30_000 });
    // The slug of a new entry never shows the type's name: it is empty and says what the server does.
    const slugInput = page.getByRole('textbox', { name: 'Đường dẫn (slug)' });
    expect(await slugInput.inputValue()).toBe('');
    expect(await slugInput.getAttribute('placeholder')).toBe('Để trống: hệ thống tự tạo khi lưu');
    await title.fill(TITLE);
    await page.getByRole('textbox', { name: 'Tóm tắt' }).fill(SUMMARY);
    await page.locator('.CodeMirror').click();
    await page.keyboard.insertText(BODY);

    // The cover: uploaded from the computer in the field's own dialog, described there.
    await page.getByText('Bấm để thêm tệp hoặc kéo thả tệp vào vùng này').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Thêm tệp', exact: true }).click();
    await page.locator('input[type=file][name=files]').setInputFiles({ name: 'nha-van-hoa-bac-son.jpg', mimeType: 'image/jpeg', buffer: await illustrationJpeg(7) });
    await dialog.getByRole('button', { name: 'Sửa', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Mô tả ảnh' }).fill(ALT);
    await shot(page, 'mo-ta-anh');
    await dialog.getByRole('button', { name: 'Hoàn tất' }).click();
    await dialog.getByRole('button', { name: 'Tải 1 tệp lên thư viện' }).click();
    await dialog.getByRole('tab', { name: /Tệp đã chọn/ }).waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Hoàn tất' }).click();
    await dialog.waitFor({ state: 'detached' });

    // A Tác giả cannot publish: the button is there, disabled; "Gửi duyệt" asks the Biên tập viên.
    expect(await page.getByRole('button', { name: 'Đăng', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Gửi duyệt' }).click();
    await shot(page, 'gui-duyet');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL(/api::article\.article\/(?!create)[^/?]+/, { timeout: 30_000 });

    const draft = (await cms.strapi.db.query('api::article.article').findOne({ where: { title: TITLE, publishedAt: null }, populate: { cover: true } })) as {
      documentId: string; slug: string; body: string; reviewRequested: boolean; cover: { alternativeText: string } | null;
    };
    ({ documentId, slug } = draft);
    expect(slug).toBe('thon-bac-son-khanh-thanh-nha-van-hoa-moi');
    expect(draft.body).toBe(BODY);
    expect(draft.reviewRequested).toBe(true);
    expect(draft.cover?.alternativeText).toBe(ALT);
    expect(await cms.strapi.db.query('api::article.article').count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(0);
  }, 180_000);

  test('a Biên tập viên finds it marked "Gửi duyệt: Có", publishes it, and the page is live with its cover described', async () => {
    const page = await as(EDITOR);
    await page.goto(ARTICLES());
    const row = page.locator('tbody tr', { hasText: TITLE });
    await row.waitFor({ timeout: 30_000 });
    const headers = await page.locator('thead th').allTextContents();
    const column = headers.findIndex((h) => h.includes('Gửi duyệt'));
    expect(column).toBeGreaterThan(0);
    expect((await row.locator('td').nth(column).textContent())?.trim()).toBe('Có');
    await row.getByText(TITLE).click();
    await page.waitForURL(new RegExp(`api::article\\.article/${documentId}`));
    const publish = page.getByRole('button', { name: 'Đăng', exact: true });
    await expect.poll(() => publish.isEnabled(), { timeout: 30_000 }).toBe(true);
    await shot(page, 'dang-bai');
    await publish.click();
    await page.getByText('Đã đăng', { exact: true }).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => cms.strapi.db.query('api::article.article').count({ where: { documentId, publishedAt: { $notNull: true } } }), { timeout: 30_000 }).toBe(1);
    // "Gửi duyệt" is done: cleared on the draft and the published version.
    const versions = (await cms.strapi.db.query('api::article.article').findMany({ where: { documentId }, select: ['reviewRequested'] })) as Array<{ reviewRequested: boolean }>;
    expect(versions.map((v) => v.reviewRequested)).toEqual([false, false]);

    await loop.settle();
    const live = await fetch(`${portalUrl}/tin-tuc/${slug}/`);
    expect(live.status).toBe(200);
    const html = await live.text();
    expect(html).toContain(TITLE);
    expect(html).toContain(`alt="${ALT}"`);
  }, 180_000);

  test('the Biên tập viên unpublishes it in the admin and it is gone from the portal', async () => {
    const page = await as(EDITOR);
    await page.goto(`${ARTICLES()}/${documentId}`);
    await page.getByRole('textbox', { name: 'Tiêu đề' }).waitFor({ timeout: 30_000 });
    // The entry's own actions sit beside "Đăng" (the header's menu is the type's).
    const more = page.getByRole('button', { name: 'Thao tác khác' });
    await expect.poll(() => more.count(), { timeout: 30_000 }).toBe(2);
    await more.last().click();
    await page.getByRole('menuitem', { name: 'Gỡ đăng' }).click();
    await expect.poll(() => cms.strapi.db.query('api::article.article').count({ where: { documentId, publishedAt: { $notNull: true } } }), { timeout: 30_000 }).toBe(0);
    await loop.settle();
    expect((await fetch(`${portalUrl}/tin-tuc/${slug}/`)).status).toBe(404);
  }, 180_000);

  test('publishing an image with no description is refused with a Vietnamese message naming the field and the file, and nothing goes live', async () => {
    const upload = cms.strapi.plugin('upload').service('upload') as { upload(input: object): Promise<Array<{ id: number }>> };
    const dir = mkdtempSync(path.join(tmpdir(), 'cong-admin-upload-'));
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'cho-que-ngay-tet.jpg');
    writeFileSync(file, await illustrationJpeg(9));
    const [image] = await upload.upload({ data: { fileInfo: { name: 'cho-que-ngay-tet.jpg' } }, files: { filepath: file, originalFilename: 'cho-que-ngay-tet.jpg', mimetype: 'image/jpeg', size: statSync(file).size } });
    const entry = (await cms.strapi.documents('api::article.article').create({ data: { title: 'Chợ quê ngày Tết', body: 'Chợ họp từ sáng sớm.', cover: image!.id } as never })) as unknown as { documentId: string; slug: string };

    const page = await as(EDITOR);
    await page.goto(`${ARTICLES()}/${entry.documentId}`);
    const publish = page.getByRole('button', { name: 'Đăng', exact: true });
    await expect.poll(() => publish.isEnabled(), { timeout: 30_000 }).toBe(true);
    await publish.click();
    const message = page.getByText(/Ảnh đại diện: ảnh “cho-que-ngay-tet\.jpg” chưa có mô tả cho người khiếm thị/);
    await message.first().waitFor({ timeout: 30_000 });
    await shot(page, 'thieu-mo-ta-anh');
    expect(await cms.strapi.db.query('api::article.article').count({ where: { documentId: entry.documentId, publishedAt: { $notNull: true } } })).toBe(0);
  }, 180_000);

  test('the home, list, edit and media screens of a Tác giả hold no English beyond brand and technical names', async () => {
    const page = await as(AUTHOR);
    const screens: Array<[string, string, () => Promise<unknown>]> = [
      ['trang-chu', `${cms.url}/admin`, () => page.getByText(AUTHOR).first().waitFor({ timeout: 30_000 })],
      ['danh-sach', ARTICLES(), () => page.locator('tbody tr').first().waitFor({ timeout: 30_000 })],
      ['soan-bai', `${ARTICLES()}/${documentId}`, () => expect.poll(() => page.getByRole('textbox', { name: 'Tiêu đề' }).inputValue(), { timeout: 30_000 }).toBe(TITLE)],
      ['thu-vien-tep', `${cms.url}/admin/plugins/upload`, () => page.getByText('nha-van-hoa-bac-son.jpg').first().waitFor({ timeout: 30_000 })],
      ['ho-so', `${cms.url}/admin/me`, () => page.getByRole('textbox', { name: /Email/ }).waitFor({ timeout: 30_000 })],
    ];
    const found: Record<string, string[]> = {};
    // What editors do not need is not offered: no marketplace, no content-type builder, no "User"
    // type, no banner about Strapi's new media library (in English or in its Vietnamese).
    await page.goto(`${cms.url}/admin`);
    await page.getByText(AUTHOR).first().waitFor({ timeout: 30_000 });
    await settled(page);
    for (const key of ['app.components.MediaLibraryBanner.intro', 'app.components.MediaLibraryBanner.text']) {
      expect(await page.getByText(adminStrings[key]!.trim()).count(), key).toBe(0);
    }
    expect(await page.getByText('Introducing the new Media Library').count()).toBe(0);
    const links = await page.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.filter((href) => /marketplace|content-type-builder/.test(href))).toEqual([]);
    await page.goto(ARTICLES());
    await page.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const types = await page.locator('nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(types.some((href) => href.includes('api::article.article'))).toBe(true);
    expect(types.filter((href) => href.includes('users-permissions'))).toEqual([]);
    for (const [name, url, ready] of screens) {
      await page.goto(url);
      await ready();
      await settled(page);
      await shot(page, name);
      found[name] = foreignWords(await screenText(page), ALLOWED);
    }
    // The media picker of the edit view.
    await page.goto(`${ARTICLES()}/create`);
    await page.getByText('Bấm để thêm tệp hoặc kéo thả tệp vào vùng này').click();
    await page.getByRole('dialog').getByText('nha-van-hoa-bac-son.jpg').first().waitFor({ timeout: 30_000 });
    await settled(page);
    found['chon-tep'] = foreignWords(await screenText(page), ALLOWED);
    expect(found).toEqual({ 'trang-chu': [], 'danh-sach': [], 'soan-bai': [], 'thu-vien-tep': [], 'ho-so': [], 'chon-tep': [] });
  }, 240_000);

  test('"Hướng dẫn biên tập" is reached from the admin menu and shows its screenshots', async () => {
    const page = await as(AUTHOR);
    await page.goto(`${cms.url}/admin`);
    await page.getByRole('link', { name: 'Hướng dẫn biên tập' }).click();
    await page.waitForURL(/\/admin\/huong-dan-bien-tap/);
    const guide = page.locator('[data-guide]');
    await guide.locator('h2').first().waitFor({ timeout: 30_000 });
    expect(await guide.locator('h2').allTextContents()).toContain('6. Gửi duyệt (Tác giả)');
    const images = guide.locator('img');
    expect(await images.count()).toBeGreaterThanOrEqual(8);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
    }
  }, 120_000);
});
