/**
 * One build-and-deploy: build the site into a new release folder, check it, switch `current`
 * to it atomically, prune old releases. A failed build or check leaves the live release alone.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCmsClient } from '../../content-types/src/cms-client.ts';
import { buildSite } from '../lib/site.ts';
import { activate, createRelease, currentRelease, prune } from './releases.ts';
import { fingerprintOf, publishedState, writeReleaseManifest } from './reconcile.ts';
import { precompress } from './precompress.ts';

export interface DeployOptions {
  /** Folder holding `releases/` and the `current` link. */
  root: string;
  /** Releases kept after a deploy. */
  keep: number;
  cmsUrl: string;
  /** Read-only build token. */
  token: string;
  siteUrl: string;
  /** The portal's code (SITE_PORTAL) when the install has a portal registry; unset: the build's default. */
  portal?: string;
  /** The portal's code when other portals name it their parent: the fingerprint covers their shared news (reconcile.ts). */
  sharedNewsOf?: string;
  log: (message: string) => void;
}

export interface DeployResult {
  release: string;
  seconds: number;
  steps: Record<string, number>;
  /** Everything `astro build` printed. */
  output: string;
}

/** How many articles the CMS publishes now (a release must have a page for each). */
export async function countPublishedArticles(cmsUrl: string, token: string): Promise<number> {
  const body = (await createCmsClient({ baseUrl: cmsUrl, token }).getJson('/api/articles?fields[0]=documentId&pagination[pageSize]=1')) as { meta: { pagination: { total: number } } };
  return body.meta.pagination.total;
}

/** Counts the article pages of a built release. */
export function countArticlePages(client: string): number {
  const dir = path.join(client, 'tin-tuc');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'trang' && existsSync(path.join(dir, d.name, 'index.html'))).length;
}

const pidFile = (root: string) => path.join(root, 'build.pid');

/**
 * Stops a build left running by a publisher that was killed (its `astro build` outlives it and
 * would write into the shared sync cache beside the next build). Returns the pid it stopped.
 */
export function stopOrphanBuild(root: string): number | null {
  if (!existsSync(pidFile(root))) return null;
  const pid = Number(readFileSync(pidFile(root), 'utf8'));
  rmSync(pidFile(root), { force: true });
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('astro')) return null;
    process.kill(pid, 'SIGKILL');
    return pid;
  } catch {
    return null; // gone already
  }
}

const cacheDir = (root: string) => path.join(root, 'cache');
const unfinishedMark = (root: string) => path.join(cacheDir(root), 'build-unfinished');

/**
 * Astro's incremental build writes each rendered page into its cache at once but the index of
 * their cache keys (incremental-build.json) only when the build completes. After a build that
 * was killed or failed, a cached page may be newer than the key the index holds for it, and a
 * later build whose key matches the index again (an edit undone) would restore the wrong page.
 * So a build marks the cache while it runs; a mark left behind discards the index (the next
 * build renders every page and writes a fresh one). Returns true when it discarded it.
 */
export function discardUnfinishedCache(root: string): boolean {
  if (!existsSync(unfinishedMark(root))) return false;
  rmSync(path.join(cacheDir(root), 'incremental-build.json'), { force: true });
  rmSync(unfinishedMark(root), { force: true });
  return true;
}

/** Builds, checks and activates a new release; throws (live release untouched) on any failure. */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    options.log(`${name}…`);
    const value = await fn();
    steps[name] = Math.round(performance.now() - t);
    options.log(`${name}: ${steps[name]} ms`);
    return value;
  };

  const dir = createRelease(options.root);
  const release = path.basename(dir);
  let output = '';
  try {
    // Taken before the build: a change during the build makes the next reconciliation build again.
    const state = await step('fingerprint', () => publishedState(options.cmsUrl, options.token, { sharedNewsOf: options.sharedNewsOf }));
    const fingerprint = fingerprintOf(state);
    if (discardUnfinishedCache(options.root)) options.log('the last build did not finish: its incremental build cache was discarded, every page is rendered');
    mkdirSync(cacheDir(options.root), { recursive: true });
    writeFileSync(unfinishedMark(options.root), release);
    ({ output } = await step('build', () =>
      buildSite(
        {
          CMS_URL: options.cmsUrl,
          CMS_TOKEN: options.token,
          SITE_URL: options.siteUrl,
          SITE_OUT_DIR: dir,
          // Shared between releases: the loader's incremental sync state and Astro's incremental build cache.
          SITE_CACHE_DIR: cacheDir(options.root),
          ...(options.portal ? { SITE_PORTAL: options.portal } : {}),
        },
        options.log,
        (pid) => writeFileSync(pidFile(options.root), String(pid)),
      ).finally(() => rmSync(pidFile(options.root), { force: true })),
    ));
    rmSync(unfinishedMark(options.root), { force: true });
    await step('validate', async () => {
      const client = path.join(dir, 'client');
      if (!existsSync(path.join(client, 'index.html'))) throw new Error(`release ${release} has no home page`);
      if (!existsSync(path.join(client, 'pagefind', 'pagefind.js'))) throw new Error(`release ${release} has no search index`);
      const expected = await countPublishedArticles(options.cmsUrl, options.token);
      const built = countArticlePages(client);
      if (built !== expected) throw new Error(`release ${release} has ${built} article pages but the CMS publishes ${expected}`);
    });
    const live = currentRelease(options.root);
    const compressed = await step('precompress', () => precompress(path.join(dir, 'client'), { previous: live ? path.join(options.root, 'releases', live, 'client') : null }));
    options.log(`precompressed ${compressed.files} files (.br, .gz), ${compressed.reused} of them unchanged from the live release`);
    writeReleaseManifest(dir, { fingerprint, builtAt: new Date().toISOString(), documents: [...new Set(state.entries.map((e) => e.documentId))] });
    await step('activate', () => activate(options.root, release));
    const removed = await step('prune', () => prune(options.root, options.keep));
    if (removed.length > 0) options.log(`removed old releases: ${removed.join(', ')}`);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { release, seconds: (performance.now() - started) / 1000, steps, output };
}
