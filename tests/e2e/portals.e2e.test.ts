/**
 * Many portals served by host name (issue 14), in headless Chromium: the demo's first portal (Tân
 * Hòa) and its province (Lam Giang), each built with its own fenced token into its own root, served
 * by one public server; each home at its host shows its own name, news and visit statistics (kept
 * apart); an unknown host gets the Vietnamese "Không tìm thấy cổng thông tin" page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writePortalRegistry } from '../../content-types/src/portals';
import { seedDemoContent } from '../../cms/src/seed/index';
import { CATEGORIES } from '../../cms/src/seed/demo-content';
import { DEMO_PORTALS, PROVINCE_CODE, SHARED_PRIMARY_ARTICLES } from '../../cms/src/seed/portals';
import { createPublicServer } from '../../scripts/public/server';
import { launchChromium } from '../helpers/browser';
import { hasJava, htmlCheckerErrors, seriousViolations } from '../helpers/checkers';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { listen } from '../helpers/net';
import { createSiteBuild, type SiteBuild } from '../helpers/site-build';

let cms: CmsHarness;
let site: SiteBuild;
let browser: Browser;
let url: string;
let port: string;
let stop: () => Promise<void>;
const root = mkdtempSync(path.join(tmpdir(), 'cong-portals-e2e-'));
const province = DEMO_PORTALS.find((p) => p.code === PROVINCE_CODE)!;
const provinceTitles = province.categories.flatMap((c) => c.articles.map((a) => a.title));
const ownTitles = CATEGORIES.flatMap((c) => c.articles.map((a) => a.title));

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { portals: true, log: () => undefined });
  const registry = JSON.parse(readFileSync(path.join(cms.dataDir, 'portals.json'), 'utf8')) as { portals: Array<{ code: string; primary: boolean; tokenFile?: string }> };
  const primary = registry.portals.find((p) => p.primary)!;
  site = createSiteBuild(cms, 'portals-e2e');
  // Each portal's release where the publisher puts it: the first portal in the root, the others under portals/<code>/.
  for (const portal of [primary, registry.portals.find((p) => p.code === PROVINCE_CODE)!]) {
    const token = readFileSync(path.join(cms.dataDir, portal.tokenFile!), 'utf8').trim();
    await site.build({ out: portal.code, cache: `cache-${portal.code}`, env: { SITE_PORTAL: portal.code, CMS_TOKEN: token, SITE_URL: portal.primary ? 'http://127.0.0.1:4321' : `http://${portal.code}.localhost:4321` } });
    const portalRootDir = portal.primary ? root : path.join(root, 'portals', portal.code);
    mkdirSync(portalRootDir, { recursive: true });
    symlinkSync(path.join(site.work, portal.code), path.join(portalRootDir, 'current'));
  }
  writePortalRegistry(root, { portals: registry.portals.map(({ tokenFile: _t, ...p }) => p) as never });
  const server = createPublicServer(root, { env: { READER_DB: path.join(root, 'reader.db'), STATS_LIMIT: '100' } });
  url = await listen(server);
  port = new URL(url).port;
  stop = () => new Promise((r) => server.close(() => r()));
  browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await stop?.();
  site?.dispose();
  await cms?.close();
  rmSync(root, { recursive: true, force: true });
});

/** The home page at `host`, once its visit statistics have loaded; returns its text and the total. */
async function home(host: string): Promise<{ title: string; main: string; total: string }> {
  const page = await browser.newPage();
  await page.goto(`http://${host}:${port}/`);
  const total = page.locator('[data-stat="total"]');
  await expect.poll(() => total.textContent(), { timeout: 15_000 }).toMatch(/^\d[\d.]*$/);
  const result = { title: (await page.locator('.site-title strong').textContent()) ?? '', main: (await page.locator('main').textContent()) ?? '', total: (await total.textContent()) ?? '' };
  await page.close();
  return result;
}

