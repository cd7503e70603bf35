/**
 * Typed access to the synced content for pages: sorted, Vietnamese-collated, with helpers for
 * pagination and dates.
 */
import { RESERVED_SLUGS } from '../consts';
import { readCollection } from './store';
import type {
  AnnouncementRecord, ArticleRecord, CategoryRecord, CommentRecord, DisclosureRecord, DocumentKindRecord, DossierReportRecord, LegalDocumentRecord, LinkRecord, OfficialRecord, PageRecord,
  PlaceRecord, ProcedureRecord, QuestionRecord, SectorRecord, SettingsRecord, UnitRecord, WorkWeekRecord,
} from './records';
import { vietnamDay } from './format';
import type { SharedNewsRecord } from './shared-news';
import { complianceReport, type ComplianceFacts, type ComplianceRow } from '@cong/content-types';
import { perRender } from './render-scope';

export interface Item<T> {
  id: string;
  data: T;
}

/** Vietnamese collation for names and titles. */
export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** By publication, newest first. The dates are ISO 8601 in UTC: compared as text (localeCompare took ~0.2 s a sort at 50,000 articles). */
const newestFirst = <T extends { publishedAt: string }>(a: Item<T>, b: Item<T>) => (a.data.publishedAt < b.data.publishedAt ? 1 : a.data.publishedAt > b.data.publishedAt ? -1 : 0);

// Every page asks for these lists (the sidebar on each page, lists, feeds): sort them once per
// build, not once per page. With 10,000 articles per-page sorting made the build 5x slower.
const memo = perRender(() => new Map<string, Promise<unknown>>()); // per render (render-scope.ts)

/** A collection from the content store (store.ts), as Astro's getCollection gave it. */
async function getCollection(name: string): Promise<Array<Item<unknown>>> {
  return readCollection(name);
}
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memos = memo();
  if (!memos.has(key)) memos.set(key, load());
  return memos.get(key) as Promise<T>;
}

/** Published articles, newest first (the same array every call: do not mutate). */
export function getArticles(): Promise<Array<Item<ArticleRecord>>> {
  return once('articles', async () => ((await getCollection('articles')) as Array<Item<ArticleRecord>>).sort(newestFirst));
}

/** Published articles grouped by category slug, newest first. */
export function getArticlesByCategory(): Promise<Map<string, Array<Item<ArticleRecord>>>> {
  return once('articles-by-category', async () => {
    const groups = new Map<string, Array<Item<ArticleRecord>>>();
    for (const a of await getArticles()) {
      const key = a.data.category?.slug ?? '';
      const group = groups.get(key);
      if (group) group.push(a);
      else groups.set(key, [a]);
    }
    return groups;
  });
}

/**
 * Each item's place in a list, once per list: the article pages' getStaticPaths asks for every
 * article's place in its category (`indexOf` made that quadratic: 50,000 articles in 7 categories
 * walked ~175 million entries at every publish). The lists are the per-render memos above, never
 * changed once made; a new render makes new lists, and the old ones' maps go with them.
 */
const positions = new WeakMap<ReadonlyArray<object>, Map<object, number>>();
function positionsOf<T extends object>(list: ReadonlyArray<T>): Map<object, number> {
  let known = positions.get(list);
  if (!known) {
    known = new Map();
    for (let i = list.length - 1; i >= 0; i -= 1) known.set(list[i]!, i); // the first place, as indexOf
    positions.set(list, known);
  }
  return known;
}

/**
 * "Tin liên quan" of an article: the five published before it in its category (the nearest newer
 * ones when fewer are older). Not the category's newest: then every new article would change the
 * box on every article of its category, and a publish would render thousands of pages (issue 15).
 */
export function relatedArticles<T>(siblings: ReadonlyArray<Item<T>>, article: Item<T>, count = 5): Array<Item<T>> {
  const at = positionsOf(siblings).get(article) ?? -1;
  if (at === -1) return siblings.slice(0, count);
  const older = siblings.slice(at + 1, at + 1 + count);
  const newer = siblings.slice(Math.max(0, at - (count - older.length)), at).reverse();
  return [...older, ...newer];
}

