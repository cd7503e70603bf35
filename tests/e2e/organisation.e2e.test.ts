/**
 * Organisation, contacts and the English version (issue 12, part 1), against a seeded Strapi and a
 * real build, in Debian's Chromium: every published unit and official has its page or its place
 * and drafts none, the chart's nesting is the CMS's, the focal point is marked, the directory prints
 * on one A4 page, the English pages are English (lang, hreflang both ways, the language switch, the
 * "not yet translated" note instead of Vietnamese, their own 404), axe WCAG 2.1 AA on every new page
 * type, the Nu Html Checker on each, and screenshots at 375 and 1280 px in test-results/screenshots/.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent, type SeedCounts } from '../../cms/src/seed/index';
import { seedOrganisation } from '../../cms/src/seed/organisation';
import { launchChromium } from '../helpers/browser';
import { hasJava, htmlCheckerErrors, seriousViolations } from '../helpers/checkers';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { createSiteBuild, rootDir, serveSite, SITE_URL, type SiteBuild } from '../helpers/site-build';

const screenshots = path.join(rootDir, 'test-results', 'screenshots');

/** Letters only Vietnamese writes (tone marks, ă â ê ô ơ ư đ): none may show under lang="en". */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

interface Unit {
  documentId: string;
  name: string;
  slug: string;
  nameEn: string | null;
  parent: { slug: string } | null;
}
interface Official {
  name: string;
  slug: string;
  bio: string | null;
  focalPoint: boolean;
  unit: { slug: string } | null;
  photo: { url: string } | null;
}

let cms: CmsHarness;
let site: SiteBuild;
let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;
let units: Unit[];
let officials: Official[];
let draftOfficial: Official;
const DRAFT_UNIT = 'Tổ công tác chuyển đổi số (dự thảo)';

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  // A unit an editor has not published yet.
  await cms.strapi.documents('api::unit.unit').create({ data: { name: DRAFT_UNIT, kind: 'Khác', functions: 'Chưa công bố.' } as never });
  units = (await cms.strapi.documents('api::unit.unit').findMany({ status: 'published', populate: ['parent'], limit: 500 })) as unknown as Unit[];
  officials = (await cms.strapi.documents('api::official.official').findMany({ status: 'published', populate: ['unit', 'photo'], limit: 500 })) as unknown as Official[];
  const drafts = (await cms.strapi.documents('api::official.official').findMany({ status: 'draft', populate: ['unit'], limit: 500 })) as unknown as Official[];
  draftOfficial = drafts.find((d) => !officials.some((o) => o.slug === d.slug))!;
  site = createSiteBuild(cms, 'organisation');
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

async function open(target: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const response = await page.goto(`${server.url}${target}`);
  expect(response?.status(), target).toBe(200);
  return page;
}

const html = async (target: string) => {
  const res = await fetch(`${server.url}${target}`);
  expect(res.status, target).toBe(200);
  return res.text();
};

/** Every HTML file of the build, as text. */
function builtPages(): Array<[string, string]> {
  const client = path.join(site.out, 'client');
  return (readdirSync(client, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(path.join(client, f), 'utf8')]);
}

