/**
 * Pagefind folds Vietnamese tones ("cai cach" finds "cải cách") but not đ: "duong" would never
 * find "đường". A query is therefore searched in every spelling where a "d" may stand for "đ"
 * (at most 2^4 variants), and the results are merged.
 */

/** How many "d"s of a query are tried both ways; beyond that they stay as typed. */
export const MAX_D_VARIANTS = 4;

/** Every spelling of `query` with each of its first "d"s as "d" or "đ" (the query itself first). */
export function queryVariants(query: string): string[] {
  const q = query.normalize('NFC').trim();
  const positions: number[] = [];
  for (let i = 0; i < q.length && positions.length < MAX_D_VARIANTS; i += 1) if (q[i] === 'd' || q[i] === 'D') positions.push(i);
  const variants: string[] = [];
  for (let mask = 0; mask < 1 << positions.length; mask += 1) {
    const chars = [...q];
    positions.forEach((pos, bit) => {
      if (mask & (1 << bit)) chars[pos] = chars[pos] === 'D' ? 'Đ' : 'đ';
    });
    variants.push(chars.join(''));
  }
  return variants.length > 0 ? variants : [q];
}

export interface Scored {
  id: string;
  score: number;
}

/** Merges result lists by id, keeping each result's best score, best first. */
export function mergeResults<T extends Scored>(lists: T[][]): T[] {
  const best = new Map<string, T>();
  for (const list of lists) for (const r of list) if (!best.has(r.id) || (best.get(r.id)?.score ?? 0) < r.score) best.set(r.id, r);
  return [...best.values()].sort((a, b) => b.score - a.score);
}
