/**
 * The fast path's side in the publisher (issue 15): runs the worker (worker.ts) in a child process
 * on the portal's build settings, into a new release folder, and says what it did or why a full
 * build must publish instead. A child process, as `astro build` is one: the compiled pages, the
 * content store and Pagefind stay out of the publisher (and, under `npm start`, out of the public
 * server's event loop), and a crash costs only this publish's attempt.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteDir } from '../../lib/site.ts';
import type { FastJob, FastOutcome } from './worker.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** A failed fast path: its output says why; the publisher then builds in full. */
export class FastPathError extends Error {
  override name = 'FastPathError';
  constructor(message: string, readonly output: string) {
    super(message);
  }
}

/** How long a fast publish may take before it is stopped and a full build publishes instead. */
const TIMEOUT_MS = 10 * 60_000;

/** Runs the worker for `job` with the build environment `env`; `log` gets its progress lines, `onSpawn` its pid. */
export function runFastPath(job: Omit<FastJob, 'resultFile'>, env: NodeJS.ProcessEnv, log: (line: string) => void, onSpawn?: (pid: number) => void): Promise<{ outcome: FastOutcome; output: string }> {
  // Not in the releases folder (anything there is a release) nor in the new release (removed when a full build must publish).
  const resultFile = path.join(tmpdir(), `cong-fast-${path.basename(job.target)}-${process.pid}.json`);
  const finished = (result: { outcome: FastOutcome; output: string } | FastPathError) => {
    rmSync(resultFile, { force: true });
    return result;
  };
  return new Promise<{ outcome: FastOutcome; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      cwd: path.dirname(siteDir),
      env: {
        ...process.env,
        NO_COLOR: '1',
        ...env,
        CONG_SITE_DIR: siteDir,
        CONG_FAST_JOB: JSON.stringify({ ...job, resultFile } satisfies FastJob),
        // Node's on-disk cache of compiled code: the worker and the compiled pages it loads start faster from the second publish.
        ...(env.SITE_CACHE_DIR ? { NODE_COMPILE_CACHE: path.join(env.SITE_CACHE_DIR, 'node-compile-cache') } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) onSpawn?.(child.pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (/^\w+: \d+ ms$|error|warn/i.test(line.trim())) log(line.trim());
    });
    child.on('error', (error) => reject(new FastPathError(`the fast path could not start: ${error.message}`, output)));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new FastPathError(`the fast path took more than ${TIMEOUT_MS / 60_000} minutes and was stopped`, output));
        return;
      }
      if (code === 0) {
        try {
          resolve(finished({ outcome: JSON.parse(readFileSync(resultFile, 'utf8')) as FastOutcome, output }) as { outcome: FastOutcome; output: string });
        } catch (error) {
          reject(finished(new FastPathError(`the fast path left no readable outcome (${(error as Error).message})`, output)));
        }
        return;
      }
      // The error's own line (its stack follows it).
      const lines = output.trim().split('\n').filter((l) => l.trim() && !/^\s+at /.test(l));
      const reason = lines.at(-1) ?? `exit code ${code}`;
      reject(finished(new FastPathError(`the fast path failed: ${reason}`, output)));
    });
  });
}
