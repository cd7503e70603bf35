/**
 * The fast path's worker (issue 15): a child process of the publisher (index.ts starts it) that
 * serves one portal's fast publishes, one job at a time over IPC, and stays warm between them (no
 * process start, compiled pages loaded once, the code optimised by the last publish). Each job:
 * 1. syncs the content store from the CMS (only what changed, as a build's sync does);
 * 2. loads the live release's own compiled pages (`renderer/`, kept by the build:
 *    site/src/integrations/renderer.ts), if they were built from this checkout's code and settings;
 * 3. lists every page with its cache key and compares with the live release's list (plan.ts);
 * 4. makes the new release as hard links to the live one, renders the pages that change into it
 *    (a page whose bytes did not change keeps its link), removes the pages that are gone, and adds
 *    the media files and pictures the new pages name; then the search index's delta (search.ts).
 * It prints progress on stderr and answers each job with its outcome: what it did, or why a full
 * build must publish instead. It never touches the live release. Between jobs nothing of the last
 * one is kept but the loaded pages: every memo of the content belongs to one render
 * (site/src/lib/render-scope.ts), Astro's cache of each route's paths is emptied, and the store's
 * files are read again when they changed. The pages are loaded from the first job's live release,
 * linked into the cache (a release is deleted some publishes later; its pages load lazily); a
 * worker serves one renderer, and the publisher starts another when the live release was built
 * by another full build.
 */
import { readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StaticPaths } from 'astro/runtime/prerender/static-paths.js';
import { collections } from '../../../site/src/lib/collections.ts';
import { readCollection, snapshotStore, syncStore, type KnownStamp } from '../../../site/src/lib/store.ts';
import { parseSiteEnvironment } from '../../../site/src/lib/site-env.ts';
import { fingerprintOf, publishedState } from '../reconcile.ts';
import { siteCodeHash } from '../../../site/src/lib/code-hash.ts';
import { RENDERER_FORMAT, rendererSettings, type PageRecordEntry, type RendererFile } from '../../../site/src/lib/renderer-format.ts';
import { decodePageFiles, encodePageFiles, mirrorPages, PAGE_FILES, type PageFiles } from '../../../site/src/integrations/media-mirror.ts';
import { fullBuildReason, planPages } from './plan.ts';
import { linkRelease, pageFile, pagePath, pageUrl, removePage, RELEASE_PARTS } from './tree.ts';
import { startRender } from '../../../site/src/lib/render-scope.ts';
import { ParsedFiles } from '../../../site/src/lib/parsed-files.ts';
import { registry } from '../../../site/src/lib/image-files.ts';
import { takeSpare } from '../housekeeping.ts';
import { bundleLink, type FastJob, type FastOutcome, type WorkerAnswer, type WorkerRequest } from './protocol.ts';
import { updateSearchDelta } from './search.ts';

interface RouteData {
  component: string;
  type: string;
}
interface PrerenderApp {
  routeCache: { clearAll(): void };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}

let steps: Record<string, number> = {};
async function step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const value = await fn();
  steps[name] = Math.round(performance.now() - started);
  process.stderr.write(`${name}: ${steps[name]} ms\n`);
  return value;
}

/** Why the live release's compiled pages cannot render for this checkout, or null when they can. */
function rendererProblem(renderer: RendererFile | null): string | null {
  if (!renderer) return 'the live release has no renderer (built before the fast path, or by another build)';
  if (renderer.format !== RENDERER_FORMAT) return 'the live release\'s renderer has another format';
  if (renderer.code !== siteCodeHash()) return 'the site\'s code changed since the live release was built';
  const now = rendererSettings(process.env);
  for (const key of Object.keys(now) as Array<keyof typeof now>) {
    if (renderer.settings[key] !== now[key]) return `the build setting ${key} changed since the live release (${renderer.settings[key] || '(none)'} → ${now[key] || '(none)'})`;
  }
  return null;
}

