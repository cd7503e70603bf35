/**
 * Disclosures (Công khai minh bạch) for the pages under /cong-khai/: their addresses, the groups
 * by kind and by year behind the navigation and the filter pages, the period line and the pages
 * of the list. Pure: no content store here, so it is unit-tested.
 */
import { disclosure, DISCLOSURE_KINDS, disclosureKindPath, RESERVED_ENTRY_SLUGS, type DisclosureKind } from '@cong/content-types';
import type { DisclosureRecord } from './records';
import { chunkPages } from './pagination';

/** An entry of a collection (as content.ts's Item: not imported, so this stays free of astro:content). */
interface Item<T> {
  id: string;
  data: T;
}

/** Items per list page, as the documents' lists. */
export const DISCLOSURE_PAGE_SIZE = 20;

/** First segments under /cong-khai/ that its list pages own: an item's slug may not be one of them. */
export const DISCLOSURE_RESERVED: ReadonlySet<string> = RESERVED_ENTRY_SLUGS.get(disclosure.uid)!;

/** The page of one disclosure. */
export const disclosurePath = (slug: string) => `/cong-khai/${slug}/`;

/** The page of one year's disclosures. */
export const disclosureYearPath = (year: number) => `/cong-khai/nam/${year}/`;

export { disclosureKindPath };

export interface DisclosureGroup<T> {
  label: string;
  path: string;
  items: T[];
}

/** The kinds that have items (in the model's order) and the years that have items (newest first), keeping the list's order inside each. */
export function groupDisclosures<T extends Item<DisclosureRecord>>(items: T[]): { kinds: Array<DisclosureGroup<T> & { kind: DisclosureKind }>; years: Array<DisclosureGroup<T> & { year: number }> } {
  const kinds = DISCLOSURE_KINDS.map((kind) => ({ kind, label: kind, path: disclosureKindPath(kind), items: items.filter((i) => i.data.kind === kind) })).filter((g) => g.items.length > 0);
  const years = [...new Set(items.map((i) => i.data.year))]
    .sort((a, b) => b - a)
    .map((year) => ({ year, label: String(year), path: disclosureYearPath(year), items: items.filter((i) => i.data.year === year) }));
  return { kinds, years };
}

/** What the item covers: "6 tháng đầu năm 2026", "Quý I năm 2026", "Năm 2026" (a whole year or no period). */
export function periodLabel(d: Pick<DisclosureRecord, 'year' | 'period'>): string {
  if (!d.period || d.period === 'Cả năm') return `Năm ${d.year}`;
  // "6 tháng đầu năm" already ends with its "năm".
  return /năm$/.test(d.period) ? `${d.period} ${d.year}` : `${d.period} năm ${d.year}`;
}

/** Splits a list into pages of DISCLOSURE_PAGE_SIZE: page 1 at the list's address, page n at `trang/n/`. */
export function paginateDisclosures<T>(items: T[]): Array<{ page: number; pageCount: number; items: T[] }> {
  return chunkPages(items, DISCLOSURE_PAGE_SIZE);
}

/** Fails the build on a slug the list pages own, naming the entry and the fix. */
export function checkDisclosureSlugs(items: Array<Item<DisclosureRecord>>): void {
  const bad = items.find((i) => DISCLOSURE_RESERVED.has(i.data.slug));
  if (bad) throw new Error(`Công khai minh bạch “${bad.data.title}”: đường dẫn (slug) “${bad.data.slug}” trùng với trang danh sách /cong-khai/${bad.data.slug}/; hãy đổi đường dẫn.`);
}
