/**
 * One build-and-deploy: build the site into a new release folder, check it, switch `current`
 * to it atomically, prune old releases. A failed build or check leaves the live release alone.
 *
 * Two paths (issue 15): the fast path (fast/) renders only the pages whose content changed with
 * the live release's compiled pages into a copy of it made of hard links; the full path runs
 * `astro build`. A publish takes the fast path when it can and says why when it cannot (no live
 * release or renderer, the code or a build setting changed, too many pages change, the fast path
 * failed); a consistency build (`full: true`) always takes the full path.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from '../lib/site.ts';
import { activate, createRelease, currentRelease, prune } from './releases.ts';
import { discard, prepareSpare, spareOf } from './housekeeping.ts';
import { fingerprintOf, publishedState, releaseDocuments, writeReleaseManifest } from './reconcile.ts';
import { precompress, type PrecompressResult } from './precompress.ts';
import { FastPathError, runFastPath, warmFastPath } from './fast/index.ts';
import { DELTA_DIR } from '../../site/src/lib/search-delta.ts';

/** ", large files gzipped in N pieces, M deflated anew" for the log, when there were any. */
const piecesNote = ({ pieces }: PrecompressResult) => (pieces.total > 0 ? `; large files gzipped in ${pieces.total} pieces, ${pieces.deflated} of them deflated anew` : '');

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
  /** Take the full path whatever changed (the consistency build after fast publishes, `npm run release -- --full`). */
  full?: boolean;
  /** Why `full` was asked for (default: the consistency build's reason). */
  fullReason?: string;
  /** The most pages a fast publish renders (FAST_PATH_MAX_PAGES); 0 turns the fast path off. */
  fastMaxPages?: number;
  /** How long the portal's fast-path worker then waits for its next publish (FAST_WORKER_IDLE_MS; 0: it ends). */
  fastWorkerIdleMs?: number;
  /** Stops a full build's `astro build` (it rejects with SiteBuildStopped; nothing is published): a publish came in during a consistency build. */
  signal?: AbortSignal;
  log: (message: string) => void;
}

/** Which path a publish took, why, and what it rendered. */
export interface PublishPath {
  path: 'fast' | 'full';
  /** Why this path: for a full build, why not the fast one. */
  why: string;
  /** Fast path: pages rendered, files written, pages removed, pages whose content changed, pages in the release. */
  pages?: { rendered: number; written: number; removed: number; changed: number; total: number };
}

export interface DeployResult extends PublishPath {
  release: string;
  seconds: number;
  steps: Record<string, number>;
  /** Everything `astro build` (or the fast path) printed. */
  output: string;
}

/** The default of FAST_PATH_MAX_PAGES. */
export const FAST_PATH_MAX_PAGES = 2000;

/** Counts the article pages of a built release. */
export function countArticlePages(client: string): number {
  const dir = path.join(client, 'tin-tuc');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'trang' && existsSync(path.join(dir, d.name, 'index.html'))).length;
}

const pidFile = (root: string) => path.join(root, 'build.pid');

/**
 * Stops a build left running by a publisher that was killed (its `astro build` or fast-path worker
 * outlives it and would write into the shared content store beside the next build). Returns the pid it stopped.
 */
export function stopOrphanBuild(root: string): number | null {
  if (!existsSync(pidFile(root))) return null;
  const pid = Number(readFileSync(pidFile(root), 'utf8'));
  rmSync(pidFile(root), { force: true });
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!command.includes('astro') && !command.includes('fast/worker')) return null;
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

/** A step timer: each step's duration goes into `steps` and the log. */
function stepper(log: (message: string) => void, steps: Record<string, number>) {
  return async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    log(`${name}…`);
    const value = await fn();
    steps[name] = Math.round(performance.now() - t);
    log(`${name}: ${steps[name]} ms`);
    return value;
  };
}

/**
 * The checks every release passes before it goes live: a home page, a search index, a page for
 * every article the build synced from the CMS (the content store: what it rendered from; asking the
 * CMS now would fail a build whenever an article is published or unpublished while it runs).
 */
