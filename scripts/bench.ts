/**
 * `npm run bench [-- --articles N]`: measures the portal on this machine and prints a table.
 * CMS cold and warm start and idle memory; seeding; site builds (time, pages per second, peak
 * memory of the process tree, and what the build says of its content sync, prerendering and
 * Pagefind steps) for the demo content and for N articles (default 2,000; issue 15's table is
 * measured at 10,000 and 50,000), cold (a plain `astro build` of the site, search index included),
 * with nothing changed and with one article edited (Astro's incremental build, warm cache);
 * publish-to-live of one article through the publisher and the public server for both (median
 * and worst of 5, the path each publish took and where the median one's time went), and at N
 * articles 20 publishes within 10 s (the time from the last until all 20 pages are live);
 * an article page's weight; the public server's throughput beside nginx's on the same release
 * (wrk from Debian, on loopback). With `--documents N`: seeding to N published documents (văn bản)
 * and the site builds at that volume; `--only documents` measures only that (after the demo's seed).
 * `--only publish` measures only publish-to-live (and the burst) at N articles; with `--reuse DIR`
 * the CMS's data (in DIR) and the publisher's releases (in site/.builds/bench-reuse-<hash of DIR>) are
 * kept from one run to the next (seeded and built the first time only: a run at 50,000 articles is
 * then minutes, not half an hour).
 * With `--portals P [--articles-per-portal A]` (issue 14) only the many-portals mode runs
 * (bench/portals.ts): P portals seeded with A articles each, all built by the publisher, CMS reads
 * with their data, and publish-to-live in one commune while others publish.
 * Benchmarks are not tests.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCmsServer, cmsDir, rootDir } from './lib/cms.ts';
import { siteDir } from './lib/site.ts';
import { cmsArgs, editOneArticle, measure, startCms } from './bench/cms.ts';
import { guarded, type Bench } from './bench/context.ts';
import { benchThroughput } from './bench/http-load.ts';
import { benchPublishLatency } from './bench/publish.ts';
import { articleWeight, benchSiteBuild } from './bench/site-build.ts';
import { benchDocuments } from './bench/documents.ts';
import { benchPortals, parsePortalOptions } from './bench/portals.ts';

let parsed;
try {
  parsed = parseArgs({ options: { articles: { type: 'string' }, documents: { type: 'string' }, only: { type: 'string' }, reuse: { type: 'string' }, portals: { type: 'string' }, 'articles-per-portal': { type: 'string' } } });
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm run bench [-- --articles N [--only publish [--reuse DIR]]] [--documents N [--only documents]] | npm run bench -- --portals P [--articles-per-portal A]`);
  process.exit(2);
}
const { values } = parsed;
const portalOptions = parsePortalOptions(values);
if (typeof portalOptions === 'string') {
  console.error(portalOptions);
  process.exit(2);
}
if (portalOptions && (values.articles !== undefined || values.documents !== undefined || values.only !== undefined)) {
  console.error('--portals runs only the many-portals benchmark: leave out --articles, --documents and --only (or run them without --portals)');
  process.exit(2);
}
const articles = Number(values.articles ?? '2000');
if (!Number.isInteger(articles) || articles < 1) {
  console.error(`--articles must be a positive whole number (got "${values.articles}")`);
  process.exit(2);
}
const documents = values.documents === undefined ? 0 : Number(values.documents);
if (!Number.isInteger(documents) || documents < 0) {
  console.error(`--documents must be a whole number (got "${values.documents}")`);
  process.exit(2);
}
if (values.only !== undefined && !(values.only === 'documents' && documents > 0) && values.only !== 'publish') {
  console.error('--only takes "documents" (with --documents N) or "publish" (with --articles N)');
  process.exit(2);
}

if (values.reuse !== undefined && values.only !== 'publish') {
  console.error('--reuse DIR keeps the data of `--only publish` between runs: add --only publish');
  process.exit(2);
}

buildCmsServer();
const reuse = values.reuse === undefined ? null : path.resolve(values.reuse);
const seededFile = reuse === null ? null : path.join(reuse, 'cms', 'seeded');
const seeded = seededFile !== null && existsSync(seededFile);
if (seeded && readFileSync(seededFile!, 'utf8').trim() !== String(articles)) {
  console.error(`--reuse ${reuse} holds a CMS seeded to ${readFileSync(seededFile!, 'utf8').trim()} articles, not ${articles}: use another folder (or delete this one)`);
  process.exit(2);
}
// Strapi's upload provider wants its folder before the CMS's own start-up would make it.
if (reuse) for (const dir of ['cms', 'public/uploads']) mkdirSync(path.join(reuse, dir), { recursive: true });
const dataDir = reuse ? path.join(reuse, 'cms') : mkdtempSync(path.join(tmpdir(), 'cong-bench-'));
mkdirSync(path.join(siteDir, '.builds'), { recursive: true });
// Builds stay inside the project (a built server resolves its packages from there); a kept one is named after DIR.
const buildDir = reuse ? path.join(siteDir, '.builds', `bench-reuse-${createHash('sha256').update(reuse).digest('hex').slice(0, 8)}`) : mkdtempSync(path.join(siteDir, '.builds', 'bench-'));
if (reuse) mkdirSync(buildDir, { recursive: true });
// With --reuse the same port every run: the kept release was built from this CMS URL, and another one
// would make its first measured publish a full build ("the build setting cmsUrl changed").
const port = reuse ? 39_000 + (parseInt(createHash('sha256').update(`port:${reuse}`).digest('hex').slice(0, 6), 16) % 1000) : 39_000 + Math.floor(Math.random() * 1000);
// A kept CMS keeps its uploads too (by default they go to the tree's cms/public/uploads).
const env = { CMS_DATA_DIR: dataDir, CMS_PORT: String(port), NODE_ENV: 'development', ...(reuse ? { CMS_PUBLIC_DIR: path.join(reuse, 'public') } : {}) };
const url = `http://127.0.0.1:${port}`;
const rows: Bench['rows'] = [];
const seedArgs = (n?: number) => ['--import', 'tsx', 'scripts/seed.ts', '--one-portal', ...(n ? ['--articles', String(n)] : [])];
const bench: Bench = { url, port, env, dataDir, buildDir, rows };

try {
  if (portalOptions) {
    await guarded(rows, `Portals, ${portalOptions.portals} × ${portalOptions.articlesPerPortal} articles`, () => benchPortals(bench, portalOptions));
  } else if (values.only === 'publish') {
    // Only publish-to-live at N articles (the publish bench builds its own first release).
    const n = articles.toLocaleString('en');
    if (seeded) {
      rows.push([`Seed to ${n} published articles (SQLite)`, 'kept', `the CMS data of an earlier run in ${dataDir} (--reuse): not seeded again`]);
    } else {
      await measure(seedArgs(), env, rootDir);
      const seed = await measure(seedArgs(articles), env, rootDir);
      rows.push([`Seed to ${n} published articles (SQLite)`, `${seed.seconds.toFixed(1)} s`, `${(articles / seed.seconds).toFixed(0)} articles/s, peak ${seed.peakMb.toFixed(0)} MB`]);
      if (reuse) writeFileSync(path.join(dataDir, 'seeded'), `${articles}\n`);
    }
    await guarded(rows, `Publish to live, one article, ${n} articles`, () => benchPublishLatency(bench, {
      label: `Publish to live, one article, ${n} articles`,
      count: 5,
      burst: { count: 20, label: `20 publishes within 10 s, ${n} articles` },
      edit: { label: `Publish to live, an old article's title corrected, ${n} articles` },
    }));
  } else if (values.only === 'documents') {
    const demo = await measure(seedArgs(), env, rootDir);
    rows.push(['Seed the demo portal', `${demo.seconds.toFixed(1)} s`, `peak ${demo.peakMb.toFixed(0)} MB`]);
    await benchDocuments(bench, documents);
  } else {
    const cold = await measure(cmsArgs, env, cmsDir, url);
    rows.push(['CMS cold start (new SQLite database) to /_health', `${cold.seconds.toFixed(1)} s`, `idle ${cold.idleMb?.toFixed(0)} MB RSS`]);
    const warm = await measure(cmsArgs, env, cmsDir, url);
    rows.push(['CMS warm start to /_health', `${warm.seconds.toFixed(1)} s`, `idle ${warm.idleMb?.toFixed(0)} MB RSS`]);

    const demo = await measure(seedArgs(), env, rootDir);
    rows.push(['Seed the demo portal', `${demo.seconds.toFixed(1)} s`, `peak ${demo.peakMb.toFixed(0)} MB`]);
    let stop = await startCms(env, url);
    const demoOut = await benchSiteBuild(bench, 'Site build, demo content (cold)', 'cache-demo');
    await benchSiteBuild(bench, 'Site build, demo content (nothing changed)', 'cache-demo');
    const w = articleWeight(path.join(demoOut, 'client'));
    await stop();
    await guarded(rows, 'Throughput', () => benchThroughput(bench, demoOut));
    await guarded(rows, 'Publish to live, one article, demo content', () => benchPublishLatency(bench, { label: 'Publish to live, one article, demo content', count: 5 }));
    stop = await startCms(env, url);
    rows.push(['Article page weight', `${((w.html + w.js + w.fonts) / 1024).toFixed(1)} KB`, `HTML ${(w.html / 1024).toFixed(1)} KB (${(w.gzip / 1024).toFixed(1)} KB gzip, CSS ${(w.css / 1024).toFixed(1)} KB inlined), JS ${(w.js / 1024).toFixed(1)} KB, fonts ${(w.fonts / 1024).toFixed(1)} KB`]);
    await stop();

    const seed = await measure(seedArgs(articles), env, rootDir);
    rows.push([`Seed to ${articles.toLocaleString('en')} published articles (SQLite)`, `${seed.seconds.toFixed(1)} s`, `${(articles / seed.seconds).toFixed(0)} articles/s, peak ${seed.peakMb.toFixed(0)} MB`]);
    const rerun = await measure(seedArgs(articles), env, rootDir);
    rows.push(['Seed again (idempotent, nothing to do)', `${rerun.seconds.toFixed(1)} s`, `peak ${rerun.peakMb.toFixed(0)} MB`]);
    const n = articles.toLocaleString('en');
    stop = await startCms(env, url);
    await benchSiteBuild(bench, `Full build with search index, ${n} articles, cold (fresh cache)`, 'cache-large', 'also the plain `astro build` of the same site: the full build is exactly `astro build` (content sync, prerendering, Pagefind in its hooks)');
    await benchSiteBuild(bench, `Full build with search index, ${n} articles, nothing changed`, 'cache-large');
    await guarded(rows, `Full build with search index, ${n} articles, one article edited (warm cache)`, async () => {
      await editOneArticle(bench);
      await benchSiteBuild(bench, `Full build with search index, ${n} articles, one article edited (warm cache)`, 'cache-large');
    });
    await stop();
    await guarded(rows, `Publish to live, one article, ${n} articles`, () => benchPublishLatency(bench, {
      label: `Publish to live, one article, ${n} articles`,
      count: 5,
      burst: { count: 20, label: `20 publishes within 10 s, ${n} articles` },
      edit: { label: `Publish to live, an old article's title corrected, ${n} articles` },
    }));
    if (documents > 0) await guarded(rows, `Documents, ${documents.toLocaleString('en')}`, () => benchDocuments(bench, documents));
  }
} finally {
  if (!reuse) {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  }
}
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['measure', 'time', 'notes'][i]!.length));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`\nCổng benchmark (${new Date().toISOString()}, node ${process.version})\n`);
console.log(line(['measure', 'time', 'notes']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
