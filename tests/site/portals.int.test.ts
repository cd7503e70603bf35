/**
 * Many portals in one install (issue 14), built against a real Strapi with the demo's three
 * portals: each portal's build, with its own token, shows its own name and news and none of the
 * others'; the province shows "Tin từ cơ sở", the news its communes share, linking to each article
 * on its commune's portal (canonical there).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSlug } from '../../content-types/src/slug';
import { seedDemoContent } from '../../cms/src/seed/index';
import { CATEGORIES, LINKS } from '../../cms/src/seed/demo-content';
import { DEMO_PORTALS, PROVINCE_CODE, SECOND_COMMUNE_CODE, SHARED_PRIMARY_ARTICLES } from '../../cms/src/seed/portals';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { createSiteBuild, type SiteBuild } from '../helpers/site-build';

let cms: CmsHarness;
let site: SiteBuild;
const SITE_URL = 'http://127.0.0.1:4321';
const province = DEMO_PORTALS.find((p) => p.code === PROVINCE_CODE)!;
const commune = DEMO_PORTALS.find((p) => p.code === SECOND_COMMUNE_CODE)!;
const titles = (demo: (typeof DEMO_PORTALS)[number]) => demo.categories.flatMap((c) => c.articles.map((a) => a.title));
const tokenOf = (code: string) => readFileSync(path.join(cms.dataDir, 'portal-tokens', code), 'utf8').trim();

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { portals: true, log: () => undefined });
  site = createSiteBuild(cms, 'portals');
}, 240_000);

afterAll(async () => {
  site?.dispose();
  await cms?.close();
});

/** Builds one portal into its own folder and returns a reader of its pages. */
async function buildPortal(code: string | null, siteUrl = code ? `http://${code}.localhost:4321` : SITE_URL): Promise<(page: string) => string> {
  const out = code ?? 'primary';
  await site.build({ out, cache: `cache-${out}`, env: code ? { SITE_PORTAL: code, CMS_TOKEN: tokenOf(code), SITE_URL: siteUrl } : { SITE_URL } });
  return (page) => {
    const file = path.join(site.work, out, 'client', page.replace(/^\//, ''), page.endsWith('/') ? 'index.html' : '');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
}

describe('one build per portal', () => {
  test('the province shows its own name and news, its communes\' shared news as links to their portals, and none of their pages', async () => {
    // Served over https on the default port: the communes' links follow this build's SITE_URL, not the CMS's.
    const html = await buildPortal(PROVINCE_CODE, 'https://lam-giang.localhost');
    const home = html('/');
    expect(home).toContain(String(province.settings.agencyName));
    for (const title of titles(province)) expect(home + html('/tin-tuc/')).toContain(title);
    // Tin từ cơ sở: the shared ones, each linking to its commune's own page.
    const shared = html('/tin-tu-co-so/');
    for (const a of commune.categories.flatMap((c) => c.articles)) {
      const link = `https://${SECOND_COMMUNE_CODE}.localhost/tin-tuc/${createSlug(a.title)}/`;
      if (a.share) expect(shared).toContain(`href="${link}"`);
      else expect(shared).not.toContain(a.title);
    }
    for (const title of SHARED_PRIMARY_ARTICLES) expect(shared).toContain(`href="https://tan-hoa.localhost/tin-tuc/${createSlug(title)}/"`);
    expect(home).toContain('id="tin-tu-co-so"');
    // No commune article is a page of the province, and no commune name heads it.
    for (const title of [...titles(commune), ...CATEGORIES.flatMap((c) => c.articles.map((a) => a.title))]) {
      expect(existsSync(path.join(site.work, PROVINCE_CODE, 'client', 'tin-tuc', createSlug(title))), title).toBe(false);
    }
    expect(html('/sitemap.xml')).toContain('/tin-tu-co-so/');
  }, 240_000);

  test('a commune\'s build shows only its own portal: its name, news, announcements and links', async () => {
    const html = await buildPortal(SECOND_COMMUNE_CODE);
    const home = html('/');
    expect(home).toContain(String(commune.settings.agencyName));
    expect(home).not.toContain(String(province.settings.agencyName) + '</');
    for (const title of titles(commune)) expect(existsSync(path.join(site.work, SECOND_COMMUNE_CODE, 'client', 'tin-tuc', createSlug(title), 'index.html')), title).toBe(true);
    const pages = readFileSync(path.join(site.work, SECOND_COMMUNE_CODE, 'client', 'sitemap.xml'), 'utf8');
    for (const title of [...titles(province), ...CATEGORIES.flatMap((c) => c.articles.map((a) => a.title))]) expect(pages, title).not.toContain(`/tin-tuc/${createSlug(title)}/`);
    for (const a of province.announcements) expect(html('/thong-bao/')).not.toContain(a.title);
    // A commune has no communes: no "Tin từ cơ sở" on its home, and its list says so.
    expect(home).not.toContain('id="tin-tu-co-so"');
    expect(html('/tin-tu-co-so/')).toContain('Chưa có tin nào được chia sẻ.');
  }, 240_000);

  test('the first portal, built with the install\'s build token as before, holds none of the other portals\' entries', async () => {
    const html = await buildPortal(null);
    expect(html('/')).toContain('Ủy ban nhân dân xã Tân Hòa');
    const pages = html('/sitemap.xml');
    for (const title of [...titles(province), ...titles(commune)]) expect(pages, title).not.toContain(`/tin-tuc/${createSlug(title)}/`);
    const ownLinks = new Set(LINKS.map((l) => l.title));
    for (const link of [...province.links, ...commune.links].filter((l) => !ownLinks.has(l.title))) expect(html('/lien-ket/')).not.toContain(`"${link.url}"`);
  }, 240_000);
});