async function validateRelease(dir: string, options: DeployOptions, synced = storedArticles(options.root)): Promise<void> {
  const release = path.basename(dir);
  const client = path.join(dir, 'client');
  if (!existsSync(path.join(client, 'index.html'))) throw new Error(`release ${release} has no home page`);
  if (!existsSync(path.join(client, 'pagefind', 'pagefind.js'))) throw new Error(`release ${release} has no search index`);
  const built = countArticlePages(client);
  if (built !== synced) throw new Error(`release ${release} has ${built} article pages but ${synced} articles were synced from the CMS`);
}

/** How many articles the build's content store holds (site/src/lib/store.ts). */
function storedArticles(root: string): number {
  const file = path.join(cacheDir(root), 'cong-store', 'articles.json');
  if (!existsSync(file)) throw new Error(`the build left no content store (${file}): the site build did not sync its content`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: unknown[] }).entries.length;
}

/** The build environment of a portal's builds (`astro build` and the fast path alike). */
function buildEnvironment(options: DeployOptions, out: string): NodeJS.ProcessEnv {
  return {
    CMS_URL: options.cmsUrl,
    CMS_TOKEN: options.token,
    SITE_URL: options.siteUrl,
    SITE_OUT_DIR: out,
    // Shared between releases: the content store, the pictures and Astro's incremental build cache.
    SITE_CACHE_DIR: cacheDir(options.root),
    ...(options.portal ? { SITE_PORTAL: options.portal } : {}),
  };
}

/** Why a full build follows fast publishes: the default reason of `full`. */
export const CONSISTENCY_BUILD = 'a consistency build after fast publishes';

/** Below this many published entries, a portal's worker is not started ahead of its first publish after a start (it starts in ~1–2 s then). */
export const WARM_AT_START_MIN_DOCUMENTS = 2000;

/**
 * Warms the portal's fast-path worker for its live release (fast/index.ts, `warmFastPath`) when
 * the publisher starts: a large portal's first publish then does not pay the worker's start and
 * first load (over 10 s at 10,000 articles). Only for a live release with compiled pages that
 * shows at least WARM_AT_START_MIN_DOCUMENTS entries. True when it started one.
 */
export function warmLiveRelease(options: DeployOptions): boolean {
  const live = currentRelease(options.root);
  if (!live || options.fastMaxPages === 0) return false;
  const dir = path.join(options.root, 'releases', live);
  if (!existsSync(path.join(dir, 'renderer', 'renderer.json')) || releaseDocuments(dir).size < WARM_AT_START_MIN_DOCUMENTS) return false;
  warmFastPath(dir, buildEnvironment(options, dir), options.fastWorkerIdleMs);
  return true;
}

/**
 * Publishes what the CMS publishes now: the fast path when it can, else (or with `full`) a full
 * build. Throws (live release untouched) on any failure of the path that publishes.
 */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const live = currentRelease(options.root);
  const maxPages = options.fastMaxPages ?? FAST_PATH_MAX_PAGES;
  let why: string;
  if (options.full) why = options.fullReason ?? CONSISTENCY_BUILD;
  else if (!live) why = 'no live release yet';
  else if (maxPages === 0) why = 'the fast path is off (FAST_PATH_MAX_PAGES=0)';
  else {
    const fast = await fastDeploy(options, path.join(options.root, 'releases', live), maxPages);
    if ('release' in fast) return fast;
    why = fast.why;
    options.log(`fast path not taken: ${why}`);
  }
  return { ...(await fullDeploy(options)), path: 'full', why };
}

