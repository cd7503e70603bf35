/**
 * The documents' search on the list page (/van-ban/), shared by the build (which writes the
 * compact index) and the browser (which loads it on demand): folding for matching with or
 * without diacritics, đ as d, and the index's shape. Pure and small: it is bundled into the page.
 */

/**
 * Lower case, tones and marks removed, đ → d: "15/2026/QĐ-UBND" → "15/2026/qd-ubnd", "Quy hoạch" →
 * "quy hoach". The look-alike Ð/ð (U+00D0/U+00F0) that old TCVN3/VNI conversions left in texts fold to d too.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase();
}

/** The words of a query, folded ("QĐ-UBND 15/2026" → ["qd-ubnd", "15/2026"]). */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/[\s,;]+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when `term` occurs in `text` at the start of a word: "15/2026" in "15/2026/qd-ubnd", not in "1015/2026/…". */
function atWordStart(text: string, term: string): boolean {
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    if (i === 0 || !WORD_CHAR.test(text[i - 1]!)) return true;
  }
  return false;
}

/** A term's punctuation as spaces ("15-2026" → "15 2026"), as the index also holds each number. */
const spaced = (term: string) => term.replace(/[^\p{L}\p{N}]+/gu, ' ');

/**
 * True when every term occurs in the folded text (number and abstract) at the start of a word:
 * "15/2026" finds "15/2026/QĐ-UBND" but not "1015/2026/…", "qd" finds "QĐ-UBND", "hoach" finds
 * "hoạch". A term with punctuation also matches with the punctuation as spaces, so "15-2026",
 * "qd/ubnd", "qd ubnd" and "qd-ubnd" find the same documents.
 */
export function matchesTerms(folded: string, terms: string[]): boolean {
  return terms.every((t) => atWordStart(folded, t) || atWordStart(folded, spaced(t)));
}

/** True when the terms occur together, in order, as one phrase ("quy hoach", not "quyết … kế hoạch"). */
export function matchesPhrase(folded: string, terms: string[]): boolean {
  return terms.length > 0 && atWordStart(folded, spaced(terms.join(' ')));
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

/** The rows of `index` a filter selects, newest first; with several words, those holding them as one phrase come first. */
export function filterIndex(index: DocumentIndex, filter: Partial<DocumentFilter>, folded?: string[]): DocumentIndex['docs'] {
  const at = (list: Array<[string, string]>, slug: string | undefined) => (slug ? list.findIndex(([s]) => s === slug) : -2);
  const kind = at(index.kinds, filter.loai);
  const sector = at(index.sectors, filter['linh-vuc']);
  const issuer = at(index.issuers, filter['co-quan']);
  const status = at(index.statuses, filter['tinh-trang']);
  const year = filter.nam || '';
  const terms = queryTerms(filter.q ?? '');
  const texts = folded ?? (terms.length > 0 ? foldIndex(index) : []);
  const phrase: DocumentIndex['docs'] = [];
  const rest: DocumentIndex['docs'] = [];
  index.docs.forEach((d, i) => {
    if (
      (kind === -2 || d[4] === kind) &&
      (sector === -2 || d[5] === sector) &&
      (issuer === -2 || d[6] === issuer) &&
      (status === -2 || d[7] === status) &&
      (year === '' || d[3].startsWith(year)) &&
      (terms.length === 0 || matchesTerms(texts[i]!, terms))
    ) {
      // Where the query's words stand together (a number as typed, "quy hoach") first.
      (terms.length > 1 && !matchesPhrase(texts[i]!, terms) ? rest : phrase).push(d);
    }
  });
  return [...phrase, ...rest];
}

/** The folded texts of an index's rows (computed once after loading, reused by every search). */
export function foldIndex(index: DocumentIndex): string[] {
  // The number twice: as written ("15/2026/qd-ubnd") and with its punctuation as spaces ("15 2026 qd ubnd").
  return index.docs.map((d) => fold(`${d[1]} ${d[1].replace(/[^\p{L}\p{N}]+/gu, ' ')} ${d[2]}`));
}
