/**
 * The benchmark's many-portals mode (`npm run bench -- --portals P --articles-per-portal A`, issue 14):
 * 1. seeds P portals on a fresh SQLite CMS: the demo's first portal (`seed.ts --one-portal`), then
 *    P-1 more, one province and its communes, each with A published articles (seed-portals.ts);
 * 2. builds every portal from nothing through the real publisher (its first reconciliation of every
 *    portal, PUBLISH_CONCURRENCY builds at once, default one per core): total wall time, per-portal
 *    build median and worst, peak memory of the whole process tree (bench + publisher + builds + CMS);
 * 3. times the CMS's reads with P portals' data: a portal's build token paging its articles as the
 *    site's loader does, and the admin's article list as a fenced editor of one commune and as the
 *    super admin (loopback, a bounded number of requests);
 * 4. publish-to-live of one commune's article while five other portals keep publishing: from the
 *    admin API's Publish to its page answering 200 on the public server at the commune's host name.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createSlug } from '../../content-types/src/slug.ts';
import { readPortalRegistry, type PortalInfo } from '../../content-types/src/portals.ts';
import { rootDir } from '../lib/cms.ts';
import { startPublisher, type Publisher } from '../publisher/publisher.ts';
import { createPublicServer } from '../public/server.ts';
import { adminHeaders, measure, startCms, treeRssMb } from './cms.ts';
import type { Bench } from './context.ts';
import { BUILD_QUIET_MS } from '../publisher/config.ts';

export interface PortalOptions {
  portals: number;
  articlesPerPortal: number;
}

/** Bounds of the options: the first portal, a province and at least one commune. */
export const MIN_PORTALS = 3;
export const MAX_PORTALS = 1000;
export const MAX_ARTICLES_PER_PORTAL = 100_000;
export const DEFAULT_ARTICLES_PER_PORTAL = 200;

/** `--portals` and `--articles-per-portal` as numbers, or the English error naming the option (undefined: the mode is off). */
export function parsePortalOptions(values: { portals?: string; 'articles-per-portal'?: string }): PortalOptions | string | undefined {
  const rawPortals = values.portals;
  const rawArticles = values['articles-per-portal'];
  if (rawPortals === undefined) {
    return rawArticles === undefined ? undefined : `--articles-per-portal needs --portals P (the number of portals to seed and build), e.g. --portals 20 --articles-per-portal ${rawArticles}`;
  }
  const whole = (raw: string) => (/^\d+$/.test(raw.trim()) ? Number(raw) : NaN);
  const portals = whole(rawPortals);
  if (!Number.isSafeInteger(portals) || portals < MIN_PORTALS || portals > MAX_PORTALS) {
    return `--portals must be a whole number from ${MIN_PORTALS} (the first portal, a province and one commune) to ${MAX_PORTALS} (got "${rawPortals}")`;
  }
  const articlesPerPortal = rawArticles === undefined ? DEFAULT_ARTICLES_PER_PORTAL : whole(rawArticles);
  if (!Number.isSafeInteger(articlesPerPortal) || articlesPerPortal < 1 || articlesPerPortal > MAX_ARTICLES_PER_PORTAL) {
    return `--articles-per-portal must be a whole number from 1 to ${MAX_ARTICLES_PER_PORTAL} (got "${rawArticles}")`;
  }
  return { portals, articlesPerPortal };
}

export interface PlannedPortal {
  code: string;
  name: string;
  domain: string;
  parent: string | null;
}

/** The province the bench's communes belong to. */
const PROVINCE: PlannedPortal = { code: 'lam-giang', name: 'Ủy ban nhân dân tỉnh Lam Giang', domain: 'lam-giang.localhost', parent: null };
/** Invented commune names (the demo's own Tân Hòa is the first portal); numbered beyond the list. */
const COMMUNES = ['Bình An', 'Hòa Phú', 'Tân Lập', 'Đông Sơn', 'Phú Thịnh', 'Mỹ Hòa', 'Xuân Lộc', 'Thanh Bình', 'Hưng Đạo', 'An Khánh', 'Đại Đồng', 'Vĩnh Thạnh', 'Trường Xuân', 'Cẩm Phô', 'Lộc Điền', 'Yên Thế', 'Kim Liên', 'Quảng Đức', 'Ngọc Lâm', 'Sơn Thủy'];

