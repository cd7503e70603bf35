/**
 * Builds the Pagefind search index of the built pages (news, announcements, static pages:
 * whatever carries `data-pagefind-body`). Runs after every build; no search server is needed.
 * The full index covers every page, so the fast path's delta (src/lib/search-delta.ts) starts
 * empty again.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { DELTA_DIR, STALE_FILE, type StaleList } from '../lib/search-delta';

/** The integration; runs after the pages are written. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'cong-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = Date.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: root });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${root}: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${root.replace(/\/$/, '')}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        mkdirSync(path.join(root, DELTA_DIR), { recursive: true });
        writeFileSync(path.join(root, DELTA_DIR, STALE_FILE), JSON.stringify({ stale: [], delta: false } satisfies StaleList));
        logger.info(`search: ${added.page_count} pages indexed in ${Date.now() - started} ms`);
      },
    },
  };
}
