/**
 * Lịch công tác and Dữ liệu mở (issue 12), against a seeded CMS, one real build and Chromium:
 * a page per published week (none for a draft), the current week with its neighbours and today,
 * today's items on the home page, the open data files equal to what the CMS publishes (through
 * its REST API with the build token), BOM and RFC 4180, axe, print, and valid HTML.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, contentTypes, isoWeekOf, mondayOf, weekKey, type ContentType } from '../../content-types/src/index';
import { seedDemoContent } from '../../cms/src/seed/index';
import { ANNOUNCEMENT_POPULATE, ARTICLE_POPULATE, DISCLOSURE_POPULATE, LEGAL_DOCUMENT_POPULATE, OFFICIAL_POPULATE, UNIT_POPULATE, WORK_WEEK_POPULATE } from '../../site/src/lib/records';
import { cellText, type Cell } from '../../site/src/lib/csv';
import { vietnamDay } from '../../site/src/lib/format';
import { launchChromium } from '../helpers/browser';
import { hasJava, htmlCheckerErrors, seriousViolations } from '../helpers/checkers';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { parseCsv } from '../helpers/csv';
import { createSiteBuild, rootDir, serveSite, SITE_URL, type SiteBuild } from '../helpers/site-build';

const screenshots = path.join(rootDir, 'test-results', 'screenshots');

type Entry = Record<string, unknown> & { documentId: string };
interface Schema {
  licence: string;
  datasets: Array<{ dataset: string; title: string; type: string; json: string; csv: string; fields: Array<{ name: string; type: string; label: string }> }>;
}

let cms: CmsHarness;
let site: SiteBuild;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;
// The build's today in Viet Nam (the test would need a rebuild if it ran across midnight there).
const today = vietnamDay(new Date());
const thisMonday = mondayOf(today);
const keyOf = (monday: string) => weekKey(isoWeekOf(monday));
const oldMonday = addDays(thisMonday, -28);
const draftMonday = addDays(thisMonday, 21);
const QUOTED = 'Họp "Dân vận khéo", tổng kết năm;\ntrao giấy khen';
const PASTED = 'Kiểm tra công trình kênh tiêu thôn Gò Mít (dán từ bảng)';

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  const docs = cms.strapi.documents.bind(cms.strapi);
  // An older published week (with a gap of two empty weeks after it) and a draft week after next week.
  const old = await docs('api::work-week.work-week').create({
    data: { title: 'Lịch công tác tuần cũ', weekOf: oldMonday, note: 'Ghi chú, có "ngoặc kép"', items: [{ day: addDays(oldMonday, 2), time: '08:00', content: QUOTED, chair: 'Chủ tịch UBND xã', participants: '', location: 'Hội trường', note: '' }] } as never,
    status: 'published',
  });
  // "Dán lịch từ bảng": rows copied from a spreadsheet are added to the week's items on save; a row it cannot read stops the save.
  await expect(docs('api::work-week.work-week').update({ documentId: old.documentId, data: { paste: 'sáng mai\t08:00\tHọp' } as never })).rejects.toThrow('Dán lịch từ bảng: Dòng 1: không hiểu ngày “sáng mai”');
  await docs('api::work-week.work-week').update({ documentId: old.documentId, data: { paste: `Ngày\tGiờ\tNội dung\tChủ trì\n${addDays(oldMonday, 3).split('-').reverse().join('/')}\t14:00\t${PASTED}\tPhó Chủ tịch UBND xã` } as never });
  await docs('api::work-week.work-week').publish({ documentId: old.documentId });
  await docs('api::work-week.work-week').create({
    data: { title: 'Lịch công tác dự thảo chưa đăng', weekOf: draftMonday, items: [{ day: draftMonday, time: '07:30', content: 'Nội dung dự thảo không được công bố', chair: 'Chủ tịch UBND xã' }] } as never,
  });
  // The demo's documents, units and officials fill the other datasets (each checked non-empty below).
  site = createSiteBuild(cms, 'schedule-open-data');
  await site.build();
  server = await serveSite(site.out);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  site?.dispose();
  await cms?.close();
});

const client = (p: string) => path.join(site.out, 'client', p);

/** Every published entry of a type, as the CMS's REST API gives it to the build token. */
async function published(type: ContentType, populate: Record<string, string> = {}): Promise<Entry[]> {
  const all: Entry[] = [];
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({ ...populate, 'pagination[page]': String(page), 'pagination[pageSize]': '100' });
    const response = await fetch(`${cms.url}/api/${type.pluralName}?${query}`, { headers: { authorization: `Bearer ${cms.buildToken}` } });
    expect(response.status, type.pluralName).toBe(200);
    const body = (await response.json()) as { data: Entry[]; meta: { pagination: { pageCount: number } } };
    all.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return all;
  }
}