/**
 * The live release's lists, by file name, as this worker last read or wrote them (parsed-files.ts):
 * the next job's live release is the one the last job wrote (its pages.json and files.json), or
 * shares the file (renderer.json, a hard link), so a warm worker does not parse them again (~0.2 s
 * at 10,000 articles).
 */
const lists = new ParsedFiles();
const readJson = <T>(file: string): T | null => lists.read<T>(path.basename(file), file);
/** The files each page of a release names (files.json: each distinct list once, media-mirror.ts); null when it has none or another form. */
const readPageFiles = (file: string): PageFiles | null => lists.read<PageFiles>(path.basename(file), file, decodePageFiles);

/** Writes a list of the new release (a new file: never through a link into the live one), remembered for the next job; `text`: its text when not JSON.stringify's. */
function writeJson(file: string, value: unknown, text = JSON.stringify(value)): void {
  rmSync(file, { force: true });
  writeFileSync(file, text);
  lists.remember(path.basename(file), file, value);
}

/** The pages this worker loaded: one renderer per worker (the publisher starts another when renderer.json changes, index.ts). */
let loaded: { app: PrerenderApp; renderer: RendererFile } | null = null;

async function load(job: FastJob, renderer: RendererFile): Promise<PrerenderApp> {
  if (loaded) {
    if (loaded.renderer.code !== renderer.code || loaded.renderer.entry !== renderer.entry) throw new Error('this worker loaded the pages of another build: the publisher starts a new worker for each renderer');
    return loaded.app;
  }
  const cache = process.env.SITE_CACHE_DIR;
  if (!cache) throw new Error('SITE_CACHE_DIR is not set: the fast path needs the build cache of the portal');
  const bundle = bundleLink(cache, process.pid);
  rmSync(bundle, { recursive: true, force: true });
  mkdirSync(path.dirname(bundle), { recursive: true });
  linkRelease(path.join(job.live, 'renderer', 'bundle'), bundle);
  const { app } = (await import(pathToFileURL(path.join(bundle, renderer.entry)).href)) as { app: PrerenderApp };
  app.setInternals({ pagesByKeys: new Map(renderer.pages), entrySpecifierToBundleMap: new Map(renderer.entries) });
  const destination = {
    write(event: { level: string; message: string }) {
      if (event.level === 'error' || event.level === 'warn') process.stderr.write(`[astro ${event.level}] ${event.message}\n`);
      return true;
    },
  };
  app.setOptions({ settings: { scripts: renderer.scripts }, logger: { options: { destination } } });
  loaded = { app, renderer };
  return app;
}

