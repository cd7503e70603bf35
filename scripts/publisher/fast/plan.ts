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
  /** Pages with a key in the new content. */
  keyed: number;
  /** Of those, the HTML pages (the ones in the frame every page shows), and how many of them changed. */
  framed: number;
  framedChanged: number;
}

/** An HTML page (an .astro route), not a file an endpoint writes (feeds, data files). */
const isPage = (component: string) => component.endsWith('.astro');

/** Compares the live release's pages with the content's pages now. */
export function planPages(live: readonly PageRecordEntry[], now: readonly PageRecordEntry[]): PagePlan {
  const before = new Map(live.map(([pathname, , key]) => [pathname, key]));
  const plan: PagePlan = { render: [], removed: [], changed: 0, changedPaths: [], keyed: 0, framed: 0, framedChanged: 0 };
  const seen = new Set<string>();
  for (const [pathname, component, key] of now) {
    seen.add(pathname);
    if (key !== null) {
      plan.keyed += 1;
      if (isPage(component)) plan.framed += 1;
    }
    if (key === null) {
      plan.render.push(pathname);
    } else if (before.get(pathname) !== key) {
      plan.render.push(pathname);
      plan.changed += 1;
      plan.changedPaths.push(pathname);
      if (isPage(component)) plan.framedChanged += 1;
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
  // Every HTML page, or nearly (the English pages have a frame of their own): what every page shows changed.
  if (plan.framed > 0 && plan.framedChanged >= plan.framed * 0.9) return `every page changes (${count}): what every page shows (menu, sidebar, footer, the portal's settings) changed`;
  return `${count} pages change, more than the fast path renders (FAST_PATH_MAX_PAGES=${limits.maxPages})`;
}
