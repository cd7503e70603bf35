/**
 * The documents' search on the list page (/van-ban/), shared by the build (which writes the
 * compact index) and the browser (which loads it on demand): folding for matching with or
 * without diacritics, đ as d, and the index's shape. Pure and small: it is bundled into the page.
 */

/** Lower case, tones and marks removed, đ → d: "15/2026/QĐ-UBND" → "15/2026/qd-ubnd", "Quy hoạch" → "quy hoach". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** The words of a query, folded ("QĐ-UBND 15/2026" → ["qd-ubnd", "15/2026"]). */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/[\s,;]+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/**
 * True when every term occurs in the folded text (number and abstract). Terms match inside
 * words too, so "15/2026" finds "15/2026/QĐ-UBND" and "qd" finds "QĐ-UBND"; a term with
 * punctuation also matches with the punctuation as spaces ("qd ubnd" and "qd-ubnd" alike).
 */
export function matchesTerms(folded: string, terms: string[]): boolean {
  return terms.every((t) => folded.includes(t));
}

/** The compact index the build writes to /van-ban/chi-muc.json: names once, documents as rows. */
export interface DocumentIndex {
  kinds: Array<[slug: string, name: string]>;
  sectors: Array<[slug: string, name: string]>;
  issuers: Array<[slug: string, name: string]>;
  statuses: Array<[slug: string, name: string]>;
  /** Newest first: slug, number, abstract, issued on (YYYY-MM-DD), then indexes into the lists above (-1: none). */
  docs: Array<[slug: string, number: string, abstract: string, issuedOn: string, kind: number, sector: number, issuer: number, status: number]>;
}

export interface DocumentFilter {
  q: string;
  loai: string;
  'linh-vuc': string;
  'co-quan': string;
  nam: string;
  'tinh-trang': string;
}

/** The rows of `index` a filter selects, in the index's order (newest first). */
export function filterIndex(index: DocumentIndex, filter: Partial<DocumentFilter>, folded?: string[]): DocumentIndex['docs'] {
  const at = (list: Array<[string, string]>, slug: string | undefined) => (slug ? list.findIndex(([s]) => s === slug) : -2);
  const kind = at(index.kinds, filter.loai);
  const sector = at(index.sectors, filter['linh-vuc']);
  const issuer = at(index.issuers, filter['co-quan']);
  const status = at(index.statuses, filter['tinh-trang']);
  const year = filter.nam || '';
  const terms = queryTerms(filter.q ?? '');
  const texts = folded ?? (terms.length > 0 ? foldIndex(index) : []);
  return index.docs.filter(
    (d, i) =>
      (kind === -2 || d[4] === kind) &&
      (sector === -2 || d[5] === sector) &&
      (issuer === -2 || d[6] === issuer) &&
      (status === -2 || d[7] === status) &&
      (year === '' || d[3].startsWith(year)) &&
      (terms.length === 0 || matchesTerms(texts[i]!, terms)),
  );
}

/** The folded texts of an index's rows (computed once after loading, reused by every search). */
export function foldIndex(index: DocumentIndex): string[] {
  // The number twice: as written ("15/2026/qd-ubnd") and with its punctuation as spaces ("15 2026 qd ubnd").
  return index.docs.map((d) => fold(`${d[1]} ${d[1].replace(/[^\p{L}\p{N}]+/gu, ' ')} ${d[2]}`));
}
