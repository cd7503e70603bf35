/**
 * Paginated lists (news, a category, announcements): which items each page holds, its address,
 * and the page links around the current one. Pure: no content store, unit-tested.
 */

/** Items per list page. */
export const PAGE_SIZE = 12;

/** The address of page `n` of the list at `base` (which ends with "/"): page 1 is `base` itself. */
export const pageUrl = (base: string, n: number): string => (n === 1 ? base : `${base}trang/${n}/`);

/** Splits a list into pages of `size` items; an empty list still has page 1. */
export function chunkPages<T>(items: T[], size: number): Array<{ page: number; pageCount: number; items: T[] }> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pageCount }, (_, i) => ({ page: i + 1, pageCount, items: items.slice(i * size, (i + 1) * size) }));
}

/** Splits a list into pages: page 1 at `base`, page n at `base` + `trang/n/`; an empty list still has page 1. */
export function paginate<T>(items: T[], base: string): Array<{ page: number; pageCount: number; items: T[]; url: string }> {
  return chunkPages(items, PAGE_SIZE).map((p) => ({ ...p, url: pageUrl(base, p.page) }));
}

/**
 * The page numbers a page links to: the first, the last, and two on each side of `page`, with
 * 'gap' where numbers are left out ("1 … 4 5 6 7 8 … 20").
 */
export function pageLinks(page: number, pageCount: number): Array<number | 'gap'> {
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter((n) => n === 1 || n === pageCount || Math.abs(n - page) <= 2);
  return pages.flatMap((n, i) => (i > 0 && n - pages[i - 1]! > 1 ? ['gap' as const, n] : [n]));
}