describe('each portal at its own host name', () => {
  test("each home shows its own name, news and statistics; counts are kept apart", async () => {
    const tanHoa = await home('127.0.0.1');
    expect(tanHoa.title).toBe('Ủy ban nhân dân xã Tân Hòa');
    expect(ownTitles.some((t) => tanHoa.main.includes(t))).toBe(true);
    for (const t of provinceTitles) expect(tanHoa.main).not.toContain(t);

    const lamGiang = await home(`${PROVINCE_CODE}.localhost`);
    expect(lamGiang.title).toBe(String(province.settings.agencyName));
    expect(provinceTitles.some((t) => lamGiang.main.includes(t))).toBe(true);
    // Tân Hòa's news is on the province only as the two it shares, under "Tin từ cơ sở".
    for (const t of ownTitles.filter((title) => !SHARED_PRIMARY_ARTICLES.includes(title))) expect(lamGiang.main).not.toContain(t);
    expect(lamGiang.main).toContain('Tin từ cơ sở');

    // One visit each so far: the province's counter did not take Tân Hòa's visit.
    expect(tanHoa.total).toBe('1');
    expect(lamGiang.total).toBe('1');
    const stats = (host: string) =>
      new Promise<{ total: number }>((resolve, reject) => {
        get(`${url}/api/thong-ke/`, { headers: { host } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(JSON.parse(body) as { total: number }));
        }).on('error', reject);
      });
    expect((await stats(`${PROVINCE_CODE}.localhost:${port}`)).total).toBe(1);
    // A second reader (a new browser context) of Tân Hòa counts there only.
    const other = await browser.newContext({ userAgent: 'Mozilla/5.0 (nguoi-doc-thu-hai)' });
    const page = await other.newPage();
    await page.goto(`${url}/`);
    await expect.poll(() => page.locator('[data-stat="total"]').textContent(), { timeout: 15_000 }).toBe('2');
    await other.close();
    expect((await stats(`127.0.0.1:${port}`)).total).toBe(2);
    expect((await stats(`${PROVINCE_CODE}.localhost:${port}`)).total).toBe(1);
  }, 120_000);

  test('the province\'s "Tin từ cơ sở" (home section and page) passes axe (WCAG 2.1 AA) and the Nu Html Checker, and links each item to its commune', async () => {
    const host = `http://${PROVINCE_CODE}.localhost:${port}`;
    for (const target of ['/', '/tin-tu-co-so/']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${host}${target}`);
      expect(await seriousViolations(page), target).toEqual([]);
      if (target === '/tin-tu-co-so/') {
        expect(await page.locator('h1').textContent()).toContain('Tin từ cơ sở');
        const links = await page.locator('main a[href*="/tin-tuc/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        expect(links.length).toBeGreaterThan(0);
        // Each item goes to the article on its commune's own portal (the canonical address), not to a copy.
        for (const link of links) expect(new URL(link).host).not.toBe(`${PROVINCE_CODE}.localhost:${port}`);
        // What a reader sees, kept for a look (test-results/ is not in git).
        mkdirSync('test-results/screenshots', { recursive: true });
        await page.screenshot({ path: 'test-results/screenshots/tin-tu-co-so.png', fullPage: true });
      }
      await page.close();
    }
    if (hasJava) {
      const client = path.join(site.work, PROVINCE_CODE, 'client');
      expect(await htmlCheckerErrors([path.join(client, 'index.html'), path.join(client, 'tin-tu-co-so', 'index.html')], client)).toEqual([]);
    }
  }, 120_000);

  test('an unknown host gets the Vietnamese page that says no portal answers there', async () => {
    const page = await browser.newPage();
    const answer = await page.goto(`http://khong-co.localhost:${port}/`);
    expect(answer?.status()).toBe(404);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('h1').textContent()).toContain('Không tìm thấy cổng thông tin');
    await page.close();
  }, 60_000);
});
