/**
 * The fast path's side in the publisher (issue 15): hands each fast publish to a worker process
 * (worker.ts) on the portal's build settings, into a new release folder, and says what it did or
 * why a full build must publish instead. A child process, as `astro build` is one: the compiled
 * pages, the content store and Pagefind stay out of the publisher (and, under `npm start`, out of
 * the public server's event loop), and a crash costs only this publish's attempt.
 *
 * The worker stays warm for the portal's next publish (FAST_WORKER_IDLE_MS): starting Node with
 * the worker's modules and loading the compiled pages took ~1.2 s of each publish at 10,000
 * articles. One worker per portal (release folder), for one renderer and one build environment:
 * when the live release was built with other pages or the settings changed, it is replaced.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeHeapArgs, siteDir } from '../../lib/site.ts';
import { bundleLink, type FastJob, type FastOutcome, type WorkerAnswer, type WorkerRequest } from './protocol.ts';

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

/** How long a worker waits for its portal's next publish (FAST_WORKER_IDLE_MS): the default. */
export const FAST_WORKER_IDLE_MS = 10 * 60_000;

interface Worker {
  child: ChildProcess;
  /** What it was started for: the build environment and the live release's renderer. */
  identity: string;
  cacheDir: string | undefined;
  idle: NodeJS.Timeout | undefined;
  /** Ends after its job (the publisher stops). */
  retire: boolean;
  /** The job running now: its output so far and how it ends. */
  current: { output: string; log: (line: string) => void; settle: (answer: WorkerAnswer | { exit: string }) => void } | null;
}

/** The warm worker of each portal, by its release folder; the most recently used last. */
const workers = new Map<string, Worker>();

/**
 * The most workers kept at once (each holds its portal's compiled pages and content: ~150 MB for a
 * commune, ~1 GB at 10,000 articles): an install of a hundred communes would otherwise keep a
 * process per portal that published in the last FAST_WORKER_IDLE_MS. One worker per 4 GB of
 * memory, at least two; the least recently used idle one makes way for a new one.
 */
export const MAX_FAST_WORKERS = Math.max(2, Math.floor(totalmem() / 2 ** 30 / 4));

/** Marks `key`'s worker the most recently used, and stops the least recently used idle ones beyond MAX_FAST_WORKERS. */
function touch(key: string, worker: Worker): void {
  workers.delete(key);
  workers.set(key, worker);
  for (const [other, old] of workers) {
    if (workers.size <= MAX_FAST_WORKERS) break;
    if (old !== worker && !old.current) stop(other, old);
  }
}

/** The environment and renderer a worker serves: another of either needs another worker. */
function identityOf(job: FastJob, env: NodeJS.ProcessEnv): string {
  const file = path.join(job.live, 'renderer', 'renderer.json');
  const renderer = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  const { SITE_OUT_DIR: _out, ...settings } = env; // each publish's own folder: in its job
  return createHash('sha256').update(JSON.stringify(settings)).update(renderer).digest('hex');
}

function stop(key: string, worker: Worker): void {
  if (workers.get(key) === worker) workers.delete(key);
  clearTimeout(worker.idle);
  const { child } = worker;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM'); // it ends at once (worker.ts); a worker that does not is killed
  setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, 5_000).unref();
}

