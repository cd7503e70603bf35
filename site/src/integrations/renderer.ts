/**
 * Keeps what the publisher's fast path (scripts/publisher/fast/) needs to render pages again
 * without another `astro build` (issue 15): in each build's output, `renderer/` holds
 * - `bundle/`: the prerender bundle Astro compiled the pages into (Astro deletes its own copy),
 * - `renderer.json`: what the bundle's app is handed by the build besides (each page's styles and
 *   the bundled scripts, from Astro's build internals), the code it was built from and the settings
 *   that shape every page (site URL, portal, CMS URL),
 * - `pages.json`: every prerendered page with its route and cache key (src/lib/page-key.ts), what
 *   the fast path compares to find the pages a publish changes.
 *
 * It wraps Astro's own prerenderer (the integration API's `setPrerenderer`), which renders every
 * page of the full build as before. Astro builds its default prerender entry only when no
 * prerenderer is set, so the wrapper asks for it again (the Vite plugin below).
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { RENDERER_FORMAT, rendererSettings, type PageRecordEntry, type RendererFile } from '../lib/renderer-format';
import { siteCodeHash } from '../lib/code-hash';

/** Node's own import(): this file runs inside Vite's module runner, whose import() is closed once the config is loaded. */
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Record<string, unknown>>;

interface BuildApp {
  setInternals(internals: unknown): void;
  getSettings(): { scripts: unknown[] };
}

interface CapturedInternals {
  pagesByKeys: Map<string, { styles: unknown[] }>;
  entrySpecifierToBundleMap: Map<string, string>;
}

export function keepRenderer(): AstroIntegration {
  let outDir = '';
  let serverDir = '';
  return {
    name: 'cong-renderer',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [{
              name: 'cong-renderer-prerender-entry',
              configEnvironment(name: string) {
                if (name === 'prerender') return { build: { rolldownOptions: { input: 'astro/entrypoints/prerender' } } };
                return undefined;
              },
            }],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        serverDir = fileURLToPath(config.build.server);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((standard: AstroPrerenderer): AstroPrerenderer => ({
          name: 'cong-renderer',
          async setup() {
            const bundleDir = path.join(serverDir, '.prerender');
            const entry = readdirSync(bundleDir).find((f) => /^prerender-entry\.[^/]+\.mjs$/.test(f));
            if (!entry) throw new Error(`Astro's prerender entry is not in ${bundleDir}: this Astro version builds differently; see src/integrations/renderer.ts`);
            // The same module instance Astro's prerenderer imports next: catch the internals it hands the app.
            const { app } = (await nativeImport(pathToFileURL(path.join(bundleDir, entry)).href)) as unknown as { app: BuildApp };
            let internals: CapturedInternals | undefined;
            const handOver = app.setInternals.bind(app);
            app.setInternals = (value: unknown) => {
              internals = value as CapturedInternals;
              handOver(value);
            };
            await standard.setup?.();
            app.setInternals = handOver;
            if (!internals) throw new Error('Astro did not hand its build internals to the prerender app: this Astro version builds differently; see src/integrations/renderer.ts');
            const target = path.join(outDir, 'renderer', 'bundle');
            mkdirSync(target, { recursive: true });
            for (const file of readdirSync(bundleDir, { recursive: true, encoding: 'utf8' })) {
              if (!file.endsWith('.mjs')) continue;
              mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
              copyFileSync(path.join(bundleDir, file), path.join(target, file));
            }
            const record: RendererFile = {
              format: RENDERER_FORMAT,
              entry,
              code: siteCodeHash(),
              settings: rendererSettings(process.env),
              pages: [...internals.pagesByKeys].map(([key, data]) => [key, { styles: data.styles }]),
              entries: [...internals.entrySpecifierToBundleMap],
              scripts: app.getSettings().scripts,
            };
            writeFileSync(path.join(outDir, 'renderer', 'renderer.json'), JSON.stringify(record));
          },
          async getStaticPaths() {
            const paths = await standard.getStaticPaths();
            const pages: PageRecordEntry[] = paths.map(({ pathname, route, cacheKey }) => [pathname, route.component, cacheKey ?? null]);
            mkdirSync(path.join(outDir, 'renderer'), { recursive: true });
            writeFileSync(path.join(outDir, 'renderer', 'pages.json'), JSON.stringify(pages));
            return paths;
          },
          render: (request, options) => standard.render(request, options),
          async teardown() {
            await standard.teardown?.();
          },
        }));
      },
    },
  };
}
