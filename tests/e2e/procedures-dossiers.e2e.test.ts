/**
 * Thủ tục hành chính and Tình hình giải quyết hồ sơ (issue 13, part b), against a seeded CMS,
 * one real build and Chromium: a page per published procedure (none for a draft), sector pages,
 * the list's search with and without diacritics, the dossier tables with rates computed (0 → "—"),
 * the inline SVG chart with one bar per month and an accessible name, the sidebar's latest month,
 * the sitemap, axe and the Nu Html Checker.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent } from '../../cms/src/seed/index';
import { DEMO_PROCEDURES } from '../../cms/src/seed/procedures';
import { monthLabel, rateText } from '../../site/src/lib/dossiers';
import { launchChromium } from '../helpers/browser';
import { hasJava, htmlCheckerErrors, seriousViolations } from '../helpers/checkers';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { createSiteBuild, serveSite, SITE_URL, type SiteBuild } from '../helpers/site-build';

interface Report { month: string; received: number; carriedOver: number; onTime: number; late: number; pending: number }

let cms: CmsHarness;
let site: SiteBuild;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;
let procedures: Array<{ slug: string; name: string; code: string; serviceUrl: string | null }>;
let reports: Report[];
const DRAFT = 'Thủ tục dự thảo chưa được đăng';

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  await cms.strapi.documents('api::procedure.procedure').create({ data: { name: DRAFT, code: '9.999999', agency: 'UBND xã Tân Hòa', onlineLevel: 'Một phần' } as never });
  procedures = (await cms.strapi.db.query('api::procedure.procedure').findMany({ where: { publishedAt: { $notNull: true } }, select: ['slug', 'name', 'code', 'serviceUrl'] })) as typeof procedures;
  reports = ((await cms.strapi.db.query('api::dossier-report.dossier-report').findMany({ where: { publishedAt: { $notNull: true } }, orderBy: { month: 'asc' } })) as Report[]);
  site = createSiteBuild(cms, 'procedures-dossiers');
  await site.build();
  server = await serveSite(site.out);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  site?.dispose();
  await cms?.close();
});

const client = (p: string) => path.join(site.out, 'client', p);
const html = (urlPath: string) => readFileSync(client(path.join(urlPath, 'index.html')), 'utf8');
/** The page without the white space between tags (the templates' line breaks). */
const compact = (urlPath: string) => html(urlPath).replace(/>\s+</g, '><');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

async function open(url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const response = await page.goto(`${server.url}${url}`);
  expect(response?.status(), url).toBe(200);
  return page;
}