/** The P-1 portals the bench adds after the first one: the province, then P-2 communes under it. */
export function benchPortalPlan(portals: number): PlannedPortal[] {
  const communes = Array.from({ length: portals - 2 }, (_, i) => {
    const base = COMMUNES[i % COMMUNES.length]!;
    const round = Math.floor(i / COMMUNES.length);
    const name = round === 0 ? base : `${base} ${round + 1}`;
    const code = `xa-${createSlug(name)}`;
    return { code, name: `Ủy ban nhân dân xã ${name}`, domain: `${code}.localhost`, parent: PROVINCE.code };
  });
  return [PROVINCE, ...communes];
}

/** The fenced editor the seed makes (the first commune's Biên tập viên), in `<data dir>/<BENCH_EDITOR_FILE>`. */
export interface BenchEditor {
  email: string;
  password: string;
  portal: string;
}
export const BENCH_EDITOR_FILE = 'bench-editor.json';

/** Resident memory (MB) of a process tree: cms.ts's, re-exported where it was first defined. */
export { treeRssMb };

/** Samples this process's tree every 250 ms; `stop()` gives the peak in MB. */
function sampleTree(): { stop(): number } {
  let peak = treeRssMb(process.pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(process.pid))), 250);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRssMb(process.pid));
    },
  };
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const quantile = (values: number[], q: number) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const median = (values: number[]) => quantile(values, 0.5);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET of the public server with a Host header (fetch cannot set one): the status. */
function statusAt(port: number, host: string, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: target, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function ok(res: Response): Promise<Response> {
  if (!res.ok) throw new Error(`${res.status} from ${res.url}: ${(await res.text()).slice(0, 160)}`);
  return res;
}

/** Times `count` GETs one after another (ms each); each must answer 2xx. */
async function timeGets(count: number, url: (i: number) => string, headers: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    const res = await ok(await fetch(url(i), { headers }));
    await res.arrayBuffer();
    times.push(performance.now() - t0);
  }
  return times;
}

const ms = (values: number[]) => `median ${median(values).toFixed(0)} ms, p95 ${quantile(values, 0.95).toFixed(0)} ms`;

/** The admin API of articles, with the portal an article belongs to. */
const ARTICLES = '/content-manager/collection-types/api::article.article';

/** Creates an article in `portal` through the admin API and publishes it, as an editor's Publish button does; its slug and the publish's start. */
async function publishIn(url: string, headers: Record<string, string>, portal: { id: number; documentId: string }, title: string): Promise<{ slug: string; at: number }> {
  const created = (await (await ok(await fetch(`${url}${ARTICLES}`, {
    method: 'POST', headers, body: JSON.stringify({ title, body: 'Nội dung đo thời gian đăng bài.', portal: { connect: [{ id: portal.id, documentId: portal.documentId }] } }),
  }))).json()) as { data: { documentId: string; slug: string } };
  const at = performance.now();
  await ok(await fetch(`${url}${ARTICLES}/${created.data.documentId}/actions/publish`, { method: 'POST', headers, body: '{}' }));
  return { slug: created.data.slug, at };
}

