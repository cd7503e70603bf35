/**
 * Công khai minh bạch, Bản đồ and Gửi nhận văn bản in Chromium, on the demo built from a real
 * Strapi: the map page asks nothing of any other server by default (its request log holds the
 * portal's own origin only); with a tile server set in the settings (a local one started here)
 * the rebuilt page shows the interactive map, allows that server in its policy and loads tiles
 * from it; the sidebar's disclosure box and the document exchange link; a reader finds a
 * disclosure through the site search; axe (WCAG 2.1 AA) at 1280 and 375 px and the Nu Html
 * Checker on every new page type; print without the sidebar and tools.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent } from '../../cms/src/seed/index';
import { AGENCY } from '../../cms/src/seed/demo-content';
import { DEMO_PLACES } from '../../cms/src/seed/map';
import { launchChromium } from '../helpers/browser';
import { hasJava, htmlCheckerErrors, seriousViolations } from '../helpers/checkers';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { listen } from '../helpers/net';
import { createSiteBuild, rootDir, serveSite, type SiteBuild } from '../helpers/site-build';

const SETTINGS = 'api::portal.portal';
const screenshots = path.join(rootDir, 'test-results', 'screenshots');
/** The attribution an editor typed, with markup that must stay text. */
const ATTRIBUTION = '© Bản đồ nền thử nghiệm <b>Lam Giang</b>';

let cms: CmsHarness;
let site: SiteBuild;
let browser: Browser;
/** The default build (no tile server) and the one after the tile server was set. */
let plainSite: Awaited<ReturnType<typeof serveSite>>;
let tiledSite: Awaited<ReturnType<typeof serveSite>> | undefined;
let tileServer: Server;
let tileOrigin: string;
const tileRequests: string[] = [];
let disclosureSlug: string;

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  site = createSiteBuild(cms, 'disclosures-map-e2e');
  await site.build();
  plainSite = await serveSite(site.out);
  // A tile server of our own: a 256 px PNG for every tile it is asked for.
  const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#cfe3c8' } }).png().toBuffer();
  tileServer = createServer((req, res) => {
    tileRequests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(tile);
  });
  tileOrigin = await listen(tileServer);
  const first = (await cms.strapi.db.query('api::disclosure.disclosure').findOne({ where: { publishedAt: { $notNull: true } }, orderBy: { publishedOn: 'desc' } })) as { slug: string };
  disclosureSlug = first.slug;
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await plainSite?.stop();
  await tiledSite?.stop();
  await new Promise<void>((r) => (tileServer ? tileServer.close(() => r()) : r()));
  site?.dispose();
  await cms?.close();
});

/** Opens a page of the default build and keeps the address of every request it makes. */
async function open(base: string, p: string, width = 1280): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(`${base}${p}`, { waitUntil: 'load' });
  expect(response?.status(), p).toBe(200);
  return { page, requests };
}

const origins = (requests: string[]) => [...new Set(requests.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).origin))];

