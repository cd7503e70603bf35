/**
 * Documents (văn bản, /van-ban/) end to end, with one CMS: the demo is built; a Tác giả creates a
 * document with an attached PDF through the admin API and a Biên tập viên publishes it; the site
 * is rebuilt incrementally, as the publisher does (the page of the document it supplements is
 * rendered again, an untouched one comes from the cache); then the built site is checked against what the CMS publishes (a page per published document, none for
 * the draft, filter pages holding exactly their subsets, relations on both sides), and a reader
 * in Chromium searches (15/2026, qd-ubnd, quy hoach), filters by loại and năm, downloads the PDF;
 * axe (WCAG 2.1 AA) and the Nu Html Checker on every new page type; screenshots at 375 and 1280 px.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSlug } from '../../content-types/src/slug';
import { seedDemoContent } from '../../cms/src/seed/index';
import { DEMO_DOCUMENTS } from '../../cms/src/seed/demo-documents';
import { DEMO_DOCUMENT_COUNT } from '../../cms/src/seed/documents';
import { AUTHOR_ROLE, EDITOR_ROLE } from '../../cms/src/bootstrap/editor-roles';
import { launchChromium } from '../helpers/browser';
import { hasJava, htmlCheckerErrors, seriousViolations } from '../helpers/checkers';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { request } from '../helpers/http';
import { createSiteBuild, rootDir, serveSite, type SiteBuild } from '../helpers/site-build';

const LEGAL = 'api::legal-document.legal-document';
const CM = (model: string) => `/content-manager/collection-types/${model}`;
const screenshots = path.join(rootDir, 'test-results', 'screenshots');

/** The document an editor adds through the admin during the test; it supplements 05/KH-UBND. */
const AUTHORED = { number: '77/KH-UBND', abstract: 'Kế hoạch bổ sung tiêm vắc xin phòng bệnh dại cho chó, mèo năm 2027', issuer: 'Ủy ban nhân dân xã Tân Hòa', signer: 'Phó Chủ tịch Trần Thị Thu Hà', issuedOn: '2026-11-27' };
const SUPPLEMENTED = '05/KH-UBND';
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

let cms: CmsHarness;
let site: SiteBuild;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;
let client: string;
let authoredFlow: { authorPublish: number; editorPublish: number; fileName: string };
/** The incremental rebuild's output, and the first build's page of the supplemented document. */
let rebuildLog: string;
let supplementedBefore: string;

interface DbDocument {
  number: string;
  slug: string;
  issuedOn: string;
  issuer: string;
  kind: { slug: string } | null;
  sector: { slug: string } | null;
}

async function createAdmin(email: string, roleCode: string): Promise<string> {
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const password = 'Thu-nghiem-2026';
  await (cms.strapi.service('admin::user') as { create(data: object): Promise<unknown> }).create({ email, firstname: 'Thử', lastname: 'Nghiệm', password, isActive: true, roles: [role.id] });
  const login = await request(`${cms.url}/admin/login`, { method: 'POST', body: { email, password } });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return login.body.data.token as string;
}

