/**
 * On-demand routes of the live release (Astro pages with `prerender = false`): each release's
 * server bundle runs in its own worker thread; requests are proxied to it over loopback. When
 * `current` moves, the next on-demand request starts the new release's worker and the old one is
 * terminated after a grace period, so in-flight requests finish and no release stays in memory.
 *
 * Several portals (issue 14): each portal has its own slot (its live release's worker, with the
 * portal's own environment: SITE_PORTAL, its reader store), started on the portal's first
 * on-demand request and stopped after `idleMs` without one, so an install of 100 portals keeps
 * workers only for the portals readers are using. The limits are shared by all portals.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { addressGroup } from '../../content-types/src/address.ts';
import { DEFAULT_IDLE_MS, DEFAULT_LIMITS, type ProxyLimits } from './config.ts';
import { withSecurityHeaders } from './headers.ts';

/** A release's worker: its port, null when the release has no on-demand routes, 'failed' when it could not start. */
type Ready = number | null | 'failed';

interface Slot {
  release: string;
  ready: Promise<Ready>;
  worker?: Worker;
  /** The Node.js version the worker reported when it was ready. */
  node?: string;
  /** On-demand requests of this slot in flight. */
  active: number;
  /** Stops the worker once the slot has been idle for `idleMs`. */
  idleTimer?: NodeJS.Timeout;
}

/** The portal a request is for, as the on-demand routes see it. */
export interface PortalSlot {
  /** The slot's key (the portal's code; '' for an install without portals). */
  key: string;
  /** Extra environment of this portal's worker (SITE_PORTAL, its reader store), over the server's. */
  env?: Record<string, string | undefined>;
}

const DEFAULT_SLOT: PortalSlot = { key: '' };

export interface OnDemandOptions {
  /** How long a replaced release's worker may finish its requests. */
  graceMs?: number;
  log?: (message: string) => void;
  /** Extra environment for the release's routes (READER_DB, REDIS_URL, …); the server's own is passed too. */
  env?: Record<string, string | undefined>;
  /** Peers allowed to name the reader's address (X-Real-IP); default none. */
  trustedProxies?: readonly string[];
  /** The proxy's limits; each one not given keeps its default (DEFAULT_LIMITS). */
  limits?: Partial<ProxyLimits>;
  /** How long a release's worker may take to start (default WORKER_START_MS). */
  workerStartMs?: number;
  /** A portal's worker is stopped after this long without an on-demand request (default DEFAULT_IDLE_MS). */
  idleMs?: number;
}


const WORKER = path.join(import.meta.dirname, 'on-demand-worker.mjs');
/** How long a release's worker may take to load its bundle (about a second here) before it is given up. */
const WORKER_START_MS = 60_000;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

/**
 * The address of the reader: the peer's, or the X-Real-IP (else the last X-Forwarded-For hop)
 * that a trusted proxy (TRUSTED_PROXY, e.g. the nginx on this machine) set. Anyone else's
 * headers are ignored, so no client picks the address its limits are counted against.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const peer = normalizeAddress(req.socket.remoteAddress ?? '');
  if (!trustedProxies.has(peer)) return peer;
  const real = req.headers['x-real-ip'];
  if (typeof real === 'string' && isIP(real.trim())) return normalizeAddress(real.trim());
  const forwarded = req.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '').split(',').map((a) => a.trim()).filter(Boolean).at(-1);
  return last && isIP(last) ? normalizeAddress(last) : peer;
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one address. */
const normalizeAddress = (address: string) => (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

/** A short answer of the proxy itself (never cached, Vietnamese for readers). */
function refuse(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, withSecurityHeaders({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }));
  res.end(text);
}

export class OnDemandRoutes {
  /** One slot per portal (key '' without portals). */
  private readonly slots = new Map<string, Slot>();
  private readonly retiring = new Set<Worker>();
  private readonly agent: Agent;
  private readonly graceMs: number;
  private readonly log: (message: string) => void;
  private readonly env: Record<string, string | undefined>;
  private readonly trusted: ReadonlySet<string>;
  private readonly workerStartMs: number;
  private readonly idleMs: number;
  readonly limits: ProxyLimits;
  /** On-demand requests in flight, per reader address and in all. */
  private readonly perAddress = new Map<string, number>();
  private inFlight = 0;
  /** Proves to the workers that a request comes through this proxy (on-demand-worker.mjs). */
  private readonly secret = randomBytes(24).toString('base64url');

  constructor(options: OnDemandOptions = {}) {
    this.env = options.env ?? {};
    this.graceMs = options.graceMs ?? 30_000;
    this.log = options.log ?? (() => undefined);
    this.trusted = new Set((options.trustedProxies ?? []).map(normalizeAddress));
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.workerStartMs = options.workerStartMs ?? WORKER_START_MS;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    // One socket per request in flight at most: the global cap, not the agent, decides who waits.
    this.agent = new Agent({ keepAlive: true, maxSockets: this.limits.maxConcurrent });
  }

