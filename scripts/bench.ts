/**
 * `npm run bench [-- --articles N]`: measures the portal on this machine and prints a table.
 * CMS cold and warm start and idle memory; seeding; site builds (time, pages per second, peak
 * memory) for the demo content and for N articles (default 2,000; the closing notes quote
 * 10,000), cold, with nothing changed and with one article edited (Astro's incremental build);
 * publish-to-live latency through the publisher for both;
 * an article page's weight; the public server's throughput beside nginx's on the same release
 * (wrk from Debian, on loopback). Benchmarks are not tests.
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCmsServer, cmsDir, rootDir, strapiArgs } from './lib/cms.ts';
import { astroBuildArgs, siteDir, stagingDir } from './lib/site.ts';
import { startPublisher } from './publisher/publisher.ts';
import { createPublicServer } from './public/server.ts';
import { nginxAvailable, startNginx } from './nginx/run.ts';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '2000' } } });
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) {
  console.error(`--articles must be a positive whole number (got "${values.articles}")`);
  process.exit(2);
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

interface Run {
  seconds: number;
  peakMb: number;
  idleMb?: number;
}

/** Runs a command, sampling its memory; with `healthUrl`, stops it after it answers and idles. */
function measure(args: string[], env: NodeJS.ProcessEnv, cwd: string, healthUrl?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    let peakMb = 0;
    let ready: number | undefined;
    const sampler = setInterval(() => {
      try {
        peakMb = Math.max(peakMb, rssMb(child.pid as number));
      } catch {
        // exited between samples
      }
    }, 100);
    const poll = async () => {
      if (!healthUrl) return;
      for (;;) {
        try {
          if ((await fetch(`${healthUrl}/_health`)).status === 204) break;
        } catch {
          // not up yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      ready = (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 10_000));
      const idleMb = rssMb(child.pid as number);
      child.kill('SIGTERM');
      clearInterval(sampler);
      resolve({ seconds: ready, peakMb, idleMb });
    };
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (!healthUrl) {
        if (code === 0) resolve({ seconds: (performance.now() - started) / 1000, peakMb });
        else reject(new Error(`${args.join(' ')} exited with ${code}`));
      } else if (ready === undefined) reject(new Error(`the CMS exited with ${code} before answering`));
    });
    void poll();
  });
}

/** Starts the CMS in the background and waits until it answers. */
async function startCms(env: NodeJS.ProcessEnv, url: string): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, cmsArgs, { cwd: cmsDir, env: { ...process.env, ...env }, stdio: 'ignore' });
  for (;;) {
    try {
      if ((await fetch(`${url}/_health`)).status === 204) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error('the CMS exited before answering');
    await new Promise((r) => setTimeout(r, 200));
  }
  return () => new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countPages(path.join(dir, entry.name));
    else if (entry.name.endsWith('.html')) n += 1;
  }
  return n;
}

/** Bytes a reader downloads for one article page: HTML (inlined CSS), JS, fonts. */
function articleWeight(client: string): { html: number; gzip: number; css: number; js: number; fonts: number } {
  const slug = readdirSync(path.join(client, 'tin-tuc')).find((d) => d !== 'trang' && !d.endsWith('.html'))!;
  const html = readFileSync(path.join(client, 'tin-tuc', slug, 'index.html'));
  const text = html.toString();
  const css = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  const js = [...text.matchAll(/<script[^>]*src="([^"]+)"/g)].reduce((n, m) => n + statSync(path.join(client, m[1]!)).size, 0)
    + [...text.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  // The latin and vietnamese subsets, regular and bold: what a Vietnamese page loads.
  const fonts = [...new Set([...text.matchAll(/url\((\/_astro\/[^)]+\.woff2)\)/g)].map((m) => m[1]!))].reduce((n, f) => n + statSync(path.join(client, f)).size, 0);
  return { html: html.length, gzip: gzipSync(html).length, css, js, fonts };
}

