/**
 * `npm run bench [-- --articles N]`: measures the CMS on this machine and prints a table.
 * Cold start (first boot: migrations, bootstrap, seed marker), warm start, idle memory, and seeding
 * N articles (default 2,000; the closing notes quote 10,000). Benchmarks are not tests.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCmsServer, cmsDir, rootDir } from './lib/cms.ts';

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

buildCmsServer();
const dataDir = mkdtempSync(path.join(tmpdir(), 'cong-bench-'));
const port = 39_000 + Math.floor(Math.random() * 1000);
const env = { CMS_DATA_DIR: dataDir, CMS_PORT: String(port), NODE_ENV: 'development' };
const strapiBin = path.join(rootDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const cmsArgs = [strapiBin, 'start'];
const url = `http://127.0.0.1:${port}`;
const rows: Array<[string, string, string]> = [];

try {
  const cold = await measure(cmsArgs, env, cmsDir, url);
  rows.push(['CMS cold start (new SQLite database) to /_health', `${cold.seconds.toFixed(1)} s`, `idle ${cold.idleMb?.toFixed(0)} MB RSS`]);
  const warm = await measure(cmsArgs, env, cmsDir, url);
  rows.push(['CMS warm start to /_health', `${warm.seconds.toFixed(1)} s`, `idle ${warm.idleMb?.toFixed(0)} MB RSS`]);
  // One process (node --import tsx), so the memory sampled is the seed's own.
  const seedArgs = ['--import', 'tsx', 'scripts/seed.ts', '--articles', String(articles)];
  const seed = await measure(seedArgs, env, rootDir);
  rows.push([`Seed to ${articles.toLocaleString('en')} published articles (SQLite)`, `${seed.seconds.toFixed(1)} s`, `${(articles / seed.seconds).toFixed(0)} articles/s, peak ${seed.peakMb.toFixed(0)} MB`]);
  const rerun = await measure(seedArgs, env, rootDir);
  rows.push(['Seed again (idempotent, nothing to do)', `${rerun.seconds.toFixed(1)} s`, `peak ${rerun.peakMb.toFixed(0)} MB`]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['measure', 'time', 'notes'][i]!.length));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`\nCổng benchmark (${new Date().toISOString()}, node ${process.version})\n`);
console.log(line(['measure', 'time', 'notes']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
