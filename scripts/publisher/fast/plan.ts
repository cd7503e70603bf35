/**
 * Which pages a publish changes (issue 15), from each page's cache key (site/src/lib/page-key.ts):
 * a key covers everything its page shows that is not code (its own entry, the lists and related
 * boxes it shows, the frame every page carries), so a page whose key is unchanged renders to the
 * same bytes. Pages without a key (the home page, feeds, the sitemap: any route without
 * getStaticPaths) are rendered every time and written only when their bytes changed.
 */
import type { PageRecordEntry } from '../../../site/src/lib/renderer-format.ts';

export interface PagePlan {
  /** Pathnames to render: new, changed or without a key. */
  render: string[];
  /** Pathnames the live release has and the content no longer does (unpublished, deleted, moved). */
  removed: string[];
  /** Of `render`, the pages with a key (new or changed): what the publish really changed. */
  changed: number;
  /** Their pathnames. */
  changedPaths: string[];
  /** Pages with a key in the new content (what a change of the common frame re-renders). */
  keyed: number;
}

/** Compares the live release's pages with the content's pages now. */
export function planPages(live: readonly PageRecordEntry[], now: readonly PageRecordEntry[]): PagePlan {
  const before = new Map(live.map(([pathname, , key]) => [pathname, key]));
  const plan: PagePlan = { render: [], removed: [], changed: 0, changedPaths: [], keyed: 0 };
  const seen = new Set<string>();
  for (const [pathname, , key] of now) {
    seen.add(pathname);
    if (key !== null) plan.keyed += 1;
    if (key === null) {
      plan.render.push(pathname);
    } else if (before.get(pathname) !== key) {
      plan.render.push(pathname);
      plan.changed += 1;
      plan.changedPaths.push(pathname);
    }
  }
  for (const pathname of before.keys()) if (!seen.has(pathname)) plan.removed.push(pathname);
  return plan;
}

export interface FastLimits {
  /** More changed pages than this: a full build (FAST_PATH_MAX_PAGES). */
  maxPages: number;
}

/** Null when the fast path may publish the plan; else why a full build must. */
export function fullBuildReason(plan: PagePlan, limits: FastLimits): string | null {
  if (plan.changed <= limits.maxPages) return null;
  const count = plan.changed.toLocaleString('en');
  // All, or nearly all (a feed or data file has no frame): what every page shows changed.
  if (plan.changed >= plan.keyed * 0.9) return `every page changes (${count}): what every page shows (menu, sidebar, footer, the portal's settings) changed`;
  return `${count} pages change, more than the fast path renders (FAST_PATH_MAX_PAGES=${limits.maxPages})`;
}