buildCmsServer();
const dataDir = mkdtempSync(path.join(tmpdir(), 'cong-bench-'));
mkdirSync(path.join(siteDir, '.builds'), { recursive: true });
const buildDir = mkdtempSync(path.join(siteDir, '.builds', 'bench-'));
const port = 39_000 + Math.floor(Math.random() * 1000);
const env = { CMS_DATA_DIR: dataDir, CMS_PORT: String(port), NODE_ENV: 'development' };
const cmsArgs = strapiArgs('start');
const url = `http://127.0.0.1:${port}`;
const rows: Array<[string, string, string]> = [];
const seedArgs = (n?: number) => ['--import', 'tsx', 'scripts/seed.ts', ...(n ? ['--articles', String(n)] : [])];
const astroArgs = astroBuildArgs();

/** Builds the site from the running CMS into a fresh folder and records time, pages/s, memory. */
async function benchSiteBuild(label: string, cache: string): Promise<string> {
  const out = path.join(buildDir, `out-${rows.length}`);
  // Built where the publisher builds (stagingDir: the same folder every time), then moved.
  const staging = stagingDir(out);
  rmSync(staging, { recursive: true, force: true });
  const siteEnv = { CMS_URL: url, CMS_TOKEN_FILE: path.join(dataDir, 'build-token'), SITE_OUT_DIR: staging, SITE_CACHE_DIR: path.join(buildDir, cache), ASTRO_TELEMETRY_DISABLED: '1' };
  const run = await measure(astroArgs, siteEnv, siteDir);
  renameSync(staging, out);
  const pages = countPages(path.join(out, 'client'));
  rows.push([label, `${run.seconds.toFixed(1)} s`, `${pages.toLocaleString('en')} pages, ${(pages / run.seconds).toFixed(0)} pages/s, peak ${run.peakMb.toFixed(0)} MB`]);
  return out;
}