/** A Tác giả uploads a PDF and writes the document; a Biên tập viên publishes it (the admin's own API). */
async function authorAndPublish(): Promise<typeof authoredFlow> {
  const author = await createAdmin('tacgia.vanban@tanhoa.test', AUTHOR_ROLE.code);
  const editor = await createAdmin('bientap.vanban@tanhoa.test', EDITOR_ROLE.code);
  const fileName = 'ke-hoach-phong-chong-lut-bao-2027.pdf';
  const pdf = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  const form = new FormData();
  form.append('files', new Blob([pdf], { type: 'application/pdf' }), fileName);
  const uploaded = await fetch(`${cms.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${author}` }, body: form });
  const files = (await uploaded.json()) as Array<{ id: number }>;
  expect(uploaded.status, JSON.stringify(files)).toBe(201);
  const kind = await cms.strapi.db.query('api::document-kind.document-kind').findOne({ where: { slug: 'ke-hoach' } });
  const sector = await cms.strapi.db.query('api::sector.sector').findOne({ where: { slug: 'y-te' } });
  const supplemented = await cms.strapi.db.query(LEGAL).findOne({ where: { number: SUPPLEMENTED, publishedAt: { $notNull: true } } });
  const created = await request(`${cms.url}${CM(LEGAL)}`, {
    method: 'POST',
    token: author,
    body: { ...AUTHORED, kind: { connect: [{ id: kind.id, documentId: kind.documentId }] }, sector: { connect: [{ id: sector.id, documentId: sector.documentId }] }, files: [files[0]!.id], related: [{ kind: 'Bổ sung', document: { connect: [{ id: supplemented.id, documentId: supplemented.documentId }] } }] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const documentId = created.body.data.documentId as string;
  const byAuthor = await request(`${cms.url}${CM(LEGAL)}/${documentId}/actions/publish`, { method: 'POST', token: author, body: {} });
  const byEditor = await request(`${cms.url}${CM(LEGAL)}/${documentId}/actions/publish`, { method: 'POST', token: editor, body: {} });
  expect(byEditor.status, JSON.stringify(byEditor.body)).toBe(200);
  return { authorPublish: byAuthor.status, editorPublish: byEditor.status, fileName };
}

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  site = createSiteBuild(cms, 'documents');
  await site.build();
  supplementedBefore = readFileSync(path.join(site.out, 'client', 'van-ban', '05-kh-ubnd', 'index.html'), 'utf8');
  authoredFlow = await authorAndPublish();
  // As the publisher builds: a new release folder, the cache shared with the first build.
  rebuildLog = plain(await site.build({ out: 'release-2' }));
  const release = path.join(site.work, 'release-2');
  client = path.join(release, 'client');
  server = await serveSite(release);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  site?.dispose();
  await cms?.close();
});

