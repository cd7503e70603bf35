/**
 * The benchmark's HTTP load part: wrk (from Debian, on loopback) against the public server and
 * against nginx in front of it, on the same release: requests per second and p99 latency.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createPublicServer } from '../public/server.ts';
import { nginxAvailable, startNginx } from '../nginx/run.ts';
import type { Bench } from './context.ts';

/** wrk against `target` for 10 s (asynchronously: the public server runs in this process): requests per second and p99 latency. */
export async function wrk(buildDir: string, target: string, method = 'GET'): Promise<{ rps: number; p99: string; errors: string }> {
  const script = path.join(buildDir, `wrk-${method}.lua`);
  writeFileSync(script, `wrk.method = "${method}"\n`);
  const { stdout: out } = await promisify(execFile)('wrk', ['-t2', '-c64', '-d10s', '--latency', '-s', script, '-H', 'Accept-Encoding: br, gzip', target], { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0);
  const p99 = /\s99%\s+([\d.]+\w+)/.exec(out)?.[1] ?? '?';
  const errors = /Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)/.exec(out)?.[0] ?? 'no errors';
  return { rps, p99, errors };
}

/** Throughput of the public server and of nginx in front of it, serving the release `out`. */
export async function benchThroughput({ port, buildDir, rows }: Bench, out: string): Promise<void> {
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
      const r = await wrk(buildDir, `${base}${urlPath}`, method);
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