/** Signs in to the running CMS as the generated first admin; headers for its admin API. */
async function adminHeaders(): Promise<Record<string, string>> {
  const creds = readFileSync(path.join(dataDir, 'admin-credentials.txt'), 'utf8');
  const login = (await (await fetch(`${url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: /email: (.*)/.exec(creds)![1], password: /password: (.*)/.exec(creds)![1] }) })).json()) as { data: { token: string } };
  return { authorization: `Bearer ${login.data.token}`, 'content-type': 'application/json' };
}

/** Edits the title of an older article (the second page of the admin list) and publishes it, as an editor fixing a typo. */
async function editOneArticle(): Promise<void> {
  const headers = await adminHeaders();
  const api = `${url}/content-manager/collection-types/api::article.article`;
  const ok = async (res: Response) => {
    if (!res.ok) throw new Error(`the admin API answered ${res.status} to ${res.url}: ${(await res.text()).slice(0, 120)}`);
    return res;
  };
  const list = (await (await ok(await fetch(`${api}?page=2&pageSize=10&sort=id:ASC`, { headers }))).json()) as { results: Array<{ documentId: string; title: string }> };
  const article = list.results[0]!;
  await ok(await fetch(`${api}/${article.documentId}`, { method: 'PUT', headers, body: JSON.stringify({ title: `${article.title} (đã sửa)` }) }));
  await ok(await fetch(`${api}/${article.documentId}/actions/publish`, { method: 'POST', headers, body: '{}' }));
}

/**
 * Publish-to-live: publishes `count` articles one after another through the admin API (as an
 * editor's Publish button does) and times each until the public server answers its page.
 */
async function benchPublishLatency(label: string, count: number): Promise<void> {
  const root = path.join(buildDir, `publish-${rows.length}`);
  const secret = randomBytes(16).toString('hex');
  const publisher = await startPublisher({
    host: '127.0.0.1', port: 0, secret, root, keep: 2, cmsUrl: url,
    token: readFileSync(path.join(dataDir, 'build-token'), 'utf8').trim(), siteUrl: 'http://127.0.0.1',
    quietMs: 750, maxWaitMs: 30_000, reconcileMs: 0, log: () => {},
  });
  const server = createPublicServer(root);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const site = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const stop = await startCms({ ...env, PUBLISHER_URL: publisher.url, WEBHOOK_SECRET: secret }, url);
  try {
    await publisher.reconcile(); // the first release
    await publisher.queue.idle();
    const headers = await adminHeaders();
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const created = (await (await fetch(`${url}/content-manager/collection-types/api::article.article`, { method: 'POST', headers, body: JSON.stringify({ title: `Đo thời gian đăng bài ${Date.now()} ${i}`, body: 'Nội dung đo.' }) })).json()) as { data: { documentId: string; slug: string } };
      const t0 = performance.now();
      await fetch(`${url}/content-manager/collection-types/api::article.article/${created.data.documentId}/actions/publish`, { method: 'POST', headers, body: '{}' });
      for (let tries = 0; (await fetch(`${site}/tin-tuc/${created.data.slug}/`)).status !== 200; tries += 1) {
        if (tries > 3000) throw new Error('the published page never appeared');
        await new Promise((r) => setTimeout(r, 100));
      }
      times.push((performance.now() - t0) / 1000);
      await publisher.queue.idle();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const steps = Object.entries(publisher.lastBuild()?.steps ?? {}).filter(([, ms]) => ms >= 100).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ');
    rows.push([label, `${median.toFixed(1)} s`, `median of ${count}; best ${times[0]!.toFixed(1)} s, worst ${times[times.length - 1]!.toFixed(1)} s; last build: ${steps}`]);
  } finally {
    await stop();
    await publisher.close();
    server.close();
  }
}

/** Runs one measurement; a failure becomes a row of the table instead of ending the benchmark. */
async function guarded(label: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    rows.push([label, 'failed', (error as Error).message.slice(0, 160)]);
  }
}

/** wrk against `target` for 10 s (asynchronously: the public server runs in this process): requests per second and p99 latency. */
async function wrk(target: string, method = 'GET'): Promise<{ rps: number; p99: string; errors: string }> {
  const script = path.join(buildDir, `wrk-${method}.lua`);
  writeFileSync(script, `wrk.method = "${method}"\n`);
  const { stdout: out } = await promisify(execFile)('wrk', ['-t2', '-c64', '-d10s', '--latency', '-s', script, '-H', 'Accept-Encoding: br, gzip', target], { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const p99 = /\s99%\s+([\d.]+\w+)/.exec(out)?.[1] ?? '?';
  const errors = /Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)/.exec(out)?.[0] ?? 'no errors';
  return { rps, p99, errors };
}

/** Throughput of the public server and of nginx in front of it, serving the release `out`. */
async function benchThroughput(out: string): Promise<void> {
  if (!existsSync('/usr/bin/wrk')) {
    rows.push(['Throughput', 'skipped', 'wrk is missing: apt-get install wrk']);
    return;
  }
  const root = path.join(buildDir, 'throughput');
  mkdirSync(root, { recursive: true });
  symlinkSync(out, path.join(root, 'current'));
  // wrk is one address with 64 connections: the per-address limits would answer most of its
  // requests with 429, so they are raised here to measure the routes themselves.
  const server = createPublicServer(root, {
    env: { READER_DB: path.join(buildDir, 'reader.db'), STATS_LIMIT: String(1e9) },
    limits: { perAddress: 1_000 },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const publicUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const slug = readdirSync(path.join(out, 'client', 'tin-tuc')).find((d) => d !== 'trang' && !d.endsWith('.html'))!;
  // wrk sends no cookie and one user agent: every POST is the same visitor, as a bot would be.
  const targets: Array<[string, string, string]> = [
    ['article page', `/tin-tuc/${slug}/`, 'GET'],
    ['statistics, read (GET /api/thong-ke/)', '/api/thong-ke/', 'GET'],
    ['statistics, count a visit (POST /api/thong-ke/)', '/api/thong-ke/', 'POST'],
  ];
  const measureAll = async (name: string, base: string) => {
    for (const [what, urlPath, method] of targets) {
      const r = await wrk(`${base}${urlPath}`, method);
      rows.push([`Throughput, ${name}, ${what}`, `${Math.round(r.rps).toLocaleString('en')} req/s`, `p99 ${r.p99}; ${r.errors}; wrk 2 threads, 64 connections, 10 s, br/gzip accepted`]);
    }
  };
  try {
    await fetch(`${publicUrl}/api/thong-ke/`); // start the release's on-demand worker
    await measureAll('public server (Node)', publicUrl);
    if (nginxAvailable().nginx) {
      // wrk is one address: without limit_req off, nginx would answer it 429 (10 per second per address).
      const nginx = await startNginx({ port: port + 1, releasesDir: root, upstream: publicUrl.replace('http://', ''), workers: 2, onDemandLimit: null });
      try {
        await measureAll('nginx in front (deploy/nginx, limit_req off)', nginx.url);
      } finally {
        await nginx.stop();
      }
    } else rows.push(['Throughput, nginx', 'skipped', 'nginx is missing: apt-get install nginx libnginx-mod-http-brotli-static']);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

try {
  const cold = await measure(cmsArgs, env, cmsDir, url);
  rows.push(['CMS cold start (new SQLite database) to /_health', `${cold.seconds.toFixed(1)} s`, `idle ${cold.idleMb?.toFixed(0)} MB RSS`]);
  const warm = await measure(cmsArgs, env, cmsDir, url);
  rows.push(['CMS warm start to /_health', `${warm.seconds.toFixed(1)} s`, `idle ${warm.idleMb?.toFixed(0)} MB RSS`]);

  const demo = await measure(seedArgs(), env, rootDir);
  rows.push(['Seed the demo portal', `${demo.seconds.toFixed(1)} s`, `peak ${demo.peakMb.toFixed(0)} MB`]);
  let stop = await startCms(env, url);
  const demoOut = await benchSiteBuild('Site build, demo content (cold)', 'cache-demo');
  await benchSiteBuild('Site build, demo content (nothing changed)', 'cache-demo');
  const w = articleWeight(path.join(demoOut, 'client'));
  await stop();
  await guarded('Throughput', () => benchThroughput(demoOut));
  await guarded('Publish to live, demo content', () => benchPublishLatency('Publish to live, demo content', 5));
  stop = await startCms(env, url);
  rows.push(['Article page weight', `${((w.html + w.js + w.fonts) / 1024).toFixed(1)} KB`, `HTML ${(w.html / 1024).toFixed(1)} KB (${(w.gzip / 1024).toFixed(1)} KB gzip, CSS ${(w.css / 1024).toFixed(1)} KB inlined), JS ${(w.js / 1024).toFixed(1)} KB, fonts ${(w.fonts / 1024).toFixed(1)} KB`]);
  await stop();

  const seed = await measure(seedArgs(articles), env, rootDir);
  rows.push([`Seed to ${articles.toLocaleString('en')} published articles (SQLite)`, `${seed.seconds.toFixed(1)} s`, `${(articles / seed.seconds).toFixed(0)} articles/s, peak ${seed.peakMb.toFixed(0)} MB`]);
  const rerun = await measure(seedArgs(articles), env, rootDir);
  rows.push(['Seed again (idempotent, nothing to do)', `${rerun.seconds.toFixed(1)} s`, `peak ${rerun.peakMb.toFixed(0)} MB`]);
  stop = await startCms(env, url);
  await benchSiteBuild(`Site build, ${articles.toLocaleString('en')} articles (cold)`, 'cache-large');
  await benchSiteBuild(`Site build, ${articles.toLocaleString('en')} articles (nothing changed)`, 'cache-large');
  await guarded(`Site build, ${articles.toLocaleString('en')} articles (one article edited)`, async () => {
    await editOneArticle();
    await benchSiteBuild(`Site build, ${articles.toLocaleString('en')} articles (one article edited)`, 'cache-large');
  });
  await stop();
  await guarded(`Publish to live, ${articles.toLocaleString('en')} articles`, () => benchPublishLatency(`Publish to live, ${articles.toLocaleString('en')} articles`, 3));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
}
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['measure', 'time', 'notes'][i]!.length));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`\nCổng benchmark (${new Date().toISOString()}, node ${process.version})\n`);
console.log(line(['measure', 'time', 'notes']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
