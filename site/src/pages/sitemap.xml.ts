import type { APIRoute } from 'astro';
import { getAnnouncements, getArticles, getArticlesByCategory, getCategories, getDocuments, getDossierReports, getPages, getProcedures, getSectors, getUnits, getWorkWeeks, paginate } from '../lib/content';
import { dossierYears, yearPath } from '../lib/dossiers';
import { procedurePath, proceduresBySector, PROCEDURES_PATH, sectorPath } from '../lib/procedures';
import { getDocumentData } from '../lib/document-data';
import { FACETS, paginateDocuments } from '../lib/documents';
import { pageUrl } from '../lib/pagination';
import { vietnamDay } from '../lib/format';
import { scheduleWeeks, weekPath } from '../lib/schedule';

/** Every public page of the portal. */
export const GET: APIRoute = async ({ site }) => {
  const base = site!.href.replace(/\/$/, '');
  const articles = await getArticles();
  const entries: Array<{ path: string; lastmod?: string }> = [{ path: '/' }, { path: '/thong-bao/' }, { path: '/lien-ket/' }];
  for (const p of paginate(articles, '/tin-tuc/')) entries.push({ path: p.url });
  for (const a of articles) entries.push({ path: `/tin-tuc/${a.data.slug}/`, lastmod: a.data.updatedAt });
  const byCategory = await getArticlesByCategory();
  for (const c of await getCategories()) {
    for (const p of paginate(byCategory.get(c.data.slug) ?? [], `/chuyen-muc/${c.data.slug}/`)) entries.push({ path: p.url });
  }
  for (const a of await getAnnouncements()) entries.push({ path: `/thong-bao/${a.data.slug}/`, lastmod: a.data.updatedAt });
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
  for (const w of scheduleWeeks((await getWorkWeeks()).map((w) => w.data), vietnamDay(new Date()))) entries.push({ path: weekPath(w.key), lastmod: w.week?.updatedAt });
  // Thủ tục hành chính and Tình hình giải quyết hồ sơ (issue 13, part b).
  const procedures = await getProcedures();
  entries.push({ path: PROCEDURES_PATH });
  for (const g of proceduresBySector(procedures, (await getSectors()).map((s) => s.data))) entries.push({ path: sectorPath(g.sector.slug) });
  for (const p of procedures) entries.push({ path: procedurePath(p.data.slug), lastmod: p.data.updatedAt });
  const years = dossierYears((await getDossierReports()).map((r) => r.data));
  for (const y of years) entries.push({ path: yearPath(y.year, years[0]!.year) });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <url><loc>${base}${e.path}</loc>${e.lastmod ? `<lastmod>${e.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