/** The P portals' benchmark; see the module comment. Rows go into `bench.rows`. */
export async function benchPortals(bench: Bench, options: PortalOptions): Promise<void> {
  const { rows, env, url, dataDir, buildDir } = bench;
  const { portals: P, articlesPerPortal: A } = options;
  const total = (P * A).toLocaleString('en');

  const began = performance.now();
  const phase = (m: string) => console.error(`[bench] ${((performance.now() - began) / 1000).toFixed(0)} s: ${m}`);
  // 1. Seeding.
  phase(`seeding the first portal, then ${P - 1} more with ${A} articles each`);
  const demo = await measure(['--import', 'tsx', 'scripts/seed.ts', '--one-portal'], env, rootDir);
  rows.push(['Seed the demo portal (the first portal)', `${demo.seconds.toFixed(1)} s`, `peak ${demo.peakMb.toFixed(0)} MB`]);
  const seed = await measure(['--import', 'tsx', 'scripts/bench/seed-portals.ts', '--portals', String(P), '--articles-per-portal', String(A)], env, rootDir);
  const added = (P - 1) * A;
  rows.push([`Seed ${P - 1} more portals × ${A.toLocaleString('en')} articles (SQLite)`, `${seed.seconds.toFixed(1)} s`, `${(added / seed.seconds).toFixed(0)} articles/s (its Strapi boot, the portals, their roles and tokens included), ${((seed.seconds / (P - 1)) * 1000).toFixed(0)} ms per portal, peak ${seed.peakMb.toFixed(0)} MB`]);

  const registry = readPortalRegistry(dataDir);
  if (!registry || registry.portals.length !== P) throw new Error(`the CMS's portal registry lists ${registry?.portals.length ?? 0} portals, ${P} expected`);
  const editor = JSON.parse(readFileSync(path.join(dataDir, BENCH_EDITOR_FILE), 'utf8')) as BenchEditor;
  const commune = registry.portals.find((p) => p.code === editor.portal)!;

  // 2. Every portal built from nothing by the publisher's first reconciliation.
  const root = path.join(buildDir, 'portals-releases');
  const secret = randomBytes(16).toString('hex');
  const concurrency = process.env.PUBLISH_CONCURRENCY ? Number(process.env.PUBLISH_CONCURRENCY) : availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`PUBLISH_CONCURRENCY must be a whole number of site builds at once, e.g. 2 (got "${process.env.PUBLISH_CONCURRENCY}")`);
  const log: string[] = [];
  const publisher: Publisher = await startPublisher({
    host: '127.0.0.1', port: 0, secret, root, keep: 2, cmsUrl: url,
    token: readFileSync(path.join(dataDir, 'build-token'), 'utf8').trim(), siteUrl: 'http://127.0.0.1',
    quietMs: BUILD_QUIET_MS, maxWaitMs: 30_000, reconcileMs: 0, registryDir: dataDir, concurrency,
    log: (m) => log.push(`${new Date().toISOString()} ${m}`), progress: () => {},
  });
  const server = createPublicServer(root);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const sitePort = (server.address() as { port: number }).port;
  const stopCms = await startCms({ ...env, PUBLISHER_URL: publisher.url, WEBHOOK_SECRET: secret }, url);
  try {
    phase(`building ${P} portals from nothing`);
    const tree = sampleTree();
    const t0 = performance.now();
    await publisher.reconcile();
    await publisher.idle();
    const wall = (performance.now() - t0) / 1000;
    const peak = tree.stop();
    const builds = publisher.portals().map((code) => ({ code, build: publisher.portal(code)?.lastBuild() ?? null }));
    const failed = builds.filter((b) => b.build?.result !== 'success');
    if (failed.length > 0) {
      console.error(log.slice(-40).join('\n'));
      rows.push([`Build ${P} portals from nothing`, 'failed', `${failed.length} of ${P} portals did not build (${failed.slice(0, 3).map((b) => `${b.code}: ${b.build?.error ?? 'never built'}`).join('; ').slice(0, 200)})`]);
      return;
    }
    const seconds = builds.map((b) => b.build!.seconds ?? 0);
    const worst = builds.reduce((a, b) => ((b.build!.seconds ?? 0) > (a.build!.seconds ?? 0) ? b : a));
    rows.push([
      `Build ${P} portals from nothing (${total} articles, PUBLISH_CONCURRENCY ${concurrency})`,
      `${wall.toFixed(1)} s`,
      `per portal median ${median(seconds).toFixed(1)} s, worst ${worst.build!.seconds!.toFixed(1)} s (${worst.code}); peak ${peak.toFixed(0)} MB RSS of bench + publisher + builds + CMS`,
    ]);
    if ((await statusAt(sitePort, commune.domains[0]!, '/')) !== 200) throw new Error(`the public server does not answer ${commune.domains[0]}'s home page after the builds`);

    // 3. CMS reads with P portals' data.
    phase('timing CMS reads');
    const token = readFileSync(path.join(dataDir, 'portal-tokens', commune.code), 'utf8').trim();
    // The site's loader pages a type 100 at a time with its relations (site/src/lib/records.ts ARTICLE_POPULATE).
    const pages = Math.ceil(A / 100);
    const query = (i: number) => `${url}/api/articles?populate[cover]=true&populate[category][fields][0]=name&populate[category][fields][1]=slug&pagination[page]=${(i % pages) + 1}&pagination[pageSize]=100`;
    const seen = (await (await ok(await fetch(query(0), { headers: { authorization: `Bearer ${token}` } }))).json()) as { meta: { pagination: { total: number } } };
    const reads = await timeGets(50, query, { authorization: `Bearer ${token}` });
    rows.push([`CMS read, a portal's build token (${P} portals' data)`, `${median(reads).toFixed(0)} ms`, `${ms(reads)} over 50 pages of up to 100 articles with cover and category; the token of ${commune.code} sees ${seen.meta.pagination.total} articles`]);
    const login = (await (await ok(await fetch(`${url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: editor.email, password: editor.password }) }))).json()) as { data: { token: string } };
    const list = (i: number) => `${url}${ARTICLES}?page=${(i % 3) + 1}&pageSize=10&sort=title:ASC`;
    const editorHeaders = { authorization: `Bearer ${login.data.token}` };
    const editorSees = ((await (await ok(await fetch(list(0), { headers: editorHeaders }))).json()) as { pagination: { total: number } }).pagination.total;
    const asEditor = await timeGets(50, list, editorHeaders);
    rows.push([`Admin article list, fenced editor of one commune`, `${median(asEditor).toFixed(0)} ms`, `${ms(asEditor)} over 50 lists (10 a page, by title); sees ${editorSees.toLocaleString('en')} articles`]);
    const admin = await adminHeaders(bench);
    const adminSees = ((await (await ok(await fetch(list(0), { headers: admin }))).json()) as { pagination: { total: number } }).pagination.total;
    const asAdmin = await timeGets(50, list, admin);
    rows.push([`Admin article list, super admin`, `${median(asAdmin).toFixed(0)} ms`, `${ms(asAdmin)} over 50 lists; sees ${adminSees.toLocaleString('en')} articles`]);

    // 4. Publish-to-live in one commune while five other portals keep publishing.
    phase(`publish-to-live in ${commune.code} while others publish`);
    const refOf = async (code: string) => {
      const found = (await (await ok(await fetch(`${url}/content-manager/collection-types/api::portal.portal?page=1&pageSize=1&filters[$and][0][slug][$eq]=${encodeURIComponent(code)}`, { headers: admin }))).json()) as { results: Array<{ id: number; documentId: string }> };
      if (!found.results[0]) throw new Error(`the admin API does not list the portal ${code}`);
      return found.results[0];
    };
    const others: PortalInfo[] = registry.portals.filter((p) => p.code !== commune.code).slice(0, 5);
    let running = true;
    let othersPublished = 0;
    let loopError: Error | undefined;
    const loops = others.map(async (portal, n) => {
      await sleep(n * 400); // spread over the pace
      for (let i = 0; running; i += 1) {
        try {
          await publishIn(url, admin, await refOf(portal.code), `Tin đo tải ${portal.code} ${Date.now()} ${i}`);
          othersPublished += 1;
        } catch (error) {
          loopError ??= error as Error;
          return;
        }
        await sleep(2000); // one publish every ~2 s per portal
      }
    });
    const times: number[] = [];
    const x = await refOf(commune.code);
    const host = commune.domains[0]!;
    try {
      await sleep(2000); // the others are publishing by now
      for (let i = 0; i < 5; i += 1) {
        const { slug, at } = await publishIn(url, admin, x, `Đo thời gian đăng bài ở ${commune.name} ${Date.now()} ${i}`);
        for (let tries = 0; (await statusAt(sitePort, host, `/tin-tuc/${slug}/`)) !== 200; tries += 1) {
          if (tries > 3000) throw new Error(`the published page /tin-tuc/${slug}/ never answered at ${host}`);
          if (loopError) throw loopError;
          await sleep(100);
        }
        times.push((performance.now() - at) / 1000);
      }
    } finally {
      running = false;
      await Promise.all(loops);
    }
    if (loopError) throw loopError;
    const steps = Object.entries(publisher.portal(commune.code)?.lastBuild()?.steps ?? {}).filter(([, t]) => t >= 100).map(([name, t]) => `${name} ${(t / 1000).toFixed(1)} s`).join(', ');
    rows.push([
      `Publish to live in one commune, ${others.length} other portals publishing (${P} portals)`,
      `${median(times).toFixed(1)} s`,
      `median of ${times.length}; best ${sorted(times)[0]!.toFixed(1)} s, worst ${sorted(times).at(-1)!.toFixed(1)} s; meanwhile ${othersPublished} articles published in ${others.map((o) => o.code).join(', ')} (each one every ~2 s); the commune's last build: ${steps}`,
    ]);
  } finally {
    // Stops scheduling (what is pending stays undone); builds under way finish while the CMS still answers.
    phase('stopping: waiting for the builds under way');
    await publisher.close();
    while (publisher.portals().some((code) => publisher.portal(code)?.queue.status().building)) await sleep(200);
    await stopCms();
    server.close();
    phase('done');
  }
}
