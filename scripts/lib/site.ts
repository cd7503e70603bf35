/**
 * Building the public site from scripts and tests: `astro build` against a running CMS.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { rootDir } from './cms.ts';

/** The site's folder. */
export const siteDir = path.join(rootDir, 'site');

/**
 * The heap `astro build` may grow to, in MB: Node's default (about 4 GB on this kind of server), or
 * half the machine's memory when that is more. At 50,000 articles the build's heap passed 3 GB
 * and the default limit ended it ("JavaScript heap out of memory") after every page was rendered.
 * An operator's own --max-old-space-size in NODE_OPTIONS is left as it is.
 */
export function astroHeapMb(env: NodeJS.ProcessEnv = process.env): number | null {
  if (/--max-old-space-size/.test(env.NODE_OPTIONS ?? '')) return null;
  const defaultMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
  return Math.max(defaultMb, Math.floor(totalmem() / 2 ** 20 / 2));
}

/** Node's flag for that heap (none when NODE_OPTIONS sets one): for `astro build` and the fast path's worker. */
export const nodeHeapArgs = (): string[] => {
  const heap = astroHeapMb();
  return heap ? [`--max-old-space-size=${heap}`] : [];
};

/** `astro build` of the site, as arguments to this process's Node.js (Astro 6 moved its CLI to bin/astro.mjs). */
export const astroBuildArgs = (): string[] => [...nodeHeapArgs(), path.join(rootDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', siteDir];

/** A failed `astro build`; `output` holds everything it printed. */
export class SiteBuildError extends Error {
  override name = 'SiteBuildError';
  constructor(message: string, readonly output: string) {
    super(message);
  }
}

/** A build stopped on purpose (its `signal` aborted): nothing failed, nothing was published. */
export class SiteBuildStopped extends SiteBuildError {
  override name = 'SiteBuildStopped';
}

/**
 * Where a build into `out` is written first: one fixed folder beside it. Astro writes the output
 * folder's absolute path into its image module (`astro:assets`), and the incremental build's
 * page hashes cover that module: building each release in a folder of its own would render every
 * page again. So every release is built in the same place and then moved to its own folder.
 */
export function stagingDir(out: string): string {
  return path.join(path.dirname(path.resolve(out)), '.building');
}

/**
 * Takes the staging folder for this process: `<staging>.lock` holds its pid. Two builds of the same
 * releases folder (`npm run release` while the publisher builds) would delete and move each
 * other's output, so the second is refused with what to do; a lock whose process is gone is
 * taken over. Returns the release of the lock.
 */
export function acquireBuildLock(staging: string): () => void {
  const lock = `${staging}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new SiteBuildError(`Another build (process ${holder}) is writing to ${staging}: wait for it to finish, or stop it, before building into this releases folder again.`, '');
      }
      rmSync(lock, { force: true }); // its process is gone: take it over
    }
  }
  throw new SiteBuildError(`Could not take the build lock ${lock}: remove it if no build is running.`, '');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `astro build` into env.SITE_OUT_DIR (through stagingDir()); resolves with its duration in
 * seconds and its output, rejects with a SiteBuildError and leaves SITE_OUT_DIR as it was. When
 * `signal` aborts, the build is stopped (SIGTERM) and it rejects with a SiteBuildStopped.
 */
export async function buildSite(env: NodeJS.ProcessEnv, log: (m: string) => void = () => {}, onSpawn?: (pid: number) => void, signal?: AbortSignal): Promise<{ seconds: number; output: string }> {
  const started = performance.now();
  const out = env.SITE_OUT_DIR;
  const staging = out ? stagingDir(out) : undefined;
  const release = staging ? acquireBuildLock(staging) : () => {};
  try {
    // A build that was killed leaves its staging folder: start clean.
    if (staging) rmSync(staging, { recursive: true, force: true });
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, astroBuildArgs(), {
        // NO_COLOR: the output goes to logs and /status, not a terminal (Astro colours it under CI=true).
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env, ...(staging ? { SITE_OUT_DIR: staging } : {}) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      if (child.pid !== undefined) onSpawn?.(child.pid);
      const stop = () => child.kill('SIGTERM');
      if (signal?.aborted) stop();
      else signal?.addEventListener('abort', stop, { once: true });
      let text = '';
      const collect = (chunk: Buffer) => {
        text += chunk.toString();
        for (const line of chunk.toString().split('\n')) if (/\[(cong-|build\] (Complete|✓))|articles:|error/i.test(line)) log(line.trim());
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', (error) => reject(new SiteBuildError(`astro build could not start: ${error.message}`, text)));
      // 'close', not 'exit': the last lines of its output are read by then.
      child.on('close', (code) => {
        signal?.removeEventListener('abort', stop);
        if (signal?.aborted) reject(new SiteBuildStopped(`astro build was stopped: ${String(signal.reason ?? 'aborted')}`, text));
        else if (code === 0) resolve(text);
        else reject(new SiteBuildError(`astro build failed (exit ${code}):\n${text.split('\n').slice(-30).join('\n')}`, text));
      });
    });
    if (out && staging) {
      try {
        rmSync(out, { recursive: true, force: true });
        renameSync(staging, out);
      } catch (error) {
        throw new SiteBuildError(`The build succeeded but could not be moved from ${staging} to ${out}: ${(error as Error).message}. Check that both are on the same disk and writable.`, output);
      }
    }
    return { seconds: (performance.now() - started) / 1000, output };
  } catch (error) {
    if (staging) rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}
