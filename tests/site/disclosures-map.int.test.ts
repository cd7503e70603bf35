/**
 * Công khai minh bạch, Bản đồ and Gửi nhận văn bản on the built site, against a real, seeded
 * Strapi: every published disclosure has its page and no draft one; the kind and year pages list
 * exactly their items; no page for a kind without items; every published place has its row with
 * its OpenStreetMap link; the map picture; no interactive map (and no outside source in the
 * policy) without a tile server; the sidebar box and the document exchange link; the sitemap;
 * and an incremental rebuild that shows a new disclosure in the sidebar of cached pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSlug } from '../../content-types/src/slug';
import { seedDemoContent } from '../../cms/src/seed/index';
import { AGENCY } from '../../cms/src/seed/demo-content';
import { MAP_IMAGE } from '../../cms/src/seed/map';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { createSiteBuild, type SiteBuild } from '../helpers/site-build';

const DISCLOSURE = 'api::disclosure.disclosure';
const PLACE = 'api::place.place';
const DRAFT_DISCLOSURE = { title: 'Dự thảo công khai dự toán bổ sung chưa duyệt', kind: 'Dự toán ngân sách', year: 2026, publishedOn: '2026-11-20' };
const DRAFT_PLACE = { name: 'Nhà văn hóa thôn đang xây', kind: 'Khác', address: 'Thôn Đồng Lạc', latitude: 18.37, longitude: 105.885 };

let cms: CmsHarness;
let site: SiteBuild;
let out: string;

interface DbDisclosure {
  title: string;
  slug: string;
  kind: string;
  year: number;
  publishedOn: string;
  files: Array<{ name: string }> | null;
}

const page = (urlPath: string) => path.join(out, 'client', urlPath, 'index.html');
const html = (urlPath: string) => readFileSync(page(urlPath), 'utf8');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
/** The disclosure titles a list page links, in order. */
const listed = (urlPath: string) => [...html(urlPath).matchAll(/<h2 class="doc-number"><a href="\/cong-khai\/[^"]+\/">([^<]+)<\/a>/g)].map((m) => m[1]!);
/** The img-src directive of a page's Content-Security-Policy <meta>. */
const imgSrc = (body: string) => /http-equiv="content-security-policy" content="[^"]*?(img-src [^;"]*)/i.exec(body)?.[1];

async function published<T>(uid: string, populate?: object): Promise<T[]> {
  return (await cms.strapi.db.query(uid as never).findMany({ where: { publishedAt: { $notNull: true } }, ...(populate ? { populate } : {}) })) as T[];
}

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  // Drafts: never on the site.
  await cms.strapi.documents(DISCLOSURE).create({ data: { ...DRAFT_DISCLOSURE, slug: createSlug(DRAFT_DISCLOSURE.title) } as never });
  await cms.strapi.documents(PLACE).create({ data: DRAFT_PLACE as never });
  site = createSiteBuild(cms, 'disclosures-map');
  out = site.out;
  await site.build();
}, 300_000);

afterAll(async () => {
  await cms?.close();
  site?.dispose();
});

describe('Công khai minh bạch on the built site', () => {
  test('every published disclosure has its page with kind, period, day and files; the draft has none', async () => {
    const items = await published<DbDisclosure>(DISCLOSURE, { files: true });
    expect(items.length).toBeGreaterThanOrEqual(12);
    for (const d of items) {
      const body = html(`/cong-khai/${d.slug}/`);
      expect(body, d.slug).toContain(`<h1>${escape(d.title)}</h1>`);
      expect(body).toContain(`href="/cong-khai/loai/${createSlug(d.kind)}/">${d.kind}</a>`);
      expect(body).toContain(`href="/cong-khai/nam/${d.year}/">${d.year}</a>`);
      expect(body).toContain(`<time datetime="${d.publishedOn}">${d.publishedOn.split('-').reverse().join('/')}</time>`);
      expect(body).toContain('data-pagefind-body');
      for (const f of d.files ?? []) expect(body).toMatch(new RegExp(`download="${f.name}" type="application/pdf">${f.name}</a> <span class="meta">\\(PDF, \\d+ KB\\)`));
    }
    expect(items.some((d) => (d.files ?? []).length > 0)).toBe(true);
    expect(existsSync(page(`/cong-khai/${createSlug(DRAFT_DISCLOSURE.title)}/`))).toBe(false);
    expect(html('/cong-khai/')).not.toContain(DRAFT_DISCLOSURE.title);
  });

  test('the list holds them all newest first, with the navigation by kind and year', async () => {
    const items = (await published<DbDisclosure>(DISCLOSURE)).sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || a.title.localeCompare(b.title, 'vi'));
    expect(listed('/cong-khai/')).toEqual(items.slice(0, 20).map((d) => escape(d.title)));
    const nav = /<nav class="doc-filters disclosure-nav"[\s\S]*?<\/nav>/.exec(html('/cong-khai/'))![0];
    for (const kind of new Set(items.map((d) => d.kind))) expect(nav).toContain(`href="/cong-khai/loai/${createSlug(kind)}/"`);
    for (const year of new Set(items.map((d) => d.year))) expect(nav).toContain(`href="/cong-khai/nam/${year}/"`);
  });

  test('kind and year pages list exactly their items; a kind without items has no page', async () => {
    const items = await published<DbDisclosure>(DISCLOSURE);
    const newest = (list: DbDisclosure[]) => list.sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || a.title.localeCompare(b.title, 'vi')).map((d) => escape(d.title));
    for (const kind of new Set(items.map((d) => d.kind))) {
      expect(listed(`/cong-khai/loai/${createSlug(kind)}/`), kind).toEqual(newest(items.filter((d) => d.kind === kind)));
    }
    for (const year of new Set(items.map((d) => d.year))) {
      expect(listed(`/cong-khai/nam/${year}/`), String(year)).toEqual(newest(items.filter((d) => d.year === year)));
    }
    expect(existsSync(page('/cong-khai/loai/bao-cao-tai-chinh/'))).toBe(false);
    // The compliance list's links lead to built pages.
    expect(existsSync(page('/cong-khai/loai/bao-cao-thuc-hien-ngan-sach/'))).toBe(true);
  });
});

