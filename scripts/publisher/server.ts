/**
 * The publisher's HTTP side: `POST /webhook` (secret header, 401 without it, 400 for a malformed
 * body; events that change the public site schedule a build, media events a check of whether a
 * published entry's files changed) and `GET /status` (loopback only, or with the status token):
 * live release, last build, queue state, media checks.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { BuildQueue } from './queue.ts';
import { WEBHOOK_SECRET_HEADER } from '../../content-types/src/webhook.ts';
import { changesPublicSite, isMediaEvent, isValidSecret, parseWebhookBody } from './webhook.ts';

const MAX_BODY = 1024 * 1024;

export interface LastBuild {
  startedAt: string;
  seconds: number | null;
  result: 'running' | 'success' | 'failure';
  /** 'deploy': built and switched here; 'github': forwarded to GitHub Actions. */
  mode: 'deploy' | 'github';
  release: string | null;
  error: string | null;
  steps: Record<string, number>;
  /** The build's full log (each step, the whole `astro build` output). */
  log?: string | null;
}

/** Media events received, and how many of them a completed check has covered. */
export interface MediaStatus {
  received: number;
  checked: number;
  lastCheck: { at: string; result: string } | null;
}

export interface PublisherState {
  mode: 'deploy' | 'github';
  liveRelease: () => string | null;
  lastBuild: () => LastBuild | null;
  lastReconciliation: () => { at: string; result: string } | null;
  media: () => MediaStatus;
}

export interface PublisherServerOptions {
  secret: string;
  statusToken?: string;
  queue: BuildQueue;
  state: PublisherState;
  /** A media event arrived: check (in the background) whether what is published changed. `files`: its `/uploads/…` paths. */
  onMediaEvent: (reason: string, files: readonly string[]) => void;
  log: (message: string) => void;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const isLoopback = (address: string | undefined) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/** Creates the HTTP server (not yet listening). */
export function createPublisherServer(options: PublisherServerOptions): Server {
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://publisher');
    try {
      if (url.pathname === '/webhook' && req.method === 'POST') {
        const given = req.headers[WEBHOOK_SECRET_HEADER];
        if (!isValidSecret(Array.isArray(given) ? given[0] : given, options.secret)) {
          options.log(`refused a webhook without the right ${WEBHOOK_SECRET_HEADER} header from ${req.socket.remoteAddress}`);
          return send(res, 401, { error: `missing or wrong ${WEBHOOK_SECRET_HEADER} header` });
        }
        let event;
        try {
          event = parseWebhookBody(await readBody(req));
        } catch (error) {
          return send(res, 400, { error: `not a Strapi webhook: ${(error as Error).message}` });
        }
        if (isMediaEvent(event)) {
          options.onMediaEvent(event.event, event.files ?? []);
          return send(res, 202, { accepted: true, build: false, check: true });
        }
        if (!changesPublicSite(event)) return send(res, 202, { accepted: true, build: false });
        options.queue.notify(`${event.event} ${event.model ?? ''}`.trim());
        return send(res, 202, { accepted: true, build: true });
      }
      if (url.pathname === '/status' && req.method === 'GET') {
        const token = req.headers.authorization?.replace(/^Bearer /, '');
        const allowed = isLoopback(req.socket.remoteAddress) || (options.statusToken !== undefined && isValidSecret(token, options.statusToken));
        if (!allowed) return send(res, 403, { error: 'status is available from this machine or with the status token' });
        return send(res, 200, {
          mode: options.state.mode,
          liveRelease: options.state.liveRelease(),
          lastBuild: options.state.lastBuild(),
          queue: options.queue.status(),
          lastReconciliation: options.state.lastReconciliation(),
          media: options.state.media(),
        });
      }
      send(res, 404, { error: 'not found' });
    } catch (error) {
      send(res, 500, { error: (error as Error).message });
    }
  });
}