async function runJob(job: FastJob): Promise<FastOutcome> {
  steps = {};
  startRender(); // every memo of the last job's content is stale
  registry().named.clear(); // the pictures the last job's pages named (written and indexed by then)
  const renderer = readJson<RendererFile>(path.join(job.live, 'renderer', 'renderer.json'));
  const livePages = readJson<PageRecordEntry[]>(path.join(job.live, 'renderer', 'pages.json'));
  const liveFiles = readPageFiles(path.join(job.live, 'renderer', PAGE_FILES));
  const problem = rendererProblem(renderer) ?? (livePages && liveFiles ? null : 'the live release has no list of its pages and the files they show');
  if (problem) return { outcome: 'full', reason: problem, steps };

  // What the CMS publishes now, before anything is read: a change after it makes the next reconciliation build again.
  const env = parseSiteEnvironment(process.env);
  const state = await step('fingerprint', () => publishedState(env.cmsUrl, env.token, job.sharedNewsOf ? { sharedNewsOf: job.sharedNewsOf } : {}));
  const stamps = new Map<string, KnownStamp[]>();
  for (const { type, documentId, version } of state.entries) {
    let list = stamps.get(type);
    if (!list) stamps.set(type, (list = []));
    list.push({ documentId, version });
  }
  await step('sync', () => syncStore(collections, (name) => ({ info: (m) => process.stderr.write(`[${name}] ${m}\n`), warn: (m) => process.stderr.write(`[${name}] ${m}\n`) }), stamps));

  const app = await step('load', () => load(job, renderer!));
  app.routeCache.clearAll(); // each route's paths as the last job listed them

  const paths = await step('pages', () => new StaticPaths(app as never).getAll());
  const now: PageRecordEntry[] = paths.map(({ pathname, route, cacheKey }) => [pathname, route.component, cacheKey ?? null]);
  const plan = planPages(livePages!, now);
  const reason = fullBuildReason(plan, { maxPages: job.maxPages });
  if (reason) return { outcome: 'full', reason, steps };

  await step('link', async () => {
    const linked = job.spare ? await takeSpare(job.spare, job.target) : false;
    if (!linked) for (const part of RELEASE_PARTS) if (existsSync(path.join(job.live, part))) linkRelease(path.join(job.live, part), path.join(job.target, part));
    snapshotStore(job.target); // the content now, for the release's on-demand routes
  });

  const client = path.join(job.target, 'client');
  const routes = new Map(paths.map(({ pathname, route }) => [pathname, route as unknown as RouteData]));
  const site = renderer!.settings.siteUrl;
  const written: string[] = [];
  const changedUrls: string[] = [];
  await step('render', async () => {
    for (const pathname of plan.render) {
      const route = routes.get(pathname)!;
      const response = await app.render(new Request(pageUrl(pathname, route.type, site)), { routeData: route });
      // As `astro build` writes them: any body (the 404 page answers 404); a redirect is left to the full build.
      if (response.status >= 300 && response.status < 400) throw new Error(`the page ${pathname} is a redirect (${response.status}): only a full build writes redirects`);
      const body = Buffer.from(await response.arrayBuffer());
      const relative = pageFile(pathname, route.type);
      const file = path.join(client, relative);
      if (existsSync(file) && readFileSync(file).equals(body)) continue;
      // Never through the link into the live release: a new file under the name, and no stale .br/.gz.
      for (const suffix of ['', '.br', '.gz']) rmSync(`${file}${suffix}`, { force: true });
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, body);
      written.push(file);
      if (relative.endsWith('.html')) changedUrls.push(pagePath(pathname, route.type));
    }
  });
  const removedUrls: string[] = [];
  const files: PageFiles = { ...liveFiles! };
  /** What the pages written or removed named: only these can be named by no page now. */
  const unnamed = new Set<string>();
  for (const file of written) for (const named of liveFiles![path.relative(client, file)] ?? []) unnamed.add(named);
  for (const pathname of plan.removed) {
    const component = livePages!.find(([p]) => p === pathname)?.[1] ?? '';
    const type = /\.(ts|js)$/.test(component) ? 'endpoint' : 'page';
    const relative = pageFile(pathname, type);
    removePage(client, relative);
    for (const named of liveFiles![relative] ?? []) unnamed.add(named);
    delete files[relative];
    if (relative.endsWith('.html')) removedUrls.push(pagePath(pathname, type));
  }
  const pagesFile = path.join(job.target, 'renderer', 'pages.json');
  writeJson(pagesFile, now);
  // What this publish changed, for the operator (and the tests): the pages whose content changed, the pages removed.
  const planFile = path.join(job.target, 'renderer', 'plan.json');
  rmSync(planFile, { force: true });
  writeFileSync(planFile, JSON.stringify({ changed: plan.changedPaths, removed: plan.removed, rendered: plan.render.length }));

  const copied: string[] = [];
  await step('media', async () => {
    // `refresh`: a file the CMS replaced under the same name is fetched again for the pages that show it.
    const mirrored = await mirrorPages(client, written.filter((f) => /\.(html|xml)$/.test(f)), { refresh: true });
    copied.push(...mirrored.copiedFiles);
    for (const file of written) delete files[path.relative(client, file)];
    Object.assign(files, mirrored.references);
    // A media file or picture no page names any more goes, as a full build would never copy it.
    // Only what a written or removed page named can be unnamed now: those are looked for, without
    // a set of every file of the 58,500 pages' lists (two of them took ~0.2 s at 50,000 articles).
    for (const list of Object.values(files)) {
      if (unnamed.size === 0) break;
      for (const file of list) unnamed.delete(file);
    }
    for (const file of unnamed) removePage(client, file.replace(/^\/+/, ''));
    const filesFile = path.join(job.target, 'renderer', PAGE_FILES);
    writeJson(filesFile, files, encodePageFiles(files));
  });
  await step('search', () => updateSearchDelta({ live: job.live, target: job.target, changed: changedUrls, removed: removedUrls }));

  const note = plan.keyed > 0 && plan.changed === plan.keyed ? 'every page changed (what every page shows changed): all rendered' : null;
  return { outcome: 'published', fingerprint: fingerprintOf(state), documents: [...new Set(state.entries.map((e) => e.documentId))], rendered: plan.render.length, written: written.map((f) => path.relative(client, f)), mirrored: copied, removed: plan.removed.length, changed: plan.changed, pages: now.length, articles: readCollection('articles').length, steps, note };
}

