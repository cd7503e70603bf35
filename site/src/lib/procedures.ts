/**
 * Thủ tục hành chính on the site: addresses, grouping by sector (lĩnh vực) and the list's
 * matching. Pure: the pages and the list's search script share it.
 */
import type { NamedRef, ProcedureRecord } from './records';
import { matchesPhrase, matchesTerms, queryTerms } from './document-search';

export const PROCEDURES_PATH = '/thu-tuc-hanh-chinh/';

export const procedurePath = (slug: string) => `${PROCEDURES_PATH}${slug}/`;

export const sectorPath = (slug: string) => `${PROCEDURES_PATH}linh-vuc/${slug}/`;

/** A sector with its procedures, for the sector pages and the list's sector links. */
export interface ProcedureSector<T> {
  sector: NamedRef;
  items: T[];
}

/**
 * The sectors that have procedures, in the order given (the editors' order of sectors), each with
 * its procedures in the order given (by name). Procedures without a sector are in no group.
 */
export function proceduresBySector<T extends { data: Pick<ProcedureRecord, 'sector'> }>(procedures: T[], sectors: NamedRef[]): Array<ProcedureSector<T>> {
  const bySlug = new Map<string, T[]>();
  for (const p of procedures) {
    const slug = p.data.sector?.slug;
    if (!slug) continue;
    if (!bySlug.has(slug)) bySlug.set(slug, []);
    bySlug.get(slug)!.push(p);
  }
  return sectors.filter((s) => bySlug.has(s.slug)).map((s) => ({ sector: { name: s.name, slug: s.slug }, items: bySlug.get(s.slug)! }));
}

/** The CSS class of an online level's badge. */
export function levelClass(level: string): string {
  return level === 'Toàn trình' ? 'level-full' : level === 'Một phần' ? 'level-part' : 'level-info';
}

/**
 * Which rows (by their search text) the list shows for `query`: all for an empty query; the rows
 * holding the words together as a phrase when there are any ("ho tich" → Hộ tịch, not "Chủ tịch
 * UBND xã Tân Hòa"), else the rows holding every word at a word start, in any order.
 */
export function procedureMatches(texts: string[], query: string): boolean[] {
  // `texts` are folded (document-search.ts fold): each row's name, code, sector.
  const terms = queryTerms(query);
  if (terms.length === 0) return texts.map(() => true);
  const phrase = terms.length > 1 && texts.some((t) => matchesPhrase(t, terms));
  return texts.map((t) => (phrase ? matchesPhrase(t, terms) : matchesTerms(t, terms)));
}