describe('Bản đồ without a tile server (the default install)', () => {
  test('makes no request outside the portal: the request log holds its own origin only', async () => {
    const { page, requests } = await open(plainSite.url, '/ban-do/');
    // Everything late has happened: the map picture is in, the visit counters answered.
    await expect.poll(() => page.locator('.admin-map img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.locator('[data-stat="total"]').textContent(), { timeout: 10_000 }).toMatch(/^\d/);
    expect(requests.length).toBeGreaterThan(3);
    expect(origins(requests)).toEqual([plainSite.url]);
    expect(await page.locator('#ban-do-tuong-tac').count()).toBe(0);
    // The OpenStreetMap links are there for the reader to follow, one per place.
    expect(await page.locator('a[href^="https://www.openstreetmap.org/?mlat="]').count()).toBe(DEMO_PLACES.length);
    await page.context().close();
  });
});

describe('Bản đồ with a tile server set in the settings', () => {
  beforeAll(async () => {
    const settings = await cms.strapi.documents(SETTINGS).findFirst({ sort: 'id:asc' });
    await cms.strapi.documents(SETTINGS).update({ documentId: settings!.documentId, data: { mapTileUrl: `${tileOrigin}/{z}/{x}/{y}.png`, mapAttribution: ATTRIBUTION } as never });
    await site.build({ out: 'release-2' });
    tiledSite = await serveSite(path.join(site.work, 'release-2'));
  }, 240_000);

  test('shows the interactive map with a marker per place and loads its tiles from that server, under the page policy', async () => {
    const { page, requests } = await open(tiledSite!.url, '/ban-do/');
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await expect.poll(() => page.locator('#ban-do-tuong-tac img.leaflet-tile-loaded').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests.every((u) => /^\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
    expect(origins(requests).sort()).toEqual([tiledSite!.url, tileOrigin].sort());
    expect(await page.locator('#ban-do-tuong-tac path.leaflet-interactive').count()).toBe(DEMO_PLACES.length);
    // The editor's attribution is shown as text, not markup.
    expect(await page.locator('.leaflet-control-attribution').textContent()).toContain(ATTRIBUTION);
    expect(await page.locator('.leaflet-control-attribution b').count()).toBe(0);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toMatch(new RegExp(`img-src 'self' data: ${tileOrigin.replace(/[.]/g, '\\.')}(;| )`));
    // A marker opens its place's name.
    await page.locator('#ban-do-tuong-tac path.leaflet-interactive').first().dispatchEvent('click');
    await expect.poll(() => page.locator('.leaflet-popup-content').textContent()).toContain(DEMO_PLACES[0]!.name);
    expect(violations).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'ban-do-tuong-tac-1280.png'), fullPage: true });
    await page.context().close();
  });

  test('the other pages still allow no outside picture', async () => {
    const html = readFileSync(path.join(site.work, 'release-2', 'client', 'cong-khai', 'index.html'), 'utf8');
    expect(html).toContain("img-src 'self' data:;");
    expect(html).not.toContain(tileOrigin);
  });
});

describe('the sidebar', () => {
  test('the "Công khai minh bạch" box lists the newest disclosures and leads to all of them', async () => {
    const { page } = await open(plainSite.url, '/');
    const box = page.locator('section[aria-labelledby="box-cong-khai"]');
    expect(await box.locator('h2').textContent()).toBe('Công khai minh bạch');
    expect(await box.locator('li a').count()).toBe(5);
    expect(await box.locator('li a').first().getAttribute('href')).toBe(`/cong-khai/${disclosureSlug}/`);
    await box.locator('a.more').click();
    await page.waitForURL(`${plainSite.url}/cong-khai/`);
    expect(await page.locator('h1').textContent()).toBe('Công khai minh bạch');
    await page.context().close();
  });

  test('the "Dịch vụ công" box has the "Gửi nhận văn bản" link to the document exchange system', async () => {
    const { page } = await open(plainSite.url, '/van-ban/');
    const link = page.locator('section[aria-labelledby="box-dich-vu"] a', { hasText: 'Gửi nhận văn bản' });
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe(AGENCY.documentExchangeUrl);
    expect(await link.isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('Công khai minh bạch pages', () => {
  test('a reader filters by kind and by year with plain links, and opens an item with its file', async () => {
    const { page } = await open(plainSite.url, '/cong-khai/');
    await page.locator('.disclosure-nav a', { hasText: 'Báo cáo thực hiện ngân sách' }).click();
    await page.waitForURL(`${plainSite.url}/cong-khai/loai/bao-cao-thuc-hien-ngan-sach/`);
    expect(await page.locator('.disclosure-nav a[aria-current="page"]').textContent()).toBe('Báo cáo thực hiện ngân sách');
    const titles = await page.locator('.disclosure-list h2 a').allTextContents();
    expect(titles.length).toBe(3);
    expect(titles.every((t) => t.startsWith('Báo cáo tình hình thực hiện ngân sách'))).toBe(true);
    await page.locator('.disclosure-list h2 a').first().click();
    expect(await page.locator('.doc-fields').textContent()).toContain('Sáu tháng đầu năm');
    const file = page.locator('.doc-files a').first();
    const response = await page.request.get(new URL((await file.getAttribute('href'))!, plainSite.url).href);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  test('the site search finds a disclosure by words of its title, without diacritics', async () => {
    const { page } = await open(plainSite.url, `/tim-kiem/?q=${encodeURIComponent('quyet toan ngan sach xa')}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 10_000 }).toMatch(/^Tìm thấy \d+ kết quả/);
    expect(await page.locator('[data-search-results] a[href^="/cong-khai/cong-khai-quyet-toan-ngan-sach-xa-nam-"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  test('every new page type passes axe (WCAG 2.1 AA) at 1280 and 375 px and fits a phone', async () => {
    for (const [name, p] of [['cong-khai', '/cong-khai/'], ['cong-khai-loai', '/cong-khai/loai/du-toan-ngan-sach/'], ['cong-khai-nam', '/cong-khai/nam/2026/'], ['cong-khai-chi-tiet', `/cong-khai/${disclosureSlug}/`], ['ban-do', '/ban-do/']] as const) {
      for (const width of [1280, 375]) {
        const { page } = await open(plainSite.url, p, width);
        expect(await seriousViolations(page), `${p} at ${width}px`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${p} at ${width}px`).toBe(true);
        await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });
        await page.context().close();
      }
    }
  }, 120_000);

  test('prints an item without the menus, sidebar and tools', async () => {
    const { page } = await open(plainSite.url, `/cong-khai/${disclosureSlug}/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.main-nav', '.sidebar', '.tools']) expect(await page.locator(selector).first().isHidden(), selector).toBe(true);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await page.context().close();
  });

  test.runIf(hasJava)('the new page types are valid HTML for the Nu Html Checker', async () => {
    const client = path.join(site.out, 'client');
    const tiled = path.join(site.work, 'release-2', 'client');
    const pages = [
      ...['cong-khai', 'cong-khai/loai/du-toan-ngan-sach', 'cong-khai/nam/2026', `cong-khai/${disclosureSlug}`, 'ban-do'].map((p) => path.join(client, p, 'index.html')),
      path.join(tiled, 'ban-do', 'index.html'),
    ];
    expect(await htmlCheckerErrors(pages, rootDir)).toEqual([]);
  });
});
