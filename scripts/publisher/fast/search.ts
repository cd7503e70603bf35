/**
 * Search after a fast publish (issue 15, item 3). Pagefind cannot change an index it has written
 * (Pagefind/pagefind#71), so the full build's index (`/pagefind/`) stays as it is and the fast path
 * writes a second, small one beside it (`/pagefind-delta/`) holding every page changed or added
 * since that full build, and `/pagefind-delta/stale.json`: the URLs whose entries in the full
 * index are out of date (changed, unpublished or deleted). The search page (site/src/pages/tim-kiem/)
 * merges the delta into the full index in the browser (Pagefind's `mergeIndex`) and drops the
 * full index's results for stale URLs, so a new page is found and a removed one is gone at once.
 * The next full build writes a complete index and an empty delta (site/src/integrations/search-index.ts).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { DELTA_DIR, DELTA_MARK, STALE_FILE } from '../../../site/src/lib/search-delta.ts';

/** What the delta covers since the last full build, kept in the release beside its renderer. */
interface DeltaState {
  /** URLs (pathnames) of the pages in the delta index. */
  pages: string[];
  /** URLs whose entries in the full index are out of date. */
  stale: string[];
}

const stateFile = (release: string) => path.join(release, 'renderer', 'search-delta.json');

/** Rewrites the delta index of `target` for the pages this publish changed and removed, on top of the live release's delta. */
export async function updateSearchDelta(options: { live: string; target: string; changed: readonly string[]; removed: readonly string[] }): Promise<{ pages: number; stale: number }> {
  const before: DeltaState = existsSync(stateFile(options.live)) ? (JSON.parse(readFileSync(stateFile(options.live), 'utf8')) as DeltaState) : { pages: [], stale: [] };
  const removed = new Set(options.removed);
  const pages = [...new Set([...before.pages, ...options.changed])].filter((url) => !removed.has(url)).sort();
  const stale = [...new Set([...before.stale, ...options.changed, ...options.removed])].sort();
  if (options.changed.length === 0 && options.removed.length === 0) return { pages: pages.length, stale: stale.length };

  const client = path.join(options.target, 'client');
  const outputPath = path.join(client, DELTA_DIR);
  // The linked copy of the live delta is replaced whole, never written through.
  rmSync(outputPath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    let indexed = 0;
    for (const url of pages) {
      const file = path.join(client, url.replace(/^\/+/, ''), 'index.html');
      if (!existsSync(file)) continue;
      const html = readFileSync(file, 'utf8');
      // Only what the full index holds: pages with a search body (news, announcements, pages…).
      if (!html.includes('data-pagefind-body')) continue;
      // Marked, so the search page tells the delta's result for a URL from the full index's stale one.
      const content = html.replace('data-pagefind-body', `data-pagefind-body data-pagefind-meta="${DELTA_MARK}:1"`);
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
      indexed += 1;
    }
    if (indexed > 0) {
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write the delta index: ${written.errors.join('; ')}`);
    }
  } finally {
    await pagefind.close();
  }
  mkdirSync(outputPath, { recursive: true }); // also when no page was indexed
  writeFileSync(path.join(outputPath, STALE_FILE), JSON.stringify({ stale, delta: existsSync(path.join(outputPath, 'pagefind.js')) }));
  rmSync(stateFile(options.target), { force: true });
  writeFileSync(stateFile(options.target), JSON.stringify({ pages, stale } satisfies DeltaState));
  return { pages: pages.length, stale: stale.length };
}
