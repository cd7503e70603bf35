/**
 * Brings the content store (src/lib/store.ts) up to date with the CMS before the pages are
 * rendered: each collection's loader fetches only what changed since the last sync. With
 * SITE_SYNC=off the store is rendered as it is (the publisher's fast path has synced it already).
 */
import type { AstroIntegration } from 'astro';
import { collections } from '../lib/collections';
import { syncStore } from '../lib/store';

export function contentSync(): AstroIntegration {
  return {
    name: 'cong-content',
    hooks: {
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
