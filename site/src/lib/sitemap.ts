/**
 * The sitemap (sitemaps.org): every public page of the portal. One file holds at most 50,000
 * addresses (the protocol's limit; a province's archive passes it), so past that `/sitemap.xml`
 * becomes a sitemap index of `/sitemap-<n>.xml` files: the pages other than articles first, then
 * the articles' pages from the oldest, so a new article changes only the last file (the fast path
 * renders a file whose addresses changed, issue 15).
 */
import { createHash } from 'node:crypto';
import { disclosurePath, groupDisclosures, paginateDisclosures } from './disclosures';
import {
  getAnnouncements, getArticles, getArticlesByCategory, getCategories, getDisclosures, getDocuments, getDossierReports, getPages, getProcedures, getSectors, getUnits, getWorkWeeks, archivePages,
} from './content';
import { dossierYears, yearPath } from './dossiers';
import { procedurePath, proceduresBySector, PROCEDURES_PATH, sectorPath } from './procedures';
import { getDocumentData } from './document-data';
import { FACETS, paginateDocuments } from './documents';
import { pageUrl } from './pagination';
import { vietnamDay } from './format';
import { scheduleWeeks, weekPath } from './schedule';
import { getQuestionPages } from './question-pages';
import { perRender } from './render-scope';

export interface SitemapEntry {
  path: string;
  lastmod?: string;
}

/** The most addresses one sitemap file may hold (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

/** Every public page: the articles' pages (newest first) apart from the others. */
export interface SitemapPages {
  pages: SitemapEntry[];
  articles: SitemapEntry[];
  /** Where the articles go among the other pages in a single file: after the news lists. */
  articlesAt: number;
}

async function collect(): Promise<SitemapPages> {
  const articles = await getArticles();
  const entries: SitemapEntry[] = [{ path: '/' }, { path: '/thong-bao/' }, { path: '/lien-ket/' }];
  for (const p of archivePages(articles, '/tin-tuc/')) entries.push({ path: p.url });
  // The articles' own pages: the most of them, listed apart (see sitemapFiles).
  const articlesAt = entries.length;
  const articlePages = articles.map((a) => ({ path: `/tin-tuc/${a.data.slug}/`, lastmod: a.data.updatedAt }));
  const byCategory = await getArticlesByCategory();
  for (const c of await getCategories()) {
    for (const p of archivePages(byCategory.get(c.data.slug) ?? [], `/chuyen-muc/${c.data.slug}/`)) entries.push({ path: p.url });
  }
  for (const a of await getAnnouncements()) entries.push({ path: `/thong-bao/${a.data.slug}/`, lastmod: a.data.updatedAt });
  // Tin từ cơ sở: every portal has the page (a province's menu links it before any commune shares).
  entries.push({ path: '/tin-tu-co-so/' });
  for (const p of await getPages()) entries.push({ path: `/${p.data.slug}/`, lastmod: p.data.updatedAt });
  // Documents (văn bản): the lists, each filter's pages and every document.
  const documents = await getDocuments();
  const { groups: documentGroups } = await getDocumentData();
  for (const p of paginateDocuments(documents)) entries.push({ path: pageUrl('/van-ban/', p.page) });
  for (const f of FACETS) {
    for (const g of documentGroups.facets[f.key]) for (const p of paginateDocuments(g.items)) entries.push({ path: pageUrl(`/van-ban/${f.key}/${g.slug}/`, p.page) });
  }
  for (const d of documents) entries.push({ path: `/van-ban/${d.data.slug}/`, lastmod: d.data.updatedAt });
  // Organisation, contacts and the English version (issue 12).
  entries.push({ path: '/co-cau-to-chuc/' }, { path: '/danh-ba/' });
  for (const u of await getUnits()) entries.push({ path: `/co-cau-to-chuc/${u.data.slug}/`, lastmod: u.data.updatedAt });
  entries.push({ path: '/en/' }, { path: '/en/organization/' }, { path: '/en/contacts/' });
  // Lịch công tác and Dữ liệu mở (issue 12, part c).
  entries.push({ path: '/lich-cong-tac/' }, { path: '/du-lieu-mo/' });
  // Danh mục thông tin phải công khai (issue 13).
  entries.push({ path: '/danh-muc-thong-tin-cong-khai/' });
  for (const w of scheduleWeeks((await getWorkWeeks()).map((w) => w.data), vietnamDay(new Date()))) entries.push({ path: weekPath(w.key), lastmod: w.week?.updatedAt });
  // Hỏi đáp (issue 13, part c): the lists, each sector's pages, the form and every answered question.
  const questionPages = await getQuestionPages();
  for (const p of questionPages.pages) entries.push({ path: p.url });
  for (const { pages } of questionPages.sectorPages) for (const p of pages) entries.push({ path: p.url });
  entries.push({ path: '/hoi-dap/gui-cau-hoi/' });
  for (const q of questionPages.questions) entries.push({ path: `/hoi-dap/${q.data.slug}/`, lastmod: q.data.updatedAt });
  // Công khai minh bạch and Bản đồ (issue 13, part a).
  const disclosures = await getDisclosures();
  const { kinds, years } = groupDisclosures(disclosures);
  for (const p of paginateDisclosures(disclosures)) entries.push({ path: pageUrl('/cong-khai/', p.page) });
  for (const g of [...kinds, ...years]) for (const p of paginateDisclosures(g.items)) entries.push({ path: pageUrl(g.path, p.page) });
  for (const d of disclosures) entries.push({ path: disclosurePath(d.data.slug), lastmod: d.data.updatedAt });
  entries.push({ path: '/ban-do/' });
  // Thủ tục hành chính and Tình hình giải quyết hồ sơ (issue 13, part b).
  const procedures = await getProcedures();
  entries.push({ path: PROCEDURES_PATH });
  for (const g of proceduresBySector(procedures, (await getSectors()).map((s) => s.data))) entries.push({ path: sectorPath(g.sector.slug) });
  for (const p of procedures) entries.push({ path: procedurePath(p.data.slug), lastmod: p.data.updatedAt });
  const dossierPeriods = dossierYears((await getDossierReports()).map((r) => r.data));
  // The index always exists (it says when nothing is published); earlier years have their own pages.
  entries.push({ path: '/tinh-hinh-giai-quyet-ho-so/' });
  for (const y of dossierPeriods.slice(1)) entries.push({ path: yearPath(y.year, dossierPeriods[0]!.year) });
  return { pages: entries, articles: articlePages, articlesAt };
}

