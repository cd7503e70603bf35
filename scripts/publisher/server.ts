/**
 * The publisher's HTTP side: `POST /webhook` (secret header, 401 without it, 400 for a malformed
 * body; events that change a public site schedule a build of the portal they belong to, media
 * events a check of whether a published entry's files changed) and `GET /status` (loopback only,
 * or with the status token): the primary portal's live release, last build, queue state, media
 * checks at the top level, every portal's under `portals`; `GET /status/<code>`: one portal's.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { WEBHOOK_SECRET_HEADER } from '../../content-types/src/webhook.ts';
import { changesPublicSite, isMediaEvent, isValidSecret, parseWebhookBody, type WebhookEvent } from './webhook.ts';

const MAX_BODY = 1024 * 1024;

export interface LastBuild {
  startedAt: string;
  seconds: number | null;
  /** 'stopped': a consistency build a publish came in during; it runs again once the portal is idle. */
  result: 'running' | 'success' | 'failure' | 'stopped';
  /** 'deploy': built and switched here; 'github': forwarded to GitHub Actions. */
  mode: 'deploy' | 'github';
  release: string | null;
  error: string | null;
  steps: Record<string, number>;
  /** The build's full log (each step, the whole `astro build` output). */
  log?: string | null;
  /** Issue 15: 'fast' (only the changed pages rendered) or 'full' (`astro build`), and why; null while it runs. */
  path?: 'fast' | 'full' | null;
  why?: string | null;
  /** Fast path: pages rendered, files written, pages removed, pages whose content changed, pages in the release. */
  pages?: { rendered: number; written: number; removed: number; changed: number; total: number } | null;
}

/** Media events received, and how many of them a completed check has covered. */
export interface MediaStatus {
  received: number;
  checked: number;
  lastCheck: { at: string; result: string } | null;
}

export interface PublisherServerOptions {
  secret: string;
  statusToken?: string;
  /** An entry event that changes a public site: queues the portals it belongs to and names them ('all': each reconciled). */
  onEntryEvent: (event: WebhookEvent) => Promise<string[] | 'all'>;
  /** The whole publisher's status (GET /status). */
  status: () => unknown;
  /** One portal's status (GET /status/<code>), or null for an unknown code. */
  portalStatus: (code: string) => unknown;
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
        const portals = await options.onEntryEvent(event);
        return send(res, 202, { accepted: true, build: portals === 'all' || portals.length > 0, portals });
      }
      const statusPath = /^\/status(?:\/([a-z0-9-]+))?\/?$/.exec(url.pathname);
      if (statusPath && req.method === 'GET') {
        const token = req.headers.authorization?.replace(/^Bearer /, '');
        const allowed = isLoopback(req.socket.remoteAddress) || (options.statusToken !== undefined && isValidSecret(token, options.statusToken));
        if (!allowed) return send(res, 403, { error: 'status is available from this machine or with the status token' });
        if (!statusPath[1]) return send(res, 200, options.status());
        const one = options.portalStatus(statusPath[1]);
        return one === null ? send(res, 404, { error: `no portal with the code "${statusPath[1]}": GET /status lists them under "portals"` }) : send(res, 200, one);
      }
      send(res, 404, { error: 'not found' });
    } catch (error) {
      send(res, 500, { error: (error as Error).message });
    }
  });
}