describe('Bản đồ on the built site', () => {
  test('every published place has its row with address, coordinates and an OpenStreetMap link; the draft none', async () => {
    const body = html('/ban-do/');
    const places = await published<{ name: string; address: string; latitude: number; longitude: number }>(PLACE);
    expect(places.length).toBeGreaterThanOrEqual(10);
    for (const p of places) {
      const row = new RegExp(`<tr>\\s*<th scope="row">${p.name}[\\s\\S]*?</tr>`).exec(body)?.[0];
      expect(row, p.name).toBeDefined();
      expect(row).toContain(p.address);
      expect(row).toContain(`href="https://www.openstreetmap.org/?mlat=${p.latitude.toFixed(5)}&amp;mlon=${p.longitude.toFixed(5)}#map=17/`);
      expect(row).toContain(`${p.latitude.toFixed(4).replace('.', ',')}° B`);
    }
    expect(body).not.toContain(DRAFT_PLACE.name);
    expect(body).toContain('<h2 id="dia-diem-1">Thôn, tổ dân phố</h2>');
  });

  test('shows the map picture with its alternative text, and no interactive map or outside source without a tile server', () => {
    const body = html('/ban-do/');
    expect(body).toContain(`alt="${MAP_IMAGE.alt}"`);
    expect(body).toMatch(/<figure class="admin-map">\s*<picture>/);
    expect(body).not.toContain('ban-do-tuong-tac');
    expect(body).not.toMatch(/leaflet/i);
    // Nor Leaflet's code in the page's scripts.
    for (const [, src] of body.matchAll(/<script[^>]* src="([^"]+)"/g)) expect(readFileSync(path.join(out, 'client', src!), 'utf8'), src).not.toContain('leaflet-pane');
    expect(imgSrc(body)).toBe("img-src 'self' data:");
  });
});

describe('the sidebar', () => {
  test('lists the five newest disclosures and links all of them, on every page', async () => {
    const items = (await published<DbDisclosure>(DISCLOSURE)).sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || a.title.localeCompare(b.title, 'vi'));
    for (const p of ['/', '/van-ban/', '/ban-do/']) {
      const box = /<section class="box" aria-labelledby="box-cong-khai">[\s\S]*?<\/section>/.exec(html(p))?.[0];
      expect(box, p).toBeDefined();
      expect([...box!.matchAll(/<li><a href="\/cong-khai\/([^"]+)\/">/g)].map((m) => m[1])).toEqual(items.slice(0, 5).map((d) => d.slug));
      expect(box).toContain('<a class="more" href="/cong-khai/">Xem tất cả');
    }
  });

  test('the "Dịch vụ công" box links the document exchange system, also when no other service link is set', async () => {
    const box = () => /<section class="box" aria-labelledby="box-dich-vu">[\s\S]*?<\/section>/.exec(html('/'))?.[0] ?? '';
    expect(box()).toContain(`<li><a href="${AGENCY.documentExchangeUrl}" data-document-exchange>Gửi nhận văn bản</a></li>`);
    const settings = await cms.strapi.documents('api::portal.portal').findFirst({ sort: 'id:asc' });
    await cms.strapi.documents('api::portal.portal').update({ documentId: settings!.documentId, data: { serviceLinks: [] } as never });
    await site.build();
    expect(box()).toMatch(/<ul>\s*<li><a href="https:\/\/vanban\.lamgiang\.gov\.vn" data-document-exchange>Gửi nhận văn bản<\/a><\/li>\s*<\/ul>/);
  }, 240_000);

  test('a newly published disclosure shows in the sidebar of pages the incremental build takes from its cache', async () => {
    const title = 'Công khai kết quả mua sắm máy phát điện dự phòng';
    await cms.strapi.documents(DISCLOSURE).create({ data: { title, slug: createSlug(title), kind: 'Mua sắm công', year: 2026, publishedOn: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10) } as never, status: 'published' });
    await site.build();
    const article = (await cms.strapi.db.query('api::article.article').findOne({ where: { publishedAt: { $notNull: true } } })) as { slug: string };
    for (const p of [`/tin-tuc/${article.slug}/`, '/van-ban/15-2026-qd-ubnd/']) {
      const box = /<section class="box" aria-labelledby="box-cong-khai">[\s\S]*?<\/section>/.exec(html(p))![0];
      expect(box, p).toContain(`<li><a href="/cong-khai/${createSlug(title)}/">${title}</a></li>`);
    }
    expect(listed('/cong-khai/loai/mua-sam-cong/')[0]).toBe(title);
  }, 240_000);
});

describe('the sitemap', () => {
  test('lists the disclosure pages, the kind and year pages and the map', async () => {
    const xml = readFileSync(path.join(out, 'client', 'sitemap.xml'), 'utf8');
    for (const d of await published<DbDisclosure>(DISCLOSURE)) expect(xml).toContain(`/cong-khai/${d.slug}/</loc>`);
    for (const p of ['/cong-khai/', '/cong-khai/loai/du-toan-ngan-sach/', '/cong-khai/nam/2026/', '/ban-do/']) expect(xml).toContain(`${p}</loc>`);
  });
});
