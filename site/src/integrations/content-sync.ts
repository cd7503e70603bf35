/**
 * Brings the content store (src/lib/store.ts) up to date with the CMS before the pages are
 * rendered: each collection's loader fetches only what changed since the last sync. With
 * SITE_SYNC=off the store is rendered as it is. After the build, a snapshot of it goes into the
 * release (`store/`) for the release's on-demand routes.
 */
import type { AstroIntegration } from 'astro';
import { collections } from '../lib/collections';
import { fileURLToPath } from 'node:url';
import { snapshotStore, syncStore } from '../lib/store';

export function contentSync(): AstroIntegration {
  let outDir = '';
  return {
    name: 'cong-content',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // The content the pages were rendered from, in the release: its on-demand routes read it (store.ts).
      'astro:build:done': () => {
        snapshotStore(outDir);
      },
      'astro:build:start': async ({ logger }) => {
        if (process.env.SITE_SYNC === 'off') {
          logger.info('content: SITE_SYNC=off, the store is rendered as it is');
          return;
        }
        const started = Date.now();
        await syncStore(collections, (name) => logger.fork(name));
        logger.info(`content synced in ${Date.now() - started} ms`);
      },
    },
  };
}
