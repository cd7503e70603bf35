/**
 * The search index's delta after fast publishes (scripts/publisher/fast/search.ts): where it is
 * and how its records are told apart, shared by the publisher, the full build and the search page.
 */

/** The delta's Pagefind bundle, beside the full index (/pagefind/). */
export const DELTA_DIR = 'pagefind-delta';

/** `/pagefind-delta/stale.json`: `{ stale: string[], delta: boolean }` (delta: whether the bundle holds pages). */
export const STALE_FILE = 'stale.json';

/** The Pagefind meta key set on the delta's records. */
export const DELTA_MARK = 'cong-delta';

export interface StaleList {
  stale: string[];
  delta: boolean;
}