  /** The port of the worker serving `releaseDir`'s on-demand routes (for the portal `portal`), or null if it has none. */
  port(releaseDir: string, portal: PortalSlot = DEFAULT_SLOT): Promise<Ready> {
    const previous = this.slots.get(portal.key);
    if (previous?.release === releaseDir) return previous.ready;
    const entry = path.join(releaseDir, 'server', 'entry.mjs');
    const slot: Slot = { release: releaseDir, ready: Promise.resolve(null), active: 0 };
    const name = `${portal.key ? `${portal.key}/` : ''}${path.basename(releaseDir)}`;
    if (existsSync(entry)) {
      const worker = new Worker(WORKER, { workerData: { entry, secret: this.secret }, env: { ...process.env, ...this.env, ...portal.env, CONG_RELEASE: path.basename(releaseDir), CONG_RELEASE_DIR: releaseDir } });
      slot.worker = worker;
      slot.ready = new Promise<Ready>((resolve) => {
        // A worker that never says it is ready must not hold every on-demand request forever.
        const startTimer = setTimeout(() => {
          this.log(`on-demand routes of ${name} did not start within ${this.workerStartMs} ms: stopped`);
          resolve('failed');
          void worker.terminate();
        }, this.workerStartMs);
        worker.once('message', (m: { port: number; node: string }) => {
          clearTimeout(startTimer);
          slot.node = m.node;
          this.log(`on-demand routes of ${name} ready (Node.js ${m.node})`);
          resolve(m.port);
        });
        worker.once('error', (error) => {
          clearTimeout(startTimer);
          this.log(`on-demand routes of ${name} failed: ${error.message}`);
          resolve('failed');
        });
        worker.once('exit', () => {
          clearTimeout(startTimer);
          clearTimeout(slot.idleTimer);
          resolve('failed');
          // A crashed (or stopped) worker is started again by the next request.
          if (this.slots.get(portal.key) === slot) this.slots.delete(portal.key);
        });
      });
    }
    this.slots.set(portal.key, slot);
    // Idle from when it is ready: a slow start is not counted as idle time.
    void slot.ready.then(() => this.idle(portal.key, slot));
    if (previous) {
      clearTimeout(previous.idleTimer);
      if (previous.worker) this.retire(previous.worker);
    }
    return slot.ready;
  }

  /** The portals whose worker is running or starting (their keys). */
  running(): string[] {
    return [...this.slots].filter(([, slot]) => slot.worker).map(([key]) => key);
  }

  /** Arms the idle stop of a slot with no request in flight. */
  private idle(key: string, slot: Slot): void {
    clearTimeout(slot.idleTimer);
    if (slot.active > 0 || !slot.worker || this.slots.get(key) !== slot) return;
    slot.idleTimer = setTimeout(() => {
      if (this.slots.get(key) !== slot || slot.active > 0) return;
      this.slots.delete(key);
      this.log(`on-demand routes of ${key ? `${key}/` : ''}${path.basename(slot.release)} stopped after ${this.idleMs} ms without a request`);
      const worker = slot.worker!;
      worker.postMessage('close');
      setTimeout(() => void worker.terminate(), 5_000).unref();
    }, this.idleMs);
    slot.idleTimer.unref();
  }