/** The fast path (fast/): a new release from the live one; resolves with why not when a full build must publish. */
async function fastDeploy(options: DeployOptions, liveDir: string, maxPages: number): Promise<DeployResult | { why: string }> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const step = stepper(options.log, steps);
  const dir = createRelease(options.root);
  const release = path.basename(dir);
  let output = '';
  try {
    // The worker fingerprints the CMS itself, and hands the stamps it read to the content sync. It
    // takes the live release's copy made in the background since it went live (housekeeping.ts), if any.
    const spare = spareOf(options.root, path.basename(liveDir));
    const run = await runFastPath({ live: liveDir, target: dir, maxPages, ...(spare ? { spare } : {}), ...(options.sharedNewsOf ? { sharedNewsOf: options.sharedNewsOf } : {}) }, buildEnvironment(options, dir), (line) => options.log(`  ${line}`), (pid) => writeFileSync(pidFile(options.root), String(pid)), options.fastWorkerIdleMs)
      .catch((error: unknown) => {
        if (error instanceof FastPathError) return { error };
        throw error;
      })
      .finally(() => rmSync(pidFile(options.root), { force: true }));
    if ('error' in run) {
      output = run.error.output;
      discard(options.root, dir);
      return { why: run.error.message };
    }
    output = run.output;
    const { outcome } = run;
    for (const [name, ms] of Object.entries(outcome.steps)) steps[name] = ms;
    if (outcome.outcome === 'full') {
      discard(options.root, dir);
      return { why: outcome.reason };
    }
    if (outcome.note) options.log(outcome.note);
    const invalid = await step('validate', () => validateRelease(dir, options, outcome.articles).then(() => null, (error: Error) => error.message));
    if (invalid) {
      // A fast release that fails the checks is never retried as it is: a full build publishes instead.
      discard(options.root, dir);
      return { why: `the fast release failed its checks: ${invalid}` };
    }
    const client = path.join(dir, 'client');
    const delta = existsSync(path.join(client, DELTA_DIR)) ? readdirSync(path.join(client, DELTA_DIR), { recursive: true, encoding: 'utf8' }).map((f) => path.join(DELTA_DIR, f)) : [];
    const compressed = await step('precompress', () => precompress(client, { only: [...outcome.written, ...outcome.mirrored, ...delta] }));
    options.log(`fast path: ${outcome.rendered} pages rendered, ${outcome.written.length} files written, ${outcome.removed} removed (${outcome.changed} of ${outcome.pages} pages changed); ${compressed.files} files precompressed${piecesNote(compressed)}`);
    writeReleaseManifest(dir, { fingerprint: outcome.fingerprint, builtAt: new Date().toISOString(), documents: outcome.documents, path: 'fast' });
    await step('activate', () => activate(options.root, release));
    prepareSpare(options.root, release);
    const removed = await step('prune', () => prune(options.root, options.keep));
    if (removed.length > 0) options.log(`removed old releases: ${removed.join(', ')}`);
    return {
      release,
      seconds: (performance.now() - started) / 1000,
      steps,
      output,
      path: 'fast',
      why: 'only the pages whose content changed were rendered',
      pages: { rendered: outcome.rendered, written: outcome.written.length, removed: outcome.removed, changed: outcome.changed, total: outcome.pages },
    };
  } catch (error) {
    discard(options.root, dir);
    throw Object.assign(error as Error, { output: (error as { output?: string }).output ?? output });
  }
}

/** `astro build` into a new release, checked and activated. */
async function fullDeploy(options: DeployOptions): Promise<Omit<DeployResult, keyof PublishPath>> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const step = stepper(options.log, steps);

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
        buildEnvironment(options, dir),
        options.log,
        (pid) => writeFileSync(pidFile(options.root), String(pid)),
        options.signal,
      ).finally(() => rmSync(pidFile(options.root), { force: true })),
    ));
    rmSync(unfinishedMark(options.root), { force: true });
    await step('validate', () => validateRelease(dir, options));
    const live = currentRelease(options.root);
    const compressed = await step('precompress', () => precompress(path.join(dir, 'client'), { previous: live ? path.join(options.root, 'releases', live, 'client') : null }));
    options.log(`precompressed ${compressed.files} files (.br and .gz; .gz alone from 1 MB), ${compressed.reused} of them unchanged from the live release${piecesNote(compressed)}`);
    writeReleaseManifest(dir, { fingerprint, builtAt: new Date().toISOString(), documents: [...new Set(state.entries.map((e) => e.documentId))], path: 'full' });
    await step('activate', () => activate(options.root, release));
    // For the next publish's fast path (none when it is off or the build kept no compiled pages).
    if (options.fastMaxPages !== 0 && existsSync(path.join(dir, 'renderer', 'renderer.json'))) {
      prepareSpare(options.root, release);
      warmFastPath(dir, buildEnvironment(options, dir), options.fastWorkerIdleMs);
    }
    const removed = await step('prune', () => prune(options.root, options.keep));
    if (removed.length > 0) options.log(`removed old releases: ${removed.join(', ')}`);
  } catch (error) {
    discard(options.root, dir);
    throw error;
  }
  return { release, seconds: (performance.now() - started) / 1000, steps, output };
}