describe('organisation and contacts', () => {
  test('the demo has what these tests need: a hierarchy, a focal point, a draft official, an untranslated unit', () => {
    expect(units.length).toBeGreaterThanOrEqual(8);
    expect(units.some((u) => units.some((c) => c.parent?.slug === u.slug) && u.parent)).toBe(true);
    expect(officials.filter((o) => o.focalPoint)).toHaveLength(1);
    expect(officials.filter((o) => o.photo).length).toBeGreaterThan(0);
    expect(officials.filter((o) => !o.photo).length).toBeGreaterThan(0);
    expect(draftOfficial?.name).toBeTruthy();
    expect(units.some((u) => !u.nameEn)).toBe(true);
  });

  test('seeding the organisation again creates nothing (each entry is looked up by its slug)', async () => {
    const counts = { units: 0, officials: 0, media: 0 } as SeedCounts;
    await seedOrganisation(cms.strapi, counts);
    expect(counts).toMatchObject({ units: 0, officials: 0, media: 0 });
  });

  test('every published unit has its page, on the chart, in the directory and the sitemap; the draft unit nowhere', async () => {
    const chart = await html('/co-cau-to-chuc/');
    const directory = await html('/danh-ba/');
    const sitemap = await html('/sitemap.xml');
    for (const unit of units) {
      const page = await html(`/co-cau-to-chuc/${unit.slug}/`);
      expect(page, unit.slug).toContain(`<h1>${unit.name}</h1>`);
      expect(chart, unit.slug).toContain(`href="/co-cau-to-chuc/${unit.slug}/"`);
      expect(sitemap).toContain(`${SITE_URL}/co-cau-to-chuc/${unit.slug}/`);
    }
    // The directory lists every unit that has people or contacts.
    expect(directory).toContain('Văn phòng HĐND và UBND');
    for (const [file, text] of builtPages()) expect(text, file).not.toContain('Tổ công tác chuyển đổi số');
    expect((await fetch(`${server.url}/co-cau-to-chuc/to-cong-tac-chuyen-doi-so-du-thao/`)).status).toBe(404);
    expect(sitemap).not.toContain('to-cong-tac-chuyen-doi-so');
    // Giới thiệu (a static page) leads to the chart and the directory.
    const introduction = await html('/gioi-thieu/');
    expect(introduction).toContain('href="/co-cau-to-chuc/"');
    expect(introduction).toContain('href="/danh-ba/"');
    for (const target of ['/co-cau-to-chuc/', '/danh-ba/', '/en/', '/en/organization/', '/en/contacts/']) expect(sitemap).toContain(`${SITE_URL}${target}`);
  });

  test('every published official has a place with the bio on its unit page and a row in both directories; the draft official is on no page', async () => {
    const directory = await html('/danh-ba/');
    const english = await html('/en/contacts/');
    const organisation = await html('/en/organization/');
    for (const official of officials) {
      expect(official.unit, official.name).not.toBeNull();
      const page = await html(`/co-cau-to-chuc/${official.unit!.slug}/`);
      const card = new RegExp(`<li class="official-card" id="${official.slug}">[\\s\\S]*?</li>`).exec(page)?.[0] ?? '';
      expect(card, official.name).toContain(official.name);
      if (official.bio) expect(card, official.name).toContain(official.bio);
      // A photo is made into small pictures at build time (96 px wide); without one, no picture at all.
      if (official.photo) expect(card, official.name).toMatch(/<img src="[^"]+" srcset="\/_astro\/[^"]+" sizes="96px" width="96" height="128" alt="Ảnh [^"]+"/);
      else expect(card, official.name).not.toContain('<img');
      expect(directory, official.name).toContain(official.name);
      expect(english, official.name).toContain(`<span lang="vi">${official.name}</span>`);
      expect(organisation, official.name).toContain(official.name);
    }
    for (const [file, text] of builtPages()) {
      expect(text, file).not.toContain(draftOfficial.name);
      expect(text, file).not.toContain(draftOfficial.slug);
    }
  });

  test("the chart's nesting is the CMS's parent relations", async () => {
    const page = await open('/co-cau-to-chuc/');
    const nesting = await page.locator('.org-chart').evaluate((chart) =>
      Array.from(chart.querySelectorAll(':scope .org-unit > a')).map((a) => {
        const item = a.closest('li')!;
        const parentItem = item.parentElement!.closest('li');
        const parentLink = parentItem?.querySelector(':scope > .org-unit > a');
        return [a.getAttribute('href'), parentLink?.getAttribute('href') ?? null];
      }),
    );
    const expected = units.map((u) => [`/co-cau-to-chuc/${u.slug}/`, u.parent ? `/co-cau-to-chuc/${u.parent.slug}/` : null]);
    expect(nesting.sort()).toEqual(expected.sort());
    // Drawn as a chart at 1280 px: the units under the top one stand side by side.
    const tops = await page.locator('.org-chart > li > ul > li > .org-unit').evaluateAll((boxes) => boxes.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(tops.length).toBeGreaterThan(1);
    await page.screenshot({ path: path.join(screenshots, 'co-cau-to-chuc-1280.png'), fullPage: true });
    await page.close();
  });

  test('the focal point for information requests is marked on the chart, the unit page and both directories', async () => {
    const focal = officials.find((o) => o.focalPoint)!;
    const chart = await open('/co-cau-to-chuc/');
    expect(await chart.locator('.org-people li.focal').textContent()).toContain(focal.name);
    expect(await chart.locator('.org-people li.focal .badge.focal').textContent()).toBe('Đầu mối cung cấp thông tin');
    expect(await chart.locator('.focal-box').textContent()).toContain(focal.name);
    expect(await chart.locator('.org-people li.focal').count()).toBe(1);
    await chart.close();
    const unitPage = await html(`/co-cau-to-chuc/${focal.unit!.slug}/`);
    expect(new RegExp(`id="${focal.slug}">[\\s\\S]*?Đầu mối cung cấp thông tin`).test(unitPage)).toBe(true);
    for (const [target, label] of [['/danh-ba/', 'Đầu mối cung cấp thông tin'], ['/en/contacts/', 'Focal point for information requests']] as const) {
      const page = await open(target);
      const rows = page.locator('table.directory tr.focal');
      expect(await rows.count(), target).toBe(1);
      expect(await rows.textContent(), target).toContain(focal.name);
      expect(await rows.locator('.badge.focal').textContent(), target).toBe(label);
      await page.close();
    }
  });

  test('a unit page has its functions, contacts, sub-units and the breadcrumb up the hierarchy', async () => {
    const child = units.find((u) => u.parent && units.find((p) => p.slug === u.parent!.slug)?.parent)!;
    const parent = units.find((u) => u.slug === child.parent!.slug)!;
    const grandparent = units.find((u) => u.slug === parent.parent!.slug)!;
    const page = await open(`/co-cau-to-chuc/${child.slug}/`);
    expect(await page.locator('.breadcrumb li').allTextContents()).toEqual(['Trang chủ', 'Cơ cấu tổ chức', grandparent.name, parent.name, child.name]);
    expect(await page.locator('h2').allTextContents()).toContain('Chức năng, nhiệm vụ');
    await page.close();
    const parentPage = await open(`/co-cau-to-chuc/${parent.slug}/`);
    const subUnits = await parentPage.locator('#don-vi-truc-thuoc + ul a').allTextContents();
    expect(subUnits.sort()).toEqual(units.filter((u) => u.parent?.slug === parent.slug).map((u) => u.name).sort());
    await parentPage.close();
  });

  test('the directory prints on one A4 page', async () => {
    const page = await open('/danh-ba/');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: path.join(screenshots, 'danh-ba-print.png'), fullPage: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.close();
  });

  test('reads well at 375 px: no sideways scrolling on the new pages', async () => {
    for (const target of ['/co-cau-to-chuc/', `/co-cau-to-chuc/${units[0]!.slug}/`, '/danh-ba/', '/en/', '/en/organization/', '/en/contacts/']) {
      const page = await open(target, 375);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), target).toBeLessThanOrEqual(375);
      const name = target.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home';
      await page.screenshot({ path: path.join(screenshots, `${name}-375.png`), fullPage: true });
      await page.close();
    }
    const directory = await open('/danh-ba/');
    await directory.screenshot({ path: path.join(screenshots, 'danh-ba-1280.png'), fullPage: true });
    await directory.close();
  });
});