/** The portal's public pages, once per render (sitemap.xml and each sitemap-<n>.xml ask). */
export const sitemapPages = perRender(() => collect());

/**
 * The sitemap's files: null when one file holds every address (then `/sitemap.xml` lists them, the
 * articles after the news lists as always); else the addresses of each `/sitemap-<n>.xml`, n from 1.
 */
export function sitemapFiles({ pages, articles }: Pick<SitemapPages, 'pages' | 'articles'>, max = SITEMAP_MAX_URLS): SitemapEntry[][] | null {
  if (pages.length + articles.length <= max) return null;
  const files: SitemapEntry[][] = [];
  for (let i = 0; i < pages.length; i += max) files.push(pages.slice(i, i + max));
  const oldestFirst = [...articles].reverse();
  for (let i = 0; i < oldestFirst.length; i += max) files.push(oldestFirst.slice(i, i + max));
  return files;
}

/** Every address in one list, as a single `/sitemap.xml` lists them. */
export const allPages = ({ pages, articles, articlesAt }: SitemapPages): SitemapEntry[] => [...pages.slice(0, articlesAt), ...articles, ...pages.slice(articlesAt)];

/** The address of the sitemap file number `n` (from 1). */
export const sitemapFilePath = (n: number): string => `/sitemap-${n}.xml`;

/** A urlset of `entries`, addresses under `base` (the portal's URL without its last slash). */
export function urlsetXml(base: string, entries: readonly SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <url><loc>${base}${e.path}</loc>${e.lastmod ? `<lastmod>${e.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
}

/** The sitemap index of `count` files. */
export function sitemapIndexXml(base: string, count: number): string {
  const files = Array.from({ length: count }, (_, i) => `  <sitemap><loc>${base}${sitemapFilePath(i + 1)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${files.join('\n')}
</sitemapindex>
`;
}

/** A sitemap file's cache key: its addresses and dates. */
export const sitemapFileKey = (entries: readonly SitemapEntry[]): string => createHash('sha256').update(JSON.stringify(entries)).digest('base64url');