  /** The Node.js version of the worker serving `releaseDir` (started if needed), or null if it has none. */
  async nodeVersion(releaseDir: string, portal: PortalSlot = DEFAULT_SLOT): Promise<string | null> {
    const port = await this.port(releaseDir, portal);
    const slot = this.slots.get(portal.key);
    return typeof port !== 'number' ? null : slot?.release === releaseDir ? slot.node ?? null : null;
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
   * (nothing has been written to `res`), true when it was answered (by the route or, for a
   * request over a limit, by the proxy).
   *
   * The body is read here first, counted as bytes arrive and within a time limit, and only then
   * sent to the worker: a slow or endless upload holds a socket of the public server for at most
   * ONDEMAND_BODY_TIMEOUT_MS, never one of the worker's. A client that goes away cancels its
   * route's request; a route that does not answer in time is cancelled with 504.
   */
  async handle(releaseDir: string, req: IncomingMessage, res: ServerResponse, portal: PortalSlot = DEFAULT_SLOT): Promise<boolean> {
    const address = clientAddress(req, this.trusted);
    const group = addressGroup(address);
    const { limits } = this;
    const mine = this.perAddress.get(group) ?? 0;
    if (mine >= limits.perAddress) {
      refuse(res, 429, 'Bạn đang gửi quá nhiều yêu cầu cùng lúc. Vui lòng thử lại sau giây lát.', { 'retry-after': '1' });
      return true;
    }
    // Counted per address from arrival; in the global count only once the body is in, so slow
    // uploads from a handful of addresses cannot fill it (each is bounded by its address's share
    // and by the body timeout).
    this.perAddress.set(group, mine + 1);
    let counted = false;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      if (counted) this.inFlight -= 1;
      const left = (this.perAddress.get(group) ?? 1) - 1;
      if (left > 0) this.perAddress.set(group, left);
      else this.perAddress.delete(group);
    };
    res.once('close', release);
    try {
      const body = await readBody(req, limits);
      if (typeof body === 'number') {
        // The rest of the body is not read: the connection is closed after this answer.
        refuse(res, body, body === 413 ? `Nội dung gửi lên quá lớn (tối đa ${Math.floor(limits.maxBodyBytes / 1024)} KB).` : 'Yêu cầu gửi quá chậm nên đã bị ngắt. Vui lòng thử lại.', { connection: 'close' });
        return true;
      }
      if (res.destroyed) return true;
      if (this.inFlight >= limits.maxConcurrent) {
        refuse(res, 503, 'Máy chủ đang quá tải, vui lòng thử lại sau ít giây.', { 'retry-after': '5' });
        return true;
      }
      this.inFlight += 1;
      counted = true;
      const port = await this.port(releaseDir, portal);
      // Held busy until the answer is sent: an idle stop never cuts a request in flight.
      const slot = this.slots.get(portal.key);
      if (slot?.release === releaseDir && !res.closed) {
        slot.active += 1;
        clearTimeout(slot.idleTimer);
        res.once('close', () => {
          slot.active -= 1;
          this.idle(portal.key, slot);
        });
      }
      if (port === 'failed') {
        refuse(res, 503, 'Máy chủ tạm thời không xử lý được yêu cầu, vui lòng thử lại sau.', { 'retry-after': '10' });
        return true;
      }
      if (port === null) {
        release();
        return false;
      }
      return await this.forward(port, req, res, address, body);
    } finally {
      if (res.writableEnded || res.destroyed) release();
    }
  }

  private forward(port: number, req: IncomingMessage, res: ServerResponse, address: string, body: Buffer | null): Promise<boolean> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'x-cong-client-ip' && name !== 'x-cong-proxy-secret' && name !== 'content-length') headers[name] = value;
    }
    headers['x-cong-client-ip'] = address;
    headers['x-cong-proxy-secret'] = this.secret;
    if (body) headers['content-length'] = String(body.length);
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const done = (answered: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(answered);
      };
      const upstream = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent: this.agent }, (answer) => {
        clearTimeout(timer);
        if (answer.statusCode === 404 && answer.headers['x-cong-no-route']) {
          answer.resume();
          return done(false);
        }
        const out: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
        res.writeHead(answer.statusCode ?? 502, withSecurityHeaders(out));
        answer.pipe(res);
        answer.on('end', () => done(true));
        answer.on('error', () => {
          res.destroy();
          done(true);
        });
      });
      // The route must start answering in time; then it streams at its pace, until the client leaves.
      const timer = setTimeout(() => {
        this.log(`on-demand request ${req.method} ${req.url} took longer than ${this.limits.upstreamTimeoutMs} ms: cancelled`);
        upstream.destroy();
        refuse(res, 504, 'Máy chủ không trả lời kịp, vui lòng thử lại sau.');
        done(true);
      }, this.limits.upstreamTimeoutMs);
      // A reader who leaves cancels the route's work (the worker sees its request closed).
      res.once('close', () => {
        if (!res.writableFinished) upstream.destroy();
        done(true);
      });
      upstream.on('error', (error) => {
        if (settled) return;
        this.log(`on-demand request ${req.method} ${req.url} failed: ${error.message}`);
        refuse(res, 502, 'Máy chủ tạm thời không xử lý được yêu cầu, vui lòng thử lại sau.');
        done(true);
      });
      upstream.end(body ?? undefined);
    });
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    const workers = [...this.retiring];
    for (const slot of this.slots.values()) {
      clearTimeout(slot.idleTimer);
      if (slot.worker) workers.push(slot.worker);
    }
    this.slots.clear();
    this.retiring.clear();
    this.agent.destroy();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The request's body, read whole: null when it has none, 413 as soon as it passes the cap
 * (declared or counted), 408 when it does not arrive in time. Nothing over the cap is kept.
 */
function readBody(req: IncomingMessage, limits: ProxyLimits): Promise<Buffer | null | 408 | 413> {
  const declared = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!chunked && (declared === undefined || Number(declared) === 0)) return Promise.resolve(req.method === 'GET' || req.method === 'HEAD' ? null : Buffer.alloc(0));
  if (Number(declared) > limits.maxBodyBytes) return Promise.resolve(413);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 408 | 413) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onError);
      if (typeof result === 'number') req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) return finish(413);
      chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onError = () => finish(408);
    const timer = setTimeout(() => finish(408), limits.bodyTimeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onError);
  });
}