async function open(url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const response = await page.goto(`${server.url}${url}`);
  expect(response?.status(), url).toBe(200);
  return page;
}


describe('Lịch công tác', () => {
  test('every published week has its page, the weeks between them an empty one, up to next week; a draft week none', async () => {
    const weeks = await published(contentTypes.find((t) => t.singularName === 'work-week')!, WORK_WEEK_POPULATE);
    expect(weeks.map((w) => w.weekOf).sort()).toEqual([oldMonday, addDays(thisMonday, -7), thisMonday, addDays(thisMonday, 7)]);
    for (const w of weeks) {
      const html = readFileSync(client(`lich-cong-tac/${keyOf(w.weekOf as string)}/index.html`), 'utf8');
      expect(html).toContain(`<h1>${w.title as string}</h1>`);
      expect(html).not.toContain('Chưa có lịch công tác được công bố cho tuần này.');
    }
    for (const gap of [-21, -14]) {
      expect(readFileSync(client(`lich-cong-tac/${keyOf(addDays(thisMonday, gap))}/index.html`), 'utf8')).toContain('Chưa có lịch công tác được công bố cho tuần này.');
    }
    expect(existsSync(client(`lich-cong-tac/${keyOf(addDays(oldMonday, -7))}/index.html`))).toBe(false);
    expect(existsSync(client(`lich-cong-tac/${keyOf(addDays(thisMonday, 14))}/index.html`))).toBe(false);
    expect(existsSync(client(`lich-cong-tac/${keyOf(draftMonday)}/index.html`))).toBe(false);
    const sitemap = readFileSync(client('sitemap.xml'), 'utf8');
    for (let monday = oldMonday; monday <= addDays(thisMonday, 7); monday = addDays(monday, 7)) expect(sitemap).toContain(`${SITE_URL}/lich-cong-tac/${keyOf(monday)}/`);
    expect(sitemap).toContain(`${SITE_URL}/du-lieu-mo/`);
    expect(sitemap).not.toContain('Nội dung dự thảo');
    expect(sitemap).not.toContain(keyOf(draftMonday));
  });

  test('shows the current week at /lich-cong-tac/, with today marked and links to the weeks before and after', async () => {
    const page = await open('/lich-cong-tac/');
    expect(await page.locator('h1').textContent()).toBe(`Lịch công tác tuần ${isoWeekOf(today).week} năm ${isoWeekOf(today).year}`);
    expect(await page.locator('.week-range .this-week').textContent()).toBe('Tuần này');
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe(`/lich-cong-tac/${keyOf(addDays(thisMonday, -7))}/`);
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe(`/lich-cong-tac/${keyOf(addDays(thisMonday, 7))}/`);
    // Vietnamese weekday names, Monday first; today's group marked, with its items (the seed gives every day one).
    const dayNames = await page.locator('.schedule .day-row th time').allTextContents();
    expect(dayNames.slice(0, 5).map((d) => d.split(',')[0])).toEqual(['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu']);
    expect(await page.locator('.schedule tbody.today time').getAttribute('datetime')).toBe(today);
    const weeks = await published(contentTypes.find((t) => t.singularName === 'work-week')!, WORK_WEEK_POPULATE);
    const todays = (weeks.find((w) => w.weekOf === thisMonday)!.items as Array<{ day: string; content: string }>).filter((i) => i.day === today);
    expect(todays.length).toBeGreaterThan(0);
    expect(await page.locator('.schedule tbody.today td[data-label="Nội dung"]').allTextContents()).toEqual(todays.map((i) => i.content));
    // The page stays: the reader's today is in the week it was built for.
    expect(new URL(page.url()).pathname).toBe('/lich-cong-tac/');
    // The next week's page: no "Tuần này" badge, a link back to the current week.
    await page.locator('a[rel="next"]').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/lich-cong-tac/${keyOf(addDays(thisMonday, 7))}/`);
    expect(await page.locator('.week-range .this-week').count()).toBe(0);
    expect(await page.locator('.week-nav a', { hasText: 'Tuần này' }).getAttribute('href')).toBe('/lich-cong-tac/');
    await page.close();
  });

  test('an old week shows its items as entered, quotes and line break included, and the rows pasted from a table', async () => {
    const page = await open(`/lich-cong-tac/${keyOf(oldMonday)}/`);
    expect(await page.locator('.schedule td[data-label="Nội dung"]').allTextContents()).toEqual([QUOTED, PASTED]);
    expect(await page.locator('.schedule tr', { hasText: PASTED }).locator('td[data-label="Chủ trì"]').textContent()).toBe('Phó Chủ tịch UBND xã');
    const [week] = (await published(contentTypes.find((t) => t.singularName === 'work-week')!, WORK_WEEK_POPULATE)).filter((w) => w.weekOf === oldMonday);
    expect(week!.paste ?? '').toBe('');
    expect(await page.locator('.week-note').textContent()).toBe('Ghi chú: Ghi chú, có "ngoặc kép"');
    await page.close();
  });

  test('lists today\'s items on the home page', async () => {
    const weeks = await published(contentTypes.find((t) => t.singularName === 'work-week')!, WORK_WEEK_POPULATE);
    const todays = (weeks.find((w) => w.weekOf === thisMonday)!.items as Array<{ day: string; content: string }>).filter((i) => i.day === today);
    const page = await open('/');
    const block = page.locator('.today-schedule');
    expect(await block.isVisible()).toBe(true);
    expect(await block.locator('h2').textContent()).toBe('Lịch công tác hôm nay');
    const text = (await block.locator('li').allTextContents()).join('\n');
    for (const item of todays) expect(text).toContain(item.content);
    expect(await block.locator('a[href="/lich-cong-tac/"]').count()).toBe(1);
    await page.close();
  });

  test('a reader whose today is in another built week is sent to it, and the home page hides items of another day', async () => {
    // As if no publish had happened since: the reader's clock is next Wednesday, 09:00 in Viet Nam.
    const later = new Date(`${addDays(thisMonday, 9)}T02:00:00Z`);
    const page = await browser.newPage();
    await page.clock.setFixedTime(later);
    await page.goto(`${server.url}/lich-cong-tac/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/lich-cong-tac/${keyOf(addDays(thisMonday, 7))}/`);
    await page.goto(`${server.url}/`);
    expect(await page.locator('.today-schedule').count()).toBe(1);
    await expect.poll(() => page.locator('.today-schedule').isVisible()).toBe(false);
    await page.close();
  });

  test('prints the table without the navigation', async () => {
    const page = await open('/lich-cong-tac/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.main-nav', '.week-nav', '.sidebar', '.site-footer', '.search-form']) expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    expect(await page.locator('.schedule').isVisible()).toBe(true);
    expect(await page.locator('.schedule thead').isVisible()).toBe(true);
    await page.close();
  });
});

/** What the data files must hold for an entry of `type`, from the CMS's own answer and the model. */
function expectedRecord(type: ContentType, fields: Schema['datasets'][number]['fields'], e: Entry): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const f of fields) {
    if (f.name === 'url' && !('url' in type.attributes)) continue; // the page's address: checked against the built pages
    if (f.name === 'documentId' || f.name === 'updatedAt') {
      out[f.name] = e[f.name] as string;
      continue;
    }
    if (f.name === 'publishedAt') {
      // The first publication (Strapi's firstPublishedAt, cms/config/features.ts), as the portal dates entries.
      out[f.name] = (e.firstPublishedAt ?? e.publishedAt) as string;
      continue;
    }
    const attribute = type.attributes[f.name]!;
    const v = e[f.name] as never;
    const fileUrl = (m: { url: string }) => `${SITE_URL}${m.url}`;
    switch (attribute.strapi.type) {
      case 'relation':
        out[f.name] = (v as { name: string } | null)?.name ?? null;
        break;
      case 'media':
        out[f.name] = attribute.strapi.multiple ? ((v ?? []) as Array<{ url: string }>).map(fileUrl) : v ? fileUrl(v) : null;
        break;
      case 'component':
        out[f.name] = ((v ?? []) as Array<{ kind: string; document: { number: string } | null }>).filter((r) => r.document).map((r) => `${r.kind} ${r.document!.number}`);
        break;
      case 'boolean':
        out[f.name] = Boolean(v);
        break;
      case 'integer':
        out[f.name] = v ?? 0;
        break;
      case 'date':
      case 'enumeration':
        out[f.name] = v ?? null;
        break;
      default:
        out[f.name] = f.type === 'string[]' ? ((v ?? '') as string).split(',').map((t) => t.trim()).filter(Boolean) : (v ?? '');
    }
  }
  return out;
}

const POPULATE: Record<string, Record<string, string>> = {
  'api::article.article': ARTICLE_POPULATE,
  'api::announcement.announcement': ANNOUNCEMENT_POPULATE,
  'api::legal-document.legal-document': LEGAL_DOCUMENT_POPULATE,
  'api::unit.unit': UNIT_POPULATE,
  'api::official.official': OFFICIAL_POPULATE,
  'api::disclosure.disclosure': DISCLOSURE_POPULATE,
};

/** Records as comparable strings, in a fixed order. */
const sorted = (records: Array<Record<string, Cell>>) => records.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();

describe('Dữ liệu mở', () => {
  test('publishes every public type as JSON and CSV equal to what the CMS publishes, with BOM, RFC 4180 and the model\'s field names', async () => {
    const schema = JSON.parse(readFileSync(client('du-lieu-mo/schema.json'), 'utf8')) as Schema;
    expect(schema.licence).toBe('Giấy phép Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)');
    expect(schema.datasets.map((d) => d.dataset)).toEqual(['tin-tuc', 'thong-bao', 'van-ban', 'cong-khai', 'co-cau-to-chuc', 'can-bo', 'lich-cong-tac', 'dia-diem', 'lien-ket', 'trang', 'chuyen-muc', 'loai-van-ban', 'linh-vuc']);
    for (const d of schema.datasets) {
      const type = contentTypes.find((t) => t.uid === d.type)!;
      // Field names: the model's attributes, documentId, url, the system dates (and the week's note, renamed).
      for (const f of d.fields) expect(['documentId', 'url', 'publishedAt', 'updatedAt', 'weekNote', ...Object.keys(type.attributes), 'day', 'time', 'content', 'chair', 'participants', 'location'], `${d.dataset}.${f.name}`).toContain(f.name);
      for (const f of d.fields) expect(f.label, `${d.dataset}.${f.name}`).not.toBe('');
      expect(d.fields.map((f) => f.name)).not.toContain('body');

      const json = JSON.parse(readFileSync(client(`du-lieu-mo/${d.dataset}.json`), 'utf8')) as { licence: string; count: number; fields: string[]; records: Array<Record<string, Cell>> };
      expect(json.licence).toBe(schema.licence);
      expect(json.fields).toEqual(d.fields.map((f) => f.name));
      expect(json.count, d.dataset).toBe(json.records.length);
      expect(json.count, `${d.dataset} holds the demo's entries`).toBeGreaterThan(0);

      // Against the CMS: the same entries, the same values.
      let expected: Array<Record<string, Cell>>;
      if (d.dataset === 'lich-cong-tac') {
        expected = (await published(type, WORK_WEEK_POPULATE)).flatMap((w) =>
          (w.items as Array<Record<string, string | null>>).map((i) => ({
            documentId: w.documentId, weekOf: w.weekOf as string, title: w.title as string,
            day: i.day!, time: i.time ?? '', content: i.content!, chair: i.chair ?? '', participants: i.participants ?? '', location: i.location ?? '', note: i.note ?? '',
            weekNote: (w.note as string | null) ?? '',
          })),
        );
      } else {
        expected = (await published(type, POPULATE[type.uid] ?? {})).map((e) => expectedRecord(type, d.fields, e));
      }
      expect(expected.length, d.dataset).toBeGreaterThan(0);
      // `url` is the page's address (checked below), except for a link, whose own field it is.
      const compared = 'url' in type.attributes ? json.records : json.records.map(({ url: _url, ...rest }) => rest);
      expect(sorted(compared), d.dataset).toEqual(sorted(expected));

      // The CSV: a BOM, the same header and cells.
      const bytes = readFileSync(client(`du-lieu-mo/${d.dataset}.csv`));
      expect([...bytes.subarray(0, 3)], d.dataset).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(bytes.subarray(3).toString('utf8'));
      expect(rows[0]).toEqual(json.fields);
      expect(rows.slice(1)).toEqual(json.records.map((r) => json.fields.map((f) => cellText(r[f] ?? null))));
    }
  });

  test('gives each record the address of its page on the portal', async () => {
    const read = (name: string) => JSON.parse(readFileSync(client(`du-lieu-mo/${name}.json`), 'utf8')) as { records: Array<Record<string, string | null>> };
    for (const name of ['tin-tuc', 'thong-bao', 'chuyen-muc', 'lich-cong-tac', 'van-ban', 'cong-khai', 'dia-diem', 'co-cau-to-chuc', 'can-bo', 'loai-van-ban', 'linh-vuc', 'trang']) {
      for (const r of read(name).records) {
        // A document kind or sector no published document has yet has no filter page: no address.
        if (r.url === null && (name === 'loai-van-ban' || name === 'linh-vuc')) {
          expect(existsSync(client(`van-ban/${name === 'loai-van-ban' ? 'loai' : 'linh-vuc'}/${r.slug}/index.html`)), String(r.slug)).toBe(false);
          continue;
        }
        const url = String(r.url);
        expect(url.startsWith(`${SITE_URL}/`), url).toBe(true);
        const target = new URL(url);
        expect(existsSync(client(`${target.pathname}index.html`)), url).toBe(true);
        // An official's place is a card on a page: the address names it.
        if (target.hash) expect(readFileSync(client(`${target.pathname}index.html`), 'utf8'), url).toContain(`id="${decodeURIComponent(target.hash.slice(1))}"`);
      }
    }
    const schedule = read('lich-cong-tac').records.find((r) => r.content === QUOTED)!;
    expect(schedule.url).toBe(`${SITE_URL}/lich-cong-tac/${keyOf(oldMonday)}/`);
    const announcement = read('thong-bao').records.find((r) => (r.attachments as unknown as string[]).length > 0)!;
    const file = new URL((announcement.attachments as unknown as string[])[0]!);
    expect(existsSync(client(file.pathname)), file.href).toBe(true);
    // No private field anywhere (comment emails are never loaded); officials' work emails are public.
    for (const d of ['can-bo', 'co-cau-to-chuc']) expect(JSON.stringify(read(d))).not.toContain('password');
  });

  test('serves the files with their types, and /du-lieu-mo/ lists them with counts, schema and licence, linked from every footer', async () => {
    const csv = await fetch(`${server.url}/du-lieu-mo/lich-cong-tac.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await fetch(`${server.url}/du-lieu-mo/tin-tuc.json`)).headers.get('content-type')).toBe('application/json; charset=utf-8');
    const page = await open('/');
    await page.locator('.site-footer').getByRole('link', { name: 'Dữ liệu mở' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/du-lieu-mo/');
    expect(await page.locator('.licence').textContent()).toBe('Giấy phép: Giấy phép Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)');
    const schedule = page.locator('.datasets > li', { has: page.locator('h2#lich-cong-tac') });
    const rows = (JSON.parse(readFileSync(client('du-lieu-mo/lich-cong-tac.json'), 'utf8')) as { count: number }).count;
    expect(await schedule.locator('.meta').textContent()).toContain(`${rows} bản ghi`);
    expect(await schedule.locator('.downloads a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/du-lieu-mo/lich-cong-tac.json', '/du-lieu-mo/lich-cong-tac.csv']);
    await schedule.locator('summary').click();
    expect(await schedule.locator('.data-schema th[scope="row"]').allTextContents()).toContain('participants');
    expect(await schedule.locator('.data-schema').textContent()).toContain('Thành phần');
    await page.close();
  });
});

describe('the new pages', () => {
  test.each(['/lich-cong-tac/', `/lich-cong-tac/${keyOf(addDays(thisMonday, -14))}/`, '/du-lieu-mo/', '/danh-muc-thong-tin-cong-khai/', '/'])('%s has no serious WCAG 2.1 AA violation, at 1280 and 375 px', async (url) => {
    for (const width of [1280, 375]) {
      const page = await open(url, width);
      await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
      expect(await seriousViolations(page), `${url} at ${width}`).toEqual([]);
      // Nothing wider than the screen but the tables' own scrolling regions.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} at ${width}`).toBeLessThanOrEqual(width);
      const name = url === '/' ? 'home' : url.replaceAll('/', '_').replace(/^_|_$/g, '');
      await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });
      await page.close();
    }
  }, 60_000);

  test.runIf(hasJava)('are valid HTML for the Nu Html Checker', async () => {
    const pages = ['lich-cong-tac/index.html', `lich-cong-tac/${keyOf(oldMonday)}/index.html`, `lich-cong-tac/${keyOf(addDays(thisMonday, -14))}/index.html`, 'du-lieu-mo/index.html', 'danh-muc-thong-tin-cong-khai/index.html', 'index.html'].map(client);
    expect(await htmlCheckerErrors(pages, client(''))).toEqual([]);
  }, 120_000);
});