describe('Thủ tục hành chính', () => {
  test('every published procedure has its page with its fields, the online button only with an address; a draft has none', () => {
    expect(procedures).toHaveLength(DEMO_PROCEDURES.length);
    for (const p of procedures) {
      const body = html(`/thu-tuc-hanh-chinh/${p.slug}/`);
      expect(body, p.slug).toContain(`<h1>${escape(p.name)}</h1>`);
      expect(body).toContain(`<dd>${p.code}</dd>`);
      if (p.serviceUrl) expect(body).toMatch(new RegExp(`<a class="button service-link" href="${p.serviceUrl.replace(/\./g, '\\.')}"[^>]*>Nộp hồ sơ trực tuyến</a>`));
      else expect(body).not.toContain('Nộp hồ sơ trực tuyến</a>');
      expect(body).toContain('<h2>Trình tự thực hiện</h2>');
    }
    expect(procedures.some((p) => !p.serviceUrl)).toBe(true);
    expect(existsSync(client('thu-tuc-hanh-chinh/thu-tuc-du-thao-chua-duoc-dang/index.html'))).toBe(false);
    expect(html('/thu-tuc-hanh-chinh/')).not.toContain(DRAFT);
  });

  test('the list is one light table of every procedure (no bodies) with links to a page per sector', () => {
    const list = html('/thu-tuc-hanh-chinh/');
    expect(list.match(/<th scope="row"><a href="\/thu-tuc-hanh-chinh\//g)).toHaveLength(procedures.length);
    expect(list).not.toContain('Trình tự thực hiện');
    const sectors = new Set(DEMO_PROCEDURES.map((p) => p[2]));
    const links = [...list.matchAll(/href="\/thu-tuc-hanh-chinh\/linh-vuc\/([^/"]+)\/"/g)].map((m) => m[1]);
    expect(new Set(links).size).toBe(sectors.size);
    const hoTich = html('/thu-tuc-hanh-chinh/linh-vuc/tu-phap-ho-tich/');
    expect(hoTich.match(/<th scope="row"><a href="\/thu-tuc-hanh-chinh\//g)).toHaveLength(DEMO_PROCEDURES.filter((p) => p[2] === 'Tư pháp – Hộ tịch').length);
    expect(hoTich).toContain('Đăng ký khai sinh');
    expect(hoTich).not.toContain('Cấp giấy phép xây dựng nhà ở riêng lẻ');
    const sitemap = readFileSync(client('sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`${SITE_URL}/thu-tuc-hanh-chinh/linh-vuc/tu-phap-ho-tich/`);
    for (const p of procedures) expect(sitemap).toContain(`${SITE_URL}/thu-tuc-hanh-chinh/${p.slug}/`);
  });

  test('the search filters the table as one types, without diacritics and with d for đ; the query stays in the address', async () => {
    const page = await open('/thu-tuc-hanh-chinh/');
    const visible = () => page.locator('[data-procedure-table] tbody tr:not([hidden]) th a').allTextContents();
    await page.fill('#tim-thu-tuc-q', 'ho tich');
    await page.waitForFunction(() => document.querySelector('[data-procedure-summary]')?.textContent?.startsWith('Tìm thấy'));
    const hoTich = DEMO_PROCEDURES.filter((p) => p[2] === 'Tư pháp – Hộ tịch').map((p) => p[1]);
    expect((await visible()).sort()).toEqual([...hoTich].sort());
    expect(await page.textContent('[data-procedure-summary]')).toBe(`Tìm thấy ${hoTich.length} thủ tục.`);
    await page.fill('#tim-thu-tuc-q', 'dang ky khai sinh');
    await page.waitForFunction(() => document.querySelector('[data-procedure-summary]')?.textContent === 'Tìm thấy 1 thủ tục.');
    expect(await visible()).toEqual(['Đăng ký khai sinh']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('dang ky khai sinh');
    await page.fill('#tim-thu-tuc-q', '1.004301');
    await page.waitForFunction(() => document.querySelector('[data-procedure-summary]')?.textContent === 'Tìm thấy 1 thủ tục.');
    expect(await visible()).toEqual(['Cấp giấy phép xây dựng nhà ở riêng lẻ']);
    await page.fill('#tim-thu-tuc-q', 'khong co thu tuc nay');
    await page.waitForFunction(() => document.querySelector('[data-procedure-summary]')?.textContent === 'Không tìm thấy thủ tục nào phù hợp.');
    expect(await visible()).toEqual([]);
    await page.fill('#tim-thu-tuc-q', '');
    await page.waitForFunction((n) => document.querySelectorAll('[data-procedure-table] tbody tr:not([hidden])').length === n, procedures.length);
    await page.close();
    // A shared address opens with its search.
    const shared = await open('/thu-tuc-hanh-chinh/?q=giay%20phep%20xay%20dung');
    await shared.waitForFunction(() => document.querySelector('[data-procedure-summary]')?.textContent?.startsWith('Tìm thấy'));
    expect((await shared.locator('[data-procedure-table] tbody tr:not([hidden]) th a').allTextContents()).every((t) => t.includes('giấy phép xây dựng'))).toBe(true);
    await shared.close();
  });

  test('without JavaScript the search box stays hidden and the full table and sector links serve', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/thu-tuc-hanh-chinh/`);
    expect(await page.isHidden('#tim-thu-tuc')).toBe(true);
    expect(await page.locator('[data-procedure-table] tbody tr:visible').count()).toBe(procedures.length);
    await context.close();
  });
});

describe('Tình hình giải quyết hồ sơ', () => {
  const yearOf = (r: Report) => Number(r.month.slice(0, 4));

  test('the latest year as a table: a row per month with rates computed (0 received → "—"), a year total, no NaN', () => {
    const latest = Math.max(...reports.map(yearOf));
    const months = reports.filter((r) => yearOf(r) === latest);
    const body = compact('/tinh-hinh-giai-quyet-ho-so/');
    expect(body).toContain(`<h1>Tình hình giải quyết hồ sơ năm ${latest}</h1>`);
    const rows = [...body.matchAll(/<tr data-month="([^"]+)"><th scope="row">([^<]+)<\/th>(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(months.map((m) => m.month));
    for (const [i, row] of rows.entries()) {
      const m = months[i]!;
      expect(row[2]).toBe(monthLabel(m.month));
      expect(row[3]).toContain(`<td data-rate>${rateText(m)}</td>`);
      expect(row[3]).toContain(`<td>${(m.received + m.carriedOver).toLocaleString('vi-VN')}</td>`);
    }
    expect(body).toMatch(/<tr data-year-total><th scope="row">(Cả năm \d{4}|Lũy kế đến tháng \d{1,2}\/\d{4})<\/th>/);
    expect(body).not.toMatch(/NaN|Infinity/);
  });

  test('an earlier year has its page, with its month of 0 received shown as "—", and links between the years', () => {
    const years = [...new Set(reports.map(yearOf))].sort();
    expect(years.length).toBe(2);
    const earlier = compact(`/tinh-hinh-giai-quyet-ho-so/${years[0]}/`);
    const zero = reports.find((r) => r.received === 0)!;
    expect(yearOf(zero)).toBe(years[0]);
    expect(earlier).toMatch(new RegExp(`<tr data-month="${zero.month}"><th scope="row">${monthLabel(zero.month)}</th><td>0</td>.*?<td data-rate>—</td></tr>`));
    expect(earlier).toContain('href="/tinh-hinh-giai-quyet-ho-so/"');
    expect(earlier).not.toMatch(/NaN|Infinity/);
    expect(html('/tinh-hinh-giai-quyet-ho-so/')).toContain(`href="/tinh-hinh-giai-quyet-ho-so/${years[0]}/"`);
    expect(readFileSync(client('sitemap.xml'), 'utf8')).toContain(`${SITE_URL}/tinh-hinh-giai-quyet-ho-so/${years[0]}/`);
  });

  test('the chart is inline SVG with role="img", an accessible name and one bar per month; no script on the page', async () => {
    const latest = Math.max(...reports.map(yearOf));
    const months = reports.filter((r) => yearOf(r) === latest);
    const page = await open('/tinh-hinh-giai-quyet-ho-so/');
    const chart = page.locator('svg[data-dossier-chart]');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await page.locator('[data-dossier-chart] [data-bar]').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-bar')))).toEqual(months.map((m) => m.month));
    const name = await page.evaluate(() => {
      const svg = document.querySelector('svg[data-dossier-chart]')!;
      return (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');
    });
    expect(name).toContain(`Biểu đồ hồ sơ đã giải quyết theo tháng năm ${latest}`);
    const snapshot = await chart.ariaSnapshot();
    expect(snapshot).toContain(`img "Biểu đồ hồ sơ đã giải quyết theo tháng năm ${latest}`);
    // Heights are proportional: the month with the most resolved has the tallest bar.
    const heights = await page.locator('[data-dossier-chart] [data-bar]').evaluateAll((bars) => bars.map((b) => Array.from(b.querySelectorAll('rect')).reduce((s, r) => s + Number(r.getAttribute('height')), 0)));
    const resolved = months.map((m) => m.onTime + m.late);
    expect(heights.indexOf(Math.max(...heights))).toBe(resolved.indexOf(Math.max(...resolved)));
    expect(html('/tinh-hinh-giai-quyet-ho-so/')).not.toMatch(/<script(?![^>]*type="application\/ld\+json")[^>]*>[^<]*dossier/i);
    await page.close();
  });

  test('the sidebar shows the latest month: received, on time, late, rate, and a link', () => {
    const last = reports.at(-1)!;
    const home = html('/');
    const box = home.slice(home.indexOf('id="box-ho-so"'), home.indexOf('</section>', home.indexOf('id="box-ho-so"')));
    expect(box).toContain(monthLabel(last.month));
    expect(box).toContain(`<dt>Tiếp nhận mới</dt><dd>${last.received.toLocaleString('vi-VN')}</dd>`);
    expect(box).toContain(`<dt>Giải quyết đúng hạn</dt><dd>${last.onTime.toLocaleString('vi-VN')}</dd>`);
    expect(box).toContain(`<dt>Giải quyết trễ hạn</dt><dd>${last.late.toLocaleString('vi-VN')}</dd>`);
    expect(box).toContain(`<dt>Tỷ lệ đúng hạn</dt><dd>${rateText(last)}</dd>`);
    expect(box).toContain('href="/tinh-hinh-giai-quyet-ho-so/"');
  });
});

describe('the new pages', () => {
  const pages = () => ['/thu-tuc-hanh-chinh/', '/thu-tuc-hanh-chinh/linh-vuc/tu-phap-ho-tich/', `/thu-tuc-hanh-chinh/${procedures.find((p) => p.serviceUrl)!.slug}/`, '/tinh-hinh-giai-quyet-ho-so/', `/tinh-hinh-giai-quyet-ho-so/${Math.min(...reports.map((r) => Number(r.month.slice(0, 4))))}/`];

  test('have no serious axe violation, on a phone and a desktop, and nothing wider than the screen', async () => {
    for (const url of pages()) {
      for (const width of [375, 1280]) {
        const page = await open(url, width);
        expect(await seriousViolations(page), `${url} at ${width}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} at ${width}`).toBeLessThanOrEqual(width);
        await page.close();
      }
    }
  }, 120_000);

  test.runIf(hasJava)('are valid HTML for the Nu Html Checker', async () => {
    expect(await htmlCheckerErrors(pages().map((p) => client(path.join(p, 'index.html'))), client(''))).toEqual([]);
  }, 120_000);
});
