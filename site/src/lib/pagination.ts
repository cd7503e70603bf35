/**
 * Paginated lists: which items each page holds, its address, and the links between pages. Pure:
 * no content store, unit-tested.
 *
 * News and its categories (issue 15) are paged as an archive that never shifts: `archivePages`.
 * Numbered from the newest, every page of a list would change with each new article (10,000
 * articles: 800 pages to render again for one publish). Counted from the oldest, a page's
 * articles never move: a new article changes the list's first page (at the list's address), and
 * once every 12 articles one page more appears in the archive. Other lists keep numbered pages (`paginate`).
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

/** Splits a list into numbered pages: page 1 at `base`, page n at `base` + `trang/n/`; an empty list still has page 1. */
export function paginate<T>(items: T[], base: string): Array<{ page: number; pageCount: number; items: T[]; url: string }> {
  return chunkPages(items, PAGE_SIZE).map((p) => ({ ...p, url: pageUrl(base, p.page) }));
}

/** One page of an archive list (`archivePages`). */
export interface ArchivePage<T> {
  /** Its address: the list's own for the newest page, else `base` + `trang/<number>/`. */
  url: string;
  /** 0 for the newest page; else the page's number counted from the oldest (1: the oldest articles). */
  number: number;
  /** Newest first. */
  items: T[];
  /** The page of newer items (null on the newest page) and of older items (null on the oldest). */
  newer: string | null;
  older: string | null;
}

/**
 * Splits a list (newest first) into archive pages: blocks of `size` counted from the oldest item
 * keep their numbers and their items whatever is published after them. The newest page, at
 * `base`, holds the newest block and the items after it (`size` to `2 × size - 1` items; all of
 * them when the list is shorter); `trang/1/` holds the oldest block. An empty list has its newest page.
 */
export function archivePages<T>(items: readonly T[], base: string, size = PAGE_SIZE): Array<ArchivePage<T>> {
  const blocks = Math.floor(items.length / size);
  // Blocks 1 … blocks-1 have their own pages; the last block and the rest are on the newest page.
  const archived = Math.max(0, blocks - 1);
  const frontCount = items.length - archived * size;
  const url = (number: number) => (number === 0 ? base : `${base}trang/${number}/`);
  const pages: Array<ArchivePage<T>> = [{ url: base, number: 0, items: items.slice(0, frontCount), newer: null, older: archived > 0 ? url(archived) : null }];
  for (let number = archived; number >= 1; number -= 1) {
    const end = items.length - (number - 1) * size;
    pages.push({ url: url(number), number, items: items.slice(end - size, end), newer: url(number === archived ? 0 : number + 1), older: number > 1 ? url(number - 1) : null });
  }
  return pages;
}

/**
 * The page numbers a page links to: the first, the last, and two on each side of `page`, with
 * 'gap' where numbers are left out ("1 … 4 5 6 7 8 … 20").
 */
export function pageLinks(page: number, pageCount: number): Array<number | 'gap'> {
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter((n) => n === 1 || n === pageCount || Math.abs(n - page) <= 2);
  return pages.flatMap((n, i) => (i > 0 && n - pages[i - 1]! > 1 ? ['gap' as const, n] : [n]));
}