function start(key: string, identity: string, { SITE_OUT_DIR: _out, ...env }: NodeJS.ProcessEnv): Worker {
  // What an earlier worker of this portal linked (it is gone: one worker per portal).
  if (env.SITE_CACHE_DIR) rmSync(path.dirname(bundleLink(env.SITE_CACHE_DIR, 0)), { recursive: true, force: true });
  const child = fork(WORKER, [], {
    cwd: path.dirname(siteDir),
    // CONG_FAST_PROFILE_DIR (developers): each worker writes a V8 CPU profile there when it ends.
    // The same heap as `astro build` (site.ts): the worker holds the same pages and content.
    execArgv: [...nodeHeapArgs(), '--import', 'tsx', ...(process.env.CONG_FAST_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CONG_FAST_PROFILE_DIR}`] : [])],
    env: {
      ...process.env,
      NO_COLOR: '1',
      ...env,
      CONG_SITE_DIR: siteDir,
      CONG_FAST_WORKER: '1',
      // Node's on-disk cache of compiled code: a new worker and the compiled pages it loads start faster.
      ...(env.SITE_CACHE_DIR ? { NODE_COMPILE_CACHE: path.join(env.SITE_CACHE_DIR, 'node-compile-cache') } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const worker: Worker = { child, identity, cacheDir: env.SITE_CACHE_DIR, idle: undefined, retire: false, current: null };
  const collect = (chunk: Buffer) => {
    const job = worker.current;
    if (!job) return;
    job.output += chunk.toString();
    for (const line of chunk.toString().split('\n')) if (/^\w+: \d+ ms$|error|warn/i.test(line.trim())) job.log(line.trim());
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  child.on('message', (answer: WorkerAnswer) => worker.current?.settle(answer));
  child.on('error', (error) => worker.current?.settle({ exit: `the fast path could not start: ${error.message}` }));
  // 'close', not 'exit': the crash's own message on stderr is read first.
  child.on('close', (code, signal) => {
    if (workers.get(key) === worker) workers.delete(key);
    clearTimeout(worker.idle);
    if (worker.cacheDir && child.pid !== undefined) rmSync(bundleLink(worker.cacheDir, child.pid), { recursive: true, force: true });
    worker.current?.settle({ exit: signal ? `signal ${signal}` : `exit code ${code}` });
  });
  workers.set(key, worker);
  return worker;
}

/** While no job runs, a warm worker keeps no process alive (a publisher that ends, ends). */
function hold(worker: Worker, busy: boolean): void {
  const { child } = worker;
  const handles = [child, (child as ChildProcess & { channel?: { ref(): void; unref(): void } }).channel, child.stdout as unknown as { ref?(): void; unref?(): void }, child.stderr as unknown as { ref?(): void; unref?(): void }];
  for (const handle of handles) (busy ? handle?.ref : handle?.unref)?.call(handle);
}

/**
 * Runs the fast path for `job` with the build environment `env` in the portal's warm worker (started
 * when there is none); `log` gets its progress lines, `onSpawn` the worker's pid. `idleMs`: how long
 * the worker then waits for the next publish (0: it ends now).
 */
export function runFastPath(job: FastJob, env: NodeJS.ProcessEnv, log: (line: string) => void, onSpawn?: (pid: number) => void, idleMs = FAST_WORKER_IDLE_MS): Promise<{ outcome: FastOutcome; output: string }> {
  const key = path.dirname(path.dirname(job.live)); // the portal's root (live: <root>/releases/<name>)
  const identity = identityOf(job, env);
  let worker = workers.get(key);
  if (worker && (worker.identity !== identity || worker.current)) {
    stop(key, worker);
    worker = undefined;
  }
  const active = worker ?? start(key, identity, env);
  touch(key, active);
  clearTimeout(active.idle);
  hold(active, true);
  if (active.child.pid !== undefined) onSpawn?.(active.child.pid);
  return new Promise<{ outcome: FastOutcome; output: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      active.current?.settle({ exit: `timeout` });
      stop(key, active);
    }, TIMEOUT_MS);
    active.current = {
      output: '',
      log,
      settle: (answer) => {
        const current = active.current!;
        active.current = null;
        clearTimeout(timer);
        hold(active, false);
        if ('outcome' in answer) {
          if (idleMs > 0 && !active.retire) active.idle = setTimeout(() => stop(key, active), idleMs).unref();
          else stop(key, active);
          resolve({ outcome: answer.outcome, output: current.output });
          return;
        }
        stop(key, active); // a worker whose job failed is not used again
        if ('exit' in answer && answer.exit === 'timeout') {
          reject(new FastPathError(`the fast path took more than ${TIMEOUT_MS / 60_000} minutes and was stopped`, current.output));
          return;
        }
        // The error's own line (its stack follows it).
        const lines = current.output.trim().split('\n').filter((l) => l.trim() && !/^\s+at /.test(l));
        const reason = 'error' in answer ? answer.error : (lines.at(-1) ?? answer.exit);
        reject(new FastPathError(`the fast path failed: ${reason}`, current.output));
      },
    };
    active.child.send({ job } satisfies WorkerRequest);
  });
}

/**
 * Starts the portal's worker for the release `live` just made live by a full build, and has it
 * load that release's pages and read the content (worker.ts, `warm`), so that the next publish
 * finds it ready. Nothing when the warm worker already serves this renderer, or workers do not
 * stay (`idleMs` 0). It ends after `idleMs` without a publish, as after a job.
 */
export function warmFastPath(live: string, env: NodeJS.ProcessEnv, idleMs = FAST_WORKER_IDLE_MS): void {
  if (idleMs <= 0) return;
  const key = path.dirname(path.dirname(live));
  const identity = identityOf({ live, target: '', maxPages: 0 }, env);
  const worker = workers.get(key);
  if (worker && (worker.current || worker.identity === identity)) return;
  if (worker) stop(key, worker);
  const active = start(key, identity, env);
  touch(key, active);
  active.child.send({ warm: { live } } satisfies WorkerRequest);
  active.idle = setTimeout(() => stop(key, active), idleMs).unref();
  hold(active, false);
}

/** The pid of the portal's worker (by its root), if it has one now. */
export function fastWorkerPid(root: string): number | undefined {
  return workers.get(root)?.child.pid;
}

/**
 * Stops every warm worker (the publisher stops); one that is publishing ends once its publish is
 * done. (A publisher started later in the same process, as in the bench, starts its own.)
 */
export function stopFastWorkers(): void {
  for (const [key, worker] of workers) {
    if (worker.current) worker.retire = true;
    else stop(key, worker);
  }
}