/** Approved comments by article slug, oldest first (a conversation reads top to bottom). */
export function getCommentsByArticle(): Promise<Map<string, Array<Item<CommentRecord>>>> {
  return once('comments-by-article', async () => {
    const all = ((await getCollection('comments')) as Array<Item<CommentRecord>>).sort((a, b) => a.data.publishedAt.localeCompare(b.data.publishedAt));
    const groups = new Map<string, Array<Item<CommentRecord>>>();
    for (const c of all) {
      if (!c.data.articleSlug) continue;
      const list = groups.get(c.data.articleSlug);
      if (list) list.push(c);
      else groups.set(c.data.articleSlug, [c]);
    }
    return groups;
  });
}

/** Published announcements: pinned first, then newest. */
export function getAnnouncements(): Promise<Array<Item<AnnouncementRecord>>> {
  return once('announcements', async () => {
    const all = (await getCollection('announcements')) as Array<Item<AnnouncementRecord>>;
    return all.sort((a, b) => Number(b.data.pinned) - Number(a.data.pinned) || newestFirst(a, b));
  });
}

/** Categories in their editorial order. */
export function getCategories(): Promise<Array<Item<CategoryRecord>>> {
  return once('categories', async () => ((await getCollection('categories')) as Array<Item<CategoryRecord>>).sort((a, b) => a.data.order - b.data.order || collator.compare(a.data.name, b.data.name)));
}

/** Published links in their editorial order. */
export function getLinks(): Promise<Array<Item<LinkRecord>>> {
  return once('links', async () => ((await getCollection('links')) as Array<Item<LinkRecord>>).sort((a, b) => a.data.order - b.data.order || collator.compare(a.data.title, b.data.title)));
}

/** Published static pages. */
/** Static pages that get a page: one whose slug another route owns (RESERVED_SLUGS) is left out everywhere, the sitemap included. */
export async function getPages(): Promise<Array<Item<PageRecord>>> {
  return ((await getCollection('pages')) as Array<Item<PageRecord>>).filter((p) => !RESERVED_SLUGS.has(p.data.slug)).sort((a, b) => collator.compare(a.data.title, b.data.title));
}

const byOrderThenName = <T extends { order: number; name: string }>(a: Item<T>, b: Item<T>) => a.data.order - b.data.order || collator.compare(a.data.name, b.data.name);

/** Published documents, newest first: by date of issue, then by number (the same array every call: do not mutate). */
export function getDocuments(): Promise<Array<Item<LegalDocumentRecord>>> {
  return once('documents', async () =>
    ((await getCollection('documents')) as Array<Item<LegalDocumentRecord>>).sort(
      (a, b) => b.data.issuedOn.localeCompare(a.data.issuedOn) || collator.compare(b.data.number, a.data.number),
    ),
  );
}

/** Document kinds (Loại văn bản) in their editorial order. */
export function getDocumentKinds(): Promise<Array<Item<DocumentKindRecord>>> {
  return once('document-kinds', async () => ((await getCollection('documentKinds')) as Array<Item<DocumentKindRecord>>).sort(byOrderThenName));
}

/** Sectors (Lĩnh vực) in their editorial order. */
export function getSectors(): Promise<Array<Item<SectorRecord>>> {
  return once('sectors', async () => ((await getCollection('sectors')) as Array<Item<SectorRecord>>).sort(byOrderThenName));
}

/** Published units of the organisation in their editorial order (the hierarchy: src/lib/organisation.ts). */
export function getUnits(): Promise<Array<Item<UnitRecord>>> {
  return once('units', async () => ((await getCollection('units')) as Array<Item<UnitRecord>>).sort(byOrderThenName));
}

/** Published officials in their editorial order. */
export function getOfficials(): Promise<Array<Item<OfficialRecord>>> {
  return once('officials', async () => ((await getCollection('officials')) as Array<Item<OfficialRecord>>).sort(byOrderThenName));
}

/** Published work-schedule weeks, oldest first. */
export function getWorkWeeks(): Promise<Array<Item<WorkWeekRecord>>> {
  return once('work-weeks', async () => ((await getCollection('workWeeks')) as Array<Item<WorkWeekRecord>>).sort((a, b) => a.data.weekOf.localeCompare(b.data.weekOf)));
}