const html = (p: string) => readFileSync(path.join(client, p, 'index.html'), 'utf8');
/** The numbers a list page shows, following its pages ("trang/2/", …). */
function listed(base: string): string[] {
  const numbers: string[] = [];
  for (let n = 1; ; n += 1) {
    const dir = n === 1 ? base : `${base}trang/${n}/`;
    if (!existsSync(path.join(client, dir, 'index.html'))) return numbers;
    for (const m of html(dir).matchAll(/<h2 class="doc-number"[^>]*><a href="\/van-ban\/[^"]+\/"[^>]*>([^<]+)<\/a>/g)) numbers.push(m[1]!);
  }
}
const sorted = (list: string[]) => [...list].sort();

async function publishedDocuments(): Promise<DbDocument[]> {
  return (await cms.strapi.db.query(LEGAL).findMany({ where: { publishedAt: { $notNull: true } }, populate: { kind: true, sector: true } })) as DbDocument[];
}

async function open(p: string, width = 1280, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  const response = await page.goto(`${server.url}${p}`);
  expect(response?.status(), p).toBe(200);
  return page;
}


describe('documents on the built site', () => {
  test('the Tác giả could not publish; the Biên tập viên did', () => {
    expect(authoredFlow.authorPublish).toBe(403);
    expect(authoredFlow.editorPublish).toBe(200);
  });

  test('the rebuild renders the new document and the one it supplements again, and takes untouched pages from the cache', () => {
    const restored = (urlPath: string) => new RegExp(`${urlPath.replace(/[/.]/g, '\\$&')}index\\.html \\((restored|cached)\\)`).test(rebuildLog);
    expect(restored('/van-ban/03-ct-ubnd/'), 'a document the publish does not touch').toBe(true);
    expect(restored('/van-ban/linh-vuc/nong-nghiep/'), 'a filter page the publish does not touch').toBe(true);
    expect(restored('/van-ban/05-kh-ubnd/'), 'the supplemented document shows the new relation').toBe(false);
    expect(restored('/van-ban/loai/ke-hoach/'), 'the filter page the new document joins').toBe(false);
    expect(supplementedBefore).not.toContain(AUTHORED.number);
    expect(html('van-ban/05-kh-ubnd')).toMatch(/Được bổ sung bởi<\/span> <a href="\/van-ban\/77-kh-ubnd\/">77\/KH-UBND<\/a>/);
    expect(html('van-ban/77-kh-ubnd')).toMatch(/Bổ sung<\/span> <a href="\/van-ban\/05-kh-ubnd\/">05\/KH-UBND<\/a>/);
  });

  test('every published document has its page, the draft none, the list holds them all newest first', async () => {
    const published = await publishedDocuments();
    expect(published).toHaveLength(DEMO_DOCUMENT_COUNT + 1);
    const pages = readdirSync(path.join(client, 'van-ban'), { withFileTypes: true }).filter((d) => d.isDirectory() && !['trang', 'loai', 'linh-vuc', 'co-quan', 'nam', 'tinh-trang'].includes(d.name));
    expect(sorted(pages.map((d) => d.name))).toEqual(sorted(published.map((d) => d.slug)));
    for (const d of published) expect(html(`van-ban/${d.slug}`), d.number).toContain(`<dd>${d.number}</dd>`);

    const draft = DEMO_DOCUMENTS.find((d) => d.draft)!;
    const draftRow = await cms.strapi.db.query(LEGAL).findOne({ where: { number: draft.number } });
    expect(draftRow).not.toBeNull();
    expect(existsSync(path.join(client, 'van-ban', draftRow.slug))).toBe(false);
    expect(readFileSync(path.join(client, 'van-ban', 'chi-muc.json'), 'utf8')).not.toContain(draft.number);
    expect(readFileSync(path.join(client, 'sitemap.xml'), 'utf8')).not.toContain(`/van-ban/${draftRow.slug}/`);

    const all = listed('van-ban/');
    expect(sorted(all)).toEqual(sorted(published.map((d) => d.number)));
    const byDate = [...published].sort((a, b) => b.issuedOn.localeCompare(a.issuedOn));
    expect(all[0]).toBe(AUTHORED.number); // the newest: issued 27/11/2026
    expect(all.map((n) => published.find((d) => d.number === n)!.issuedOn)).toEqual(byDate.map((d) => d.issuedOn));
  });

  test('filter pages hold exactly the right subsets', async () => {
    const published = await publishedDocuments();
    const expectGroups = (facet: string, keyOf: (d: DbDocument) => string | null) => {
      const groups = new Map<string, string[]>();
      for (const d of published) {
        const key = keyOf(d);
        if (key) groups.set(key, [...(groups.get(key) ?? []), d.number]);
      }
      const dirs = readdirSync(path.join(client, 'van-ban', facet));
      expect(sorted(dirs), facet).toEqual(sorted([...groups.keys()]));
      for (const [key, numbers] of groups) expect(sorted(listed(`van-ban/${facet}/${key}/`)), `${facet}/${key}`).toEqual(sorted(numbers));
    };
    expectGroups('loai', (d) => d.kind?.slug ?? null);
    expectGroups('linh-vuc', (d) => d.sector?.slug ?? null);
    expectGroups('nam', (d) => d.issuedOn.slice(0, 4));
    expectGroups('co-quan', (d) => createSlug(d.issuer));
    // The statuses the demo was written to show (dates relative to today where they must be).
    const status: Record<string, string> = { '22/2021/QĐ-UBND': 'het-hieu-luc-toan-bo', '20/2026/QĐ-UBND': 'chua-co-hieu-luc', '12/2024/QĐ-UBND': 'het-hieu-luc-mot-phan' };
    expectGroups('tinh-trang', (d) => status[d.number] ?? 'con-hieu-luc');
    expect(listed('van-ban/loai/ke-hoach/')).toContain(AUTHORED.number);
    expect(listed('van-ban/linh-vuc/y-te/')).toContain(AUTHORED.number);
  });

  test('a document page shows every field, its files with type and size, and relations on both sides', () => {
    const page = html('van-ban/15-2026-qd-ubnd');
    for (const text of ['Quyết định số 15/2026/QĐ-UBND', 'Phê duyệt điều chỉnh quy hoạch chung xây dựng xã Tân Hòa', 'Ủy ban nhân dân xã Tân Hòa', 'Chủ tịch Lê Văn Phúc', '16/03/2026', 'Không quy định', 'Xây dựng', 'Còn hiệu lực', 'In văn bản', 'Chia sẻ Zalo']) expect(page).toContain(text);
    expect(page).toMatch(/15-2026-qd-ubnd-quy-hoach-chung-xa-tan-hoa[^<]*\.pdf<\/a> <span class="meta">\(PDF, \d+ KB\)<\/span>/);
    expect(page).toMatch(/Thay thế<\/span> <a href="\/van-ban\/22-2021-qd-ubnd\/">22\/2021\/QĐ-UBND<\/a>/);
    expect(page).toMatch(/Căn cứ<\/span> <a href="\/van-ban\/08-2025-nq-hdnd\/">08\/2025\/NQ-HĐND<\/a>/);
    expect(html('van-ban/22-2021-qd-ubnd')).toMatch(/Bị thay thế bởi<\/span> <a href="\/van-ban\/15-2026-qd-ubnd\/">15\/2026\/QĐ-UBND<\/a>/);
    expect(html('van-ban/22-2021-qd-ubnd')).toContain('Hết hiệu lực toàn bộ');
    expect(html('van-ban/08-2025-nq-hdnd')).toMatch(/Là căn cứ ban hành<\/span> <a href="\/van-ban\/15-2026-qd-ubnd\/">/);
    expect(html('van-ban/12-2024-qd-ubnd')).toMatch(/Được sửa đổi bởi<\/span> <a href="\/van-ban\/09-2026-qd-ubnd\/">09\/2026\/QĐ-UBND<\/a>/);
    expect(html('van-ban/12-2024-qd-ubnd')).toContain('Hết hiệu lực một phần');
    expect(html('van-ban/20-2026-qd-ubnd')).toContain('Chưa có hiệu lực');
    expect(html('van-ban/45-kh-ubnd')).toMatch(/\.docx<\/a> <span class="meta">\(DOCX, \d+ KB\)/);
    expect(html('van-ban/112-bc-ubnd')).toMatch(/\.xlsx<\/a> <span class="meta">\(XLSX, \d+ KB\)/);
  });

  test('the home page shows "Văn bản mới", the sitemap lists the document pages', () => {
    const home = readFileSync(path.join(client, 'index.html'), 'utf8');
    const block = home.slice(home.indexOf('id="van-ban-moi"'));
    expect(block).toContain('Văn bản mới');
    expect(block.indexOf(AUTHORED.number)).toBeGreaterThan(0);
    const sitemap = readFileSync(path.join(client, 'sitemap.xml'), 'utf8');
    for (const p of ['/van-ban/', '/van-ban/15-2026-qd-ubnd/', '/van-ban/loai/quyet-dinh/', '/van-ban/nam/2026/', '/van-ban/tinh-trang/con-hieu-luc/']) expect(sitemap).toContain(`${p}</loc>`);
  });
});

describe('documents in the browser', () => {
  async function searchFor(page: Page, query: string): Promise<string[]> {
    await page.getByLabel('Số/ký hiệu hoặc trích yếu').fill(query);
    await page.getByRole('button', { name: 'Tìm văn bản' }).click();
    await expect.poll(() => page.locator('#ket-qua-van-ban [role="status"]').textContent(), { timeout: 10_000 }).toMatch(/^(Tìm thấy|Không tìm thấy)/);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query);
    return page.locator('#ket-qua-van-ban .doc-number a').allTextContents();
  }

  test('a reader finds 15/2026/QĐ-UBND by its number, its code without diacritics, and words of its abstract', async () => {
    const page = await open('/van-ban/');
    expect(await searchFor(page, '15/2026')).toEqual(['15/2026/QĐ-UBND']);
    const byCode = await searchFor(page, 'qd-ubnd');
    expect(byCode).toContain('15/2026/QĐ-UBND');
    expect(byCode.every((n) => n.includes('QĐ-UBND'))).toBe(true);
    expect(await searchFor(page, 'quy hoach')).toEqual(expect.arrayContaining(['15/2026/QĐ-UBND', '22/2021/QĐ-UBND', '08/2025/NQ-HĐND']));
    expect(await searchFor(page, 'dieu chinh quy hoach')).toEqual(['15/2026/QĐ-UBND', '08/2025/NQ-HĐND']);
    expect(await searchFor(page, 'benh dai')).toEqual([AUTHORED.number]);
    expect(await searchFor(page, 'không có văn bản này')).toEqual([]);
    // The result opens the document.
    await searchFor(page, '15/2026');
    await page.locator('#ket-qua-van-ban .doc-number a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Quyết định số 15/2026/QĐ-UBND');
    await page.context().close();
  });

  test('filters by loại and năm together, and a shared address opens with its filter', async () => {
    const published = await publishedDocuments();
    const expected = published.filter((d) => d.kind?.slug === 'quyet-dinh' && d.issuedOn.startsWith('2026')).map((d) => d.number);
    expect(expected.length).toBeGreaterThan(1);
    const page = await open('/van-ban/');
    await page.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định' });
    await page.getByLabel('Năm ban hành').selectOption('2026');
    await expect.poll(async () => sorted(await page.locator('#ket-qua-van-ban .doc-number a').allTextContents())).toEqual(sorted(expected));
    expect(await page.locator('[data-static-list]').isHidden()).toBe(true);
    const shared = page.url();
    expect(shared).toContain('loai=quyet-dinh');
    const again = await browser.newPage();
    await again.goto(shared);
    await expect.poll(async () => sorted(await again.locator('#ket-qua-van-ban .doc-number a').allTextContents())).toEqual(sorted(expected));
    await again.close();
    await page.context().close();
  });

  test('without JavaScript the filters are plain links that lead to the filtered list', async () => {
    const page = await open('/van-ban/', 1280, false);
    expect(await page.locator('#tim-van-ban').isHidden()).toBe(true);
    await page.locator('.doc-filters summary', { hasText: 'Loại văn bản' }).click();
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Loại văn bản: Kế hoạch');
    const numbers = await page.locator('.doc-number a').allTextContents();
    expect(numbers).toContain(AUTHORED.number);
    expect(numbers).toContain('45/KH-UBND');
    expect(numbers.every((n) => n.includes('KH'))).toBe(true);
    await page.context().close();
  });

  test('downloads the attached PDFs: 200 and application/pdf', async () => {
    for (const slug of ['15-2026-qd-ubnd', '77-kh-ubnd']) {
      const page = await open(`/van-ban/${slug}/`);
      const link = page.locator('.doc-files a').first();
      const href = (await link.getAttribute('href'))!;
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const response = await page.request.get(`${server.url}${href}`);
      expect(response.status(), href).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
      expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await page.context().close();
    }
  });

  test('the list, a filter page, a document page and the home page pass axe (WCAG 2.1 AA) at 1280 and 375 px', async () => {
    for (const [name, p] of [['van-ban', '/van-ban/?q=quy+hoach'], ['van-ban-loai', '/van-ban/loai/quyet-dinh/'], ['van-ban-chi-tiet', '/van-ban/15-2026-qd-ubnd/'], ['van-ban-trang-chu', '/']] as const) {
      for (const width of [1280, 375]) {
        const page = await open(p, width);
        if (p.includes('?q=')) await expect.poll(() => page.locator('#ket-qua-van-ban [role="status"]').textContent(), { timeout: 10_000 }).toMatch(/^Tìm thấy/);
        expect(await seriousViolations(page), `${p} at ${width}px`).toEqual([]);
        if (name !== 'van-ban-trang-chu') await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });
        // Nothing overflows sideways on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${p} at ${width}px`).toBe(true);
        await page.context().close();
      }
    }
  }, 120_000); // eight pages loaded, checked and photographed: like the other pages' axe checks

  test('prints a document and a list without the menus, filters, search form and tools', async () => {
    for (const p of ['/van-ban/15-2026-qd-ubnd/', '/van-ban/']) {
      const page = await open(p);
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.main-nav', '.sidebar', '.doc-filters', '.tools', '#tim-van-ban']) {
        if ((await page.locator(selector).count()) > 0) expect(await page.locator(selector).first().isHidden(), `${p} ${selector}`).toBe(true);
      }
      expect(await page.locator('h1').isVisible()).toBe(true);
      if (p !== '/van-ban/') await page.screenshot({ path: path.join(screenshots, 'van-ban-chi-tiet-print.png'), fullPage: true });
      await page.context().close();
    }
  });

  test.runIf(hasJava)('the new page types are valid HTML for the Nu Html Checker', async () => {
    const pages = ['van-ban/index.html', 'van-ban/loai/quyet-dinh/index.html', 'van-ban/15-2026-qd-ubnd/index.html', 'van-ban/22-2021-qd-ubnd/index.html', 'index.html'].map((p) => path.join(client, p));
    expect(await htmlCheckerErrors(pages, client)).toEqual([]);
  });
});
