// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { INLINE_SCRIPTS } from './src/inline-scripts.mjs';
import { mediaMirror } from './src/integrations/media-mirror.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { runtimeReport } from './src/integrations/runtime.ts';
import { loadSiteEnvFiles, siteCmsUrl } from './src/lib/site-env.ts';
import { closedImageEndpoint } from './src/integrations/image-endpoint.ts';
import { contentSync } from './src/integrations/content-sync.ts';
import { keepRenderer } from './src/integrations/renderer.ts';

// Pages rendered from a build folder outside site/ (publisher releases) still find site/ through this.
process.env.CONG_SITE_DIR ??= fileURLToPath(new URL('.', import.meta.url));
// The root .env, as every process of Cổng reads it (SITE_URL, SITE_OUT_DIR, CMS_PORT…), under the real environment.
loadSiteEnvFiles();

const site = (process.env.SITE_URL || 'http://127.0.0.1:4321').replace(/\/+$/, '');
// Pictures come from the CMS's /uploads/ (src/lib/images.ts); Astro fetches only from there.
const cms = new URL(siteCmsUrl());

export default defineConfig({
  site,
  output: 'static',
  // The publisher and the tests build into their own folders.
  outDir: process.env.SITE_OUT_DIR || './dist',
  cacheDir: process.env.SITE_CACHE_DIR || './node_modules/.astro',
  // Middleware mode: the public server (scripts/public/) runs each release's on-demand routes in a worker.
  adapter: node({ mode: 'middleware' }),
  integrations: [runtimeReport(), contentSync(), keepRenderer(), mediaMirror(), searchIndex(), closedImageEndpoint()],
  security: {
    // Astro's check needs the public host at build time (security.allowedDomains); src/middleware.ts
    // compares Origin with the Host header instead.
    checkOrigin: false,
    // Every page carries a Content-Security-Policy <meta> with the hash of each inline script and
    // style Astro writes: nothing else runs, not even an inline script or style attribute that got
    // into a page. What a <meta> cannot say (frame-ancestors) is sent as a header by the public
    // server and nginx (scripts/public/headers.ts).
    csp: {
      // The few inline scripts that must run before the first paint (src/inline-scripts.mjs).
      scriptDirective: { hashes: INLINE_SCRIPTS.map((script) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(script).digest('base64')}`)) },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
      ],
    },
  },
  image: {
    remotePatterns: [{ protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, ...(cms.port ? { port: cms.port } : {}), pathname: '/uploads/**' }],
  },
  trailingSlash: 'always',
  // Four pages at a time: one page's files are written while the next renders (with one, the
  // rendering thread waited on the disk ~40% of the time; at 10,000 articles 36 s became 27 s).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  compressHTML: true,
  server: { host: '127.0.0.1', port: Number(process.env.SITE_PORT || 4321) },
  devToolbar: { enabled: false },
  experimental: {
    // Pages from getStaticPaths whose cacheKey (src/lib/page-key.ts) and code are unchanged are
    // copied from the last build's cache (in cacheDir, which the publisher keeps between releases)
    // instead of being rendered again. A config or lockfile change discards the cache.
    incrementalBuild: true,
  },
  vite: {
    // The model is a CommonJS build for Strapi; Vite takes its TypeScript source instead.
    resolve: { alias: { '@cong/content-types': fileURLToPath(new URL('../content-types/src/index.ts', import.meta.url)) } },
  },
});
