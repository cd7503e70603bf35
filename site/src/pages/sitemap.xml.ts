import type { APIRoute } from 'astro';
import { disclosurePath, groupDisclosures, paginateDisclosures } from '../lib/disclosures';
import {
  getAnnouncements, getArticles, getArticlesByCategory, getCategories, getDisclosures, getDocuments, getDossierReports, getPages, getProcedures, getSectors, getUnits, getWorkWeeks, archivePages,
} from '../lib/content';
import { dossierYears, yearPath } from '../lib/dossiers';
import { procedurePath, proceduresBySector, PROCEDURES_PATH, sectorPath } from '../lib/procedures';
import { getDocumentData } from '../lib/document-data';
import { FACETS, paginateDocuments } from '../lib/documents';
import { pageUrl } from '../lib/pagination';
import { vietnamDay } from '../lib/format';
import { scheduleWeeks, weekPath } from '../lib/schedule';
import { getQuestionPages } from '../lib/question-pages';

/** Every public page of the portal. */
export const GET: APIRoute = async ({ site }) => {
  const base = site!.href.replace(/\/$/, '');
  const articles = await getArticles();
  const entries: Array<{ path: string; lastmod?: string }> = [{ path: '/' }, { path: '/thong-bao/' }, { path: '/lien-ket/' }];
  for (const p of archivePages(articles, '/tin-tuc/')) entries.push({ path: p.url });
  for (const a of articles) entries.push({ path: `/tin-tuc/${a.data.slug}/`, lastmod: a.data.updatedAt });
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
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <url><loc>${base}${e.path}</loc>${e.lastmod ? `<lastmod>${e.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