describe('the English version', () => {
  const pairs = [
    ['/gioi-thieu/', '/en/'],
    ['/co-cau-to-chuc/', '/en/organization/'],
    ['/danh-ba/', '/en/contacts/'],
  ] as const;

  test.each(pairs)('%s and %s name each other with hreflang, and the switch in the header leads across', async (vi, en) => {
    for (const [target, lang, other] of [[vi, 'vi', en], [en, 'en', vi]] as const) {
      const page = await open(target);
      expect(await page.locator('html').getAttribute('lang'), target).toBe(lang);
      const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
      expect(alternates.sort(), target).toEqual([['en', `${SITE_URL}${en}`], ['vi', `${SITE_URL}${vi}`], ['x-default', `${SITE_URL}${vi}`]].sort());
      const switcher = page.locator('.site-header .lang-switch');
      expect(await switcher.getAttribute('hreflang')).toBe(lang === 'vi' ? 'en' : 'vi');
      await switcher.click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(other);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'vi' ? 'en' : 'vi');
      await page.close();
    }
  });

  test('a Vietnamese page without an English counterpart has the switch to the English home, and no hreflang', async () => {
    const page = await open('/tin-tuc/');
    expect(await page.locator('.site-header .lang-switch').getAttribute('href')).toBe('/en/');
    expect(await page.locator('link[hreflang]').count()).toBe(0);
    await page.close();
    // The organisation pages' styles stay on the pages that use them.
    expect(await html('/tin-tuc/')).not.toContain('org-chart');
    expect(await html('/co-cau-to-chuc/')).toContain('.org-chart');
  });

  test.each([['/en/'], ['/en/organization/'], ['/en/contacts/'], ['/en/khong-co-trang-nay/']])('%s is English: lang="en", English frame, no Vietnamese text outside lang="vi" names', async (target) => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${target}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.sidebar').count()).toBe(0);
    expect(await page.locator('nav.main-nav a').allTextContents()).toEqual(['Introduction', 'Organization', 'Contacts']);
    const text = await page.evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[lang="vi"]').forEach((el) => el.remove());
      return copy.textContent ?? '';
    });
    const found = VIETNAMESE.exec(text);
    expect(found ? text.slice(Math.max(0, found.index - 40), found.index + 40) : null, target).toBeNull();
    await page.close();
  });

  test('an untranslated unit shows the note, never its Vietnamese text, on the English pages', async () => {
    const untranslated = units.find((u) => !u.nameEn)!;
    const page = await open('/en/organization/');
    const section = page.locator(`section#${untranslated.slug}`);
    expect(await section.locator('h2, h3, h4').first().textContent()).toContain('not yet translated');
    expect(await section.locator('.untranslated').textContent()).toBe('Functions: not yet translated.');
    // Its Vietnamese name is shown only as a name, marked as Vietnamese.
    expect(await section.locator('[lang="vi"]').first().textContent()).toBe(untranslated.name);
    expect(await section.textContent()).not.toContain('Thôn mới thành lập');
    await page.close();
  });

  test('the English introduction has the agency name and address from the settings', async () => {
    const settings = (await cms.strapi.documents('api::portal.portal').findFirst({ sort: 'id:asc' })) as unknown as { agencyNameEn: string; addressEn: string };
    const page = await open('/en/');
    expect(await page.locator('h1').textContent()).toBe(settings.agencyNameEn);
    expect(await page.locator('main').textContent()).toContain(settings.addressEn);
    expect(await page.locator('main a[href="/en/organization/"]').count()).toBe(1);
    await page.close();
  });

  test('the public server answers an unknown address under /en/ with the English 404, elsewhere the Vietnamese one', async () => {
    for (const target of ['/en/khong-co/', '/en/organization/khong-co/', '/en/khong-co']) {
      const res = await fetch(`${server.url}${target}`);
      expect(res.status, target).toBe(404);
      const body = await res.text();
      expect(body, target).toContain('<html lang="en"');
      expect(body, target).toContain('Page not found');
    }
    const vi = await fetch(`${server.url}/khong-co-trang-nay/`);
    expect(vi.status).toBe(404);
    expect(await vi.text()).toContain('<html lang="vi"');
    const sitemap = await html('/sitemap.xml');
    expect(sitemap).not.toContain('/en/404/');
  });
});

describe('accessibility and valid HTML of the new page types', () => {
  const pageTypes = () => ['/co-cau-to-chuc/', `/co-cau-to-chuc/${units.find((u) => u.parent)!.slug}/`, '/danh-ba/', '/gioi-thieu/', '/en/', '/en/organization/', '/en/contacts/', '/en/khong-co-trang-nay/'];

  test('no serious WCAG 2.1 AA violation (axe) at 1280 and 375 px', async () => {
    for (const width of [1280, 375]) {
      for (const target of pageTypes()) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`${server.url}${target}`);
        const serious = await seriousViolations(page);
        expect(serious, `${target} at ${width} px`).toEqual([]);
        await page.close();
      }
    }
    // Sixteen pages with axe, each with the sidebar's boxes: more than the default 30 s on 2 busy cores.
  }, 180_000);

  test.runIf(hasJava)('every new page type is valid HTML for the Nu Html Checker', async () => {
    const client = path.join(site.out, 'client');
    const files = pageTypes().map((t) => (t.includes('khong-co') ? 'en/404/index.html' : `${t.slice(1)}index.html`)).map((p) => path.join(client, p));
    expect(await htmlCheckerErrors(files, client)).toEqual([]);
  });
});
