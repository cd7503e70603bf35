/**
 * On-demand routes of the live release (Astro pages with `prerender = false`): each release's
 * server bundle runs in its own worker thread; requests are proxied to it over loopback. When
 * `current` moves, the next on-demand request starts the new release's worker and the old one is
 * terminated after a grace period, so in-flight requests finish and no release stays in memory.
 */
import { existsSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

interface Slot {
  release: string;
  ready: Promise<number | null>;
  worker?: Worker;
  /** The Node.js version the worker reported when it was ready. */
  node?: string;
}

export interface OnDemandOptions {
  /** How long a replaced release's worker may finish its requests. */
  graceMs?: number;
  log?: (message: string) => void;
  /** Extra environment for the release's routes (READER_DB, REDIS_URL, …); the server's own is passed too. */
  env?: Record<string, string | undefined>;
}

const WORKER = path.join(import.meta.dirname, 'on-demand-worker.mjs');
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

/** The address of the reader, as the proxy in front (nginx, on loopback) or the socket tells. */
export function clientAddress(req: IncomingMessage): string {
  const socket = req.socket.remoteAddress ?? '';
  const loopback = socket === '127.0.0.1' || socket === '::1' || socket === '::ffff:127.0.0.1';
  const real = req.headers['x-real-ip'];
  if (loopback && typeof real === 'string' && real.trim() !== '') return real.trim();
  return socket;
}

export class OnDemandRoutes {
  private slot: Slot | null = null;
  private readonly retiring = new Set<Worker>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly graceMs: number;
  private readonly log: (message: string) => void;
  private readonly env: Record<string, string | undefined>;

  constructor(options: OnDemandOptions = {}) {
    this.env = options.env ?? {};
    this.graceMs = options.graceMs ?? 30_000;
    this.log = options.log ?? (() => undefined);
  }

  /** The port of the worker serving `releaseDir`'s on-demand routes, or null if it has none. */
  port(releaseDir: string): Promise<number | null> {
    if (this.slot?.release === releaseDir) return this.slot.ready;
    const previous = this.slot;
    const entry = path.join(releaseDir, 'server', 'entry.mjs');
    const slot: Slot = { release: releaseDir, ready: Promise.resolve(null) };
    if (existsSync(entry)) {
      const worker = new Worker(WORKER, { workerData: { entry }, env: { ...process.env, ...this.env, CONG_RELEASE: path.basename(releaseDir), CONG_RELEASE_DIR: releaseDir } });
      slot.worker = worker;
      slot.ready = new Promise<number | null>((resolve) => {
        worker.once('message', (m: { port: number; node: string }) => {
          slot.node = m.node;
          this.log(`on-demand routes of ${path.basename(releaseDir)} ready (Node.js ${m.node})`);
          resolve(m.port);
        });
        worker.once('error', (error) => {
          this.log(`on-demand routes of ${path.basename(releaseDir)} failed: ${error.message}`);
          resolve(null);
        });
        worker.once('exit', () => {
          resolve(null);
          // A crashed worker is started again by the next request.
          if (this.slot === slot) this.slot = null;
        });
      });
    }
    this.slot = slot;
    if (previous?.worker) this.retire(previous.worker);
    return slot.ready;
  }

  /** The Node.js version of the worker serving `releaseDir` (started if needed), or null if it has none. */
  async nodeVersion(releaseDir: string): Promise<string | null> {
    const port = await this.port(releaseDir);
    return port === null ? null : (this.slot?.release === releaseDir ? this.slot.node ?? null : null);
  }

  private retire(worker: Worker): void {
    this.retiring.add(worker);
    const timer = setTimeout(() => {
      worker.postMessage('close');
      setTimeout(() => void worker.terminate(), 5_000).unref();
      this.retiring.delete(worker);
    }, this.graceMs);
    timer.unref();
  }

  /**
   * Proxies the request to the release's worker. Resolves false when no on-demand route matched
   * (nothing has been written to `res`), true when the worker answered.
   */
  async handle(releaseDir: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const port = await this.port(releaseDir);
    if (port === null) return false;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'x-cong-client-ip') headers[name] = value;
    }
    headers['x-cong-client-ip'] = clientAddress(req);
    return new Promise<boolean>((resolve) => {
      const upstream = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent: this.agent }, (answer) => {
        if (answer.statusCode === 404 && answer.headers['x-cong-no-route']) {
          answer.resume();
          return resolve(false);
        }
        const out: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
        answer.on('end', () => resolve(true));
        answer.on('error', () => {
          res.destroy();
          resolve(true);
        });
      });
      upstream.on('error', (error) => {
        this.log(`on-demand request ${req.method} ${req.url} failed: ${error.message}`);
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
          res.end('Máy chủ tạm thời không xử lý được yêu cầu, vui lòng thử lại sau.');
        } else res.destroy();
        resolve(true);
      });
      req.pipe(upstream);
    });
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    const workers = [...this.retiring];
    if (this.slot?.worker) workers.push(this.slot.worker);
    this.slot = null;
    this.retiring.clear();
    this.agent.destroy();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
