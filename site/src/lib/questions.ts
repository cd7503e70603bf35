/**
 * Hỏi đáp (/hoi-dap/): the published questions grouped by lĩnh vực for the sector pages and
 * links; only sectors that have questions get one. Pure: unit-tested without a build.
 */

/** The list of all questions. */
export const QUESTIONS_BASE = '/hoi-dap/';

/** The address of the questions of the sector `slug`. */
export const sectorPath = (slug: string) => `${QUESTIONS_BASE}linh-vuc/${slug}/`;

/** What a question needs for grouping. */
interface Grouped {
  data: { sector: { slug: string; name: string } | null };
}

/**
 * The sectors that have questions, in the sectors' own order (`sectors`, as the CMS orders them),
 * each with its questions in the order given (newest first). A question naming a sector missing
 * from `sectors` (not yet in this build) still gets its group, after the others.
 */
export function questionsBySector<Q extends Grouped>(questions: Q[], sectors: Array<{ slug: string; name: string }>): Array<{ slug: string; name: string; items: Q[] }> {
  const groups = new Map<string, { slug: string; name: string; items: Q[] }>();
  for (const s of sectors) groups.set(s.slug, { slug: s.slug, name: s.name, items: [] });
  for (const q of questions) {
    const sector = q.data.sector;
    if (!sector) continue;
    if (!groups.has(sector.slug)) groups.set(sector.slug, { slug: sector.slug, name: sector.name, items: [] });
    groups.get(sector.slug)!.items.push(q);
  }
  return [...groups.values()].filter((g) => g.items.length > 0);
}