/**
 * Gets ready for the first publish after a full build (the publisher asks as soon as the release is
 * live): loads its compiled pages, reads its lists and the content store, lists every page once
 * and renders the home page (nothing is written). At 10,000 articles the first publish after a
 * start took over 10 s, twice the next ones: starting, loading and the first run of each code path.
 */
async function warm(live: string): Promise<void> {
  const started = performance.now();
  startRender();
  const renderer = readJson<RendererFile>(path.join(live, 'renderer', 'renderer.json'));
  const pages = readJson<PageRecordEntry[]>(path.join(live, 'renderer', 'pages.json'));
  readPageFiles(path.join(live, 'renderer', PAGE_FILES));
  const problem = rendererProblem(renderer);
  if (problem || !pages) return void process.stderr.write(`warm: nothing to load (${problem ?? 'no list of pages'})\n`);
  const app = await load({ live, target: '', maxPages: 0 }, renderer!);
  app.routeCache.clearAll();
  const paths = await new StaticPaths(app as never).getAll();
  const home = paths.find(({ pathname }) => pathname === '/');
  if (home) await (await app.render(new Request(pageUrl('/', home.route.type, renderer!.settings.siteUrl)), { routeData: home.route as unknown as RouteData })).arrayBuffer();
  app.routeCache.clearAll();
  registry().named.clear();
  process.stderr.write(`warm: ${Math.round(performance.now() - started)} ms (${paths.length} pages listed)\n`);
}

if (process.env.CONG_FAST_WORKER === '1' && process.send) {
  let busy = false;
  // A job waits for the warm-up it may have arrived during; a warm-up that failed leaves the job to load what it needs.
  let warming: Promise<void> = Promise.resolve();
  process.on('message', (message: WorkerRequest) => {
    if ('warm' in message) {
      warming = warming.then(() => warm(message.warm.live)).catch((error: unknown) => void process.stderr.write(`warm: ${error instanceof Error ? error.message : String(error)}\n`));
      return;
    }
    // One job at a time: the publisher waits for each answer; a second one is a bug there, refused here.
    if (busy) return void process.send!({ error: 'the fast-path worker is busy with another job' } satisfies WorkerAnswer);
    busy = true;
    warming.then(() => runJob(message.job)).then(
      (outcome) => {
        busy = false;
        process.send!({ outcome } satisfies WorkerAnswer);
      },
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        // A job that failed may leave the loaded pages in any state: this worker answers and ends.
        process.send!({ error: error instanceof Error ? error.message : String(error) } satisfies WorkerAnswer, () => process.exit(1));
      },
    );
  });
  // The publisher is gone (it stopped, or was killed), or stops its worker: it ends (and writes a --cpu-prof profile).
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}