/** Published disclosures, newest first: by day of disclosure, then title. */
export function getDisclosures(): Promise<Array<Item<DisclosureRecord>>> {
  return once('disclosures', async () =>
    ((await getCollection('disclosures')) as Array<Item<DisclosureRecord>>).sort(
      (a, b) => b.data.publishedOn.localeCompare(a.data.publishedOn) || collator.compare(a.data.title, b.data.title),
    ),
  );
}

/** Published procedures by name (Vietnamese collation). */
export function getProcedures(): Promise<Array<Item<ProcedureRecord>>> {
  return once('procedures', async () => ((await getCollection('procedures')) as Array<Item<ProcedureRecord>>).sort((a, b) => collator.compare(a.data.name, b.data.name)));
}

/** Published dossier figures, oldest month first. */
export function getDossierReports(): Promise<Array<Item<DossierReportRecord>>> {
  return once('dossier-reports', async () => ((await getCollection('dossierReports')) as Array<Item<DossierReportRecord>>).sort((a, b) => a.data.month.localeCompare(b.data.month)));
}

/** Published (answered) questions, newest first. */
export function getQuestions(): Promise<Array<Item<QuestionRecord>>> {
  return once('questions', async () => ((await getCollection('questions')) as Array<Item<QuestionRecord>>).sort(newestFirst));
}

/** Published places of the map in their editorial order. */
export function getPlaces(): Promise<Array<Item<PlaceRecord>>> {
  return once('places', async () => ((await getCollection('places')) as Array<Item<PlaceRecord>>).sort(byOrderThenName));
}

/** The compliance report on `today` (YYYY-MM-DD, Viet Nam): every catalogue item and how it stands. */
export async function getComplianceReport(today = vietnamDay(new Date())): Promise<ComplianceRow[]> {
  const facts = new Map(((await getCollection('compliance')) as Array<Item<ComplianceFacts>>).map((e) => [e.id, e.data]));
  return complianceReport(facts, today);
}

/** The agency's settings, with safe defaults until an editor saves them. */
export function getSettings(): Promise<SettingsRecord> {
  return once('settings', () => loadSettings());
}

async function loadSettings(): Promise<SettingsRecord> {
  // One portal when the build names it (SITE_PORTAL); else the install's first.
  const [entry] = ((await getCollection('settings')) as Array<Item<SettingsRecord>>).sort((a, b) => a.data.portalId - b.data.portalId);
  if (!entry && process.env.SITE_PORTAL) throw new Error(`No portal with the code (Mã cổng) "${process.env.SITE_PORTAL}" is readable with the build token: check SITE_PORTAL.`);
  return (
    entry?.data ?? {
      slug: '',
      portalId: 0,
      portalDocumentId: '',
      agencyName: 'Cổng thông tin điện tử',
      province: '',
      address: '',
      phone: '',
      hotline: '',
      email: '',
      footerText: '',
      emblem: null,
      mainMenu: [{ label: 'Trang chủ', url: '/' }],
      serviceLinks: [],
      agencyNameEn: '',
      addressEn: '',
      introductionEn: '',
      openDataLicence: '',
      documentExchangeUrl: '',
      mapImage: null,
      mapTileUrl: '',
      mapAttribution: '',
    }
  );
}

/** True when an announcement's validity ended before `today` (YYYY-MM-DD in Viet Nam). */
export function isExpired(record: AnnouncementRecord, today = vietnamDay(new Date())): boolean {
  return record.validUntil !== null && record.validUntil < today;
}

/** "Tin từ cơ sở": the news this portal's communes share, newest first (empty for a commune's portal). */
export function getSharedNews(): Promise<SharedNewsRecord[]> {
  return once('sharedNews', async () =>
    ((await getCollection('sharedNews')) as Array<Item<SharedNewsRecord & { order: number }>>).sort((a, b) => a.data.order - b.data.order).map(({ data: { order: _order, ...record } }) => record),
  );
}

export { PAGE_SIZE, archivePages, paginate } from './pagination';
