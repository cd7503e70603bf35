/**
 * The benchmark's CMS part: running a command while sampling its memory (cold and warm starts to
 * /_health, seeding, site builds), starting the CMS in the background, and its admin API (signing
 * in, editing an article as an editor would).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cmsDir, strapiArgs } from '../lib/cms.ts';
import { waitForHealth } from '../lib/health.ts';
import type { Bench } from './context.ts';

/** `strapi start`, as the benchmark runs the CMS. */
export const cmsArgs = strapiArgs('start');

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Resident memory (MB) of a process and all its descendants (a build's Pagefind binary, a seed's Strapi), from /proc (Linux). */
export function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // gone between the listing and the read
    }
  }
  let kb = 0;
  const todo = [rootPid];
  while (todo.length > 0) {
    const pid = todo.pop()!;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // exited
    }
    todo.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

export interface Run {
  seconds: number;
  /** Peak resident memory of the command's whole process tree. */
  peakMb: number;
  idleMb?: number;
  /** What it printed (stdout and stderr), with `capture`. */
  output?: string;
}

/**
 * Runs a command, sampling the memory of its process tree; with `healthUrl`, stops it after it
 * answers and idles; with `capture`, keeps what it prints (stdout and stderr) instead of passing
 * stderr through.
 */
export function measure(args: string[], env: NodeJS.ProcessEnv, cwd: string, healthUrl?: string, { capture = false } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', capture ? 'pipe' : 'ignore', capture ? 'pipe' : 'inherit'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peakMb = 0;
    let ready: number | undefined;
    const sampler = setInterval(() => {
      try {
        peakMb = Math.max(peakMb, treeRssMb(child.pid as number));
      } catch {
        // exited between samples
      }
    }, 100);
    const poll = async () => {
      if (!healthUrl) return;
      await waitForHealth(healthUrl, { intervalMs: 100 });
      ready = (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 10_000));
      const idleMb = rssMb(child.pid as number);
      child.kill('SIGTERM');
      clearInterval(sampler);
      resolve({ seconds: ready, peakMb, idleMb });
    };
    child.on('error', reject);
    child.on(capture ? 'close' : 'exit', (code) => {
      clearInterval(sampler);
      if (!healthUrl) {
        if (code === 0) resolve({ seconds: (performance.now() - started) / 1000, peakMb, ...(capture ? { output } : {}) });
        else reject(new Error(`${args.join(' ')} exited with ${code}${capture ? `: ${output.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}` : ''}`));
      } else if (ready === undefined) reject(new Error(`the CMS exited with ${code} before answering`));
    });
    void poll();
  });
}

/** Starts the CMS in the background and waits until it answers. */
export async function startCms(env: NodeJS.ProcessEnv, url: string): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, cmsArgs, { cwd: cmsDir, env: { ...process.env, ...env }, stdio: 'ignore' });
  if (!(await waitForHealth(url, { intervalMs: 200, giveUp: () => child.exitCode !== null }))) throw new Error('the CMS exited before answering');
  return () => new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Signs in to the running CMS as the generated first admin; headers for its admin API. */
export async function adminHeaders({ url, dataDir }: Bench): Promise<Record<string, string>> {
  const creds = readFileSync(path.join(dataDir, 'admin-credentials.txt'), 'utf8');
  const login = (await (await fetch(`${url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: /email: (.*)/.exec(creds)![1], password: /password: (.*)/.exec(creds)![1] }) })).json()) as { data: { token: string } };
  return { authorization: `Bearer ${login.data.token}`, 'content-type': 'application/json' };
}

/** Edits the title of an older article (the second page of the admin list) and publishes it, as an editor fixing a typo. */
export async function editOneArticle(bench: Bench): Promise<void> {
  const { url } = bench;
  const headers = await adminHeaders(bench);
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
