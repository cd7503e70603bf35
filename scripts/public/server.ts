/**
 * The public server: serves the live release (`<releases root>/current/client`) with cache
 * headers (HTML revalidated, hashed assets immutable) and the .br/.gz files written at build
 * time, and passes what is not a file to the release's on-demand routes (`on-demand.ts`). The
 * `current` link is resolved once per request, so a release switch never breaks a request in
 * flight and needs no restart. Paths outside the release are refused. Files are sent by `send`
 * (validators and 304, ranges, HEAD); every answer carries the headers of `headers.ts`.
 *
 * Several portals (issue 14): when `<releases root>/portals.json` (the publisher's copy of the
 * portal registry) lists more than one portal, enabled or not, the request's Host picks the portal
 * (content-types/src/portals.ts `portalForHost`) and its live release (`portalRoot`); a host no
 * enabled portal answers gets the standalone 404 page of `unknown-host.ts` (a disabled portal
 * answers like an unknown host, also when the primary is the only one left enabled). Without the
 * file, or with a single portal in it, every host is served from `<releases root>/current` as
 * before. The file is checked for a change at most once a second.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import send from 'send';
import { PORTAL_REGISTRY_FILE, portalForHost, portalRoot, readPortalRegistry, type PortalInfo } from '../../content-types/src/portals.ts';
import { portalEnvironment } from './config.ts';
import { SVG_CSP, withSecurityHeaders } from './headers.ts';
import { OnDemandRoutes, type OnDemandOptions, type PortalSlot } from './on-demand.ts';
import { UNKNOWN_HOST_CSP, unknownHostPage } from './unknown-host.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

/**
 * Cache policy by path: hashed build assets forever, HTML and feeds always revalidated, and so
 * the search index's delta (every fast publish rewrites it: a cached one would show what was unpublished).
 */
export function cacheControl(urlPath: string): string {
  if (urlPath.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (/\.(html|xml|txt)$/.test(urlPath) || urlPath.endsWith('/') || urlPath.startsWith('/pagefind-delta/')) return 'public, max-age=0, must-revalidate';
  return 'public, max-age=3600';
}

/**
 * Maps a request path to a file inside `client`, or null. Refuses traversal ("..", encoded or
 * not, and NUL bytes) by resolving the path and checking it stays under the release root.
 */
export function resolveFile(client: string, rawPath: string): { file: string; urlPath: string } | { redirect: string } | null {
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(rawPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (urlPath.includes('\0')) return null;
  // Leading slashes collapse here ("//evil.com/.." → "/"), so nothing derived from it names a host.
  const normalized = path.posix.normalize(`/${urlPath}`);
  const full = path.resolve(client, `.${normalized}`);
  if (full !== client && !full.startsWith(`${client}${path.sep}`)) return null;
  if (!existsSync(full)) return null;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    // The folder's canonical address, from the resolved path with every segment encoded: never
    // the raw request path, which a browser could read as another host ("//evil.com", "/\\evil.com").
    if (!urlPath.endsWith('/')) return { redirect: `${normalized.replace(/\/+$/, '').split('/').map(encodeURIComponent).join('/')}/` };
    const index = path.join(full, 'index.html');
    return existsSync(index) ? { file: index, urlPath: `${urlPath}index.html` } : null;
  }
  return { file: full, urlPath };
}

/** What the server needs to send one file: where it is, its cache policy and pre-compressed variants. */
interface FileInfo {
  urlPath: string;
  /** The file's path under the release's `client` folder, '/'-separated. */
  relative: string;
  br: boolean;
  gzip: boolean;
}

type Lookup = FileInfo | { redirect: string } | null;

function describeFile(client: string, file: string, urlPath: string): FileInfo {
  return { urlPath, relative: path.relative(client, file).split(path.sep).join('/'), br: existsSync(`${file}.br`), gzip: existsSync(`${file}.gz`) };
}

/**
 * Lookups of one release, kept while it is live: a release never changes once built, so each
 * address is resolved once instead of on every request. Bounded, since unknown addresses are
 * cached too.
 */
class ReleaseFiles {
  private readonly lookups = new Map<string, Lookup>();
  constructor(readonly release: string, readonly client: string) {}

  get(rawPath: string): Lookup {
    const key = rawPath.split('?')[0] ?? '/';
    let found = this.lookups.get(key);
    if (found === undefined) {
      const resolved = resolveFile(this.client, key);
      found = resolved && 'file' in resolved ? describeFile(this.client, resolved.file, resolved.urlPath) : resolved;
      if (this.lookups.size >= 50_000) this.lookups.clear();
      this.lookups.set(key, found);
    }
    return found;
  }
}

/** Reader-facing text of the errors `send` may answer with. */
const ERROR_TEXT: Record<number, string> = {
  404: 'Không tìm thấy trang.',
  412: 'Điều kiện của yêu cầu không được đáp ứng.',
  416: 'Khoảng dữ liệu được yêu cầu không có trong tệp.',
};

/** Answers an error `send` raised (416 with its Content-Range, 412, 404 when a file vanished, 500). */
function sendError(res: ServerResponse, error: { status?: number; headers?: Record<string, string> }): void {
  if (res.headersSent) return void res.destroy();
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  const status = error.status ?? 500;
  res.writeHead(status, withSecurityHeaders({ ...error.headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }));
  res.end(ERROR_TEXT[status] ?? 'Đã có lỗi, vui lòng thử lại sau.');
}

/**
 * Sends one file of the release whose `client` folder is given, through `send` (the module
 * behind Express's serve-static): ETag and Last-Modified with 304 on If-None-Match and
 * If-Modified-Since, 412 on failed If-Match/If-Unmodified-Since, single byte ranges (206, 416,
 * If-Range) and HEAD, on whichever file is sent — the .br or .gz written at build time when the
 * client accepts it (each has its own validators, as nginx's gzip_static gives them). Only files
 * that resolveFile found are passed to it, so its own folder redirect is never used. The 404 page
 * is sent with status 404, without validators or ranges.
 */
function sendFile(req: IncomingMessage, res: ServerResponse, client: string, info: FileInfo, status = 200): void {
  const accept = String(req.headers['accept-encoding'] ?? '');
  const encoding = info.br && /\bbr\b/.test(accept) ? 'br' : info.gzip && /\bgzip\b/.test(accept) ? 'gzip' : undefined;
  const suffix = encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : '';
  const found = status === 200;
  // The 404 page answers any unknown address whatever it asks: no 412 or 206 from its validators.
  if (!found) for (const name of ['if-match', 'if-unmodified-since', 'if-none-match', 'if-modified-since', 'range', 'if-range']) delete req.headers[name];
  res.statusCode = status;
  const headers = withSecurityHeaders({
    ...(path.extname(info.relative).toLowerCase() === '.svg' ? { 'content-security-policy': SVG_CSP } : {}),
    'content-type': TYPES[path.extname(info.relative)] ?? 'application/octet-stream',
    'cache-control': found ? cacheControl(info.urlPath) : 'no-store',
    vary: 'Accept-Encoding',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  send(req, `${info.relative}${suffix}`.split('/').map(encodeURIComponent).join('/'), {
    root: client,
    // resolveFile has decided what may be served; `send` checks again that it stays under root.
    dotfiles: 'allow',
    index: false,
    cacheControl: false,
    etag: found,
    lastModified: found,
    acceptRanges: found,
  })
    // Before `send` adds its validators and content headers (it keeps a Content-Type already set).
    .on('headers', (response: ServerResponse) => {
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    })
    // A folder at a file's address (never for files resolveFile returned): no redirect from here.
    .on('directory', () => sendError(res, { status: 404 }))
    .on('error', (error: { status?: number; headers?: Record<string, string> }) => sendError(res, error))
    .pipe(res);
}

/** Files (and addresses no route answers) are read-only. A body sent with it is not read. */
function methodNotAllowed(res: ServerResponse): void {
  res.writeHead(405, withSecurityHeaders({ allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8', connection: 'close' }));
  res.end('Phương thức không được hỗ trợ.');
}

export interface PublicServerOptions extends OnDemandOptions {
  /** SITE_URL: with several portals, its host is answered by the primary portal (as are localhost, 127.0.0.1 and ::1). */
  siteUrl?: string;
  /** How often portals.json may be looked at for a change (default 1000 ms). */
  registryCheckMs?: number;
}

/**
 * The portal registry the publisher copied to the releases root, read again when its modification
 * time changes (looked at no more than once per `checkMs`). A file that cannot be read keeps the
 * registry read before (logged once per change).
 */
class PortalDirectory {
  private checkedAt = -Infinity;
  private stamp = '';
  private portals: PortalInfo[] | null = null;
  private readonly file: string;
  constructor(private readonly root: string, private readonly checkMs: number, private readonly log: (message: string) => void) {
    this.file = path.join(root, PORTAL_REGISTRY_FILE);
  }

  /** The registry's portals when it lists at least two (enabled or not), else null (one portal: served as before portals existed). */
  current(now = Date.now()): PortalInfo[] | null {
    if (now - this.checkedAt >= this.checkMs) {
      this.checkedAt = now;
      let stamp = '';
      try {
        const stat = statSync(this.file);
        stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
      } catch {
        stamp = 'none';
      }
      if (stamp !== this.stamp) {
        this.stamp = stamp;
        try {
          const registry = stamp === 'none' ? null : readPortalRegistry(this.root);
          this.portals = registry ? registry.portals : null;
          if (this.portals && this.portals.length > 1) {
            const enabled = this.portals.filter((p) => p.enabled);
            this.log(`serving ${enabled.length} of ${this.portals.length} portals by host name: ${enabled.map((p) => p.code).join(', ') || 'none enabled'}`);
          }
        } catch (error) {
          this.log(`${(error as Error).message} (the portals read before are kept)`);
        }
      }
    }
    return this.portals && this.portals.length > 1 ? this.portals : null;
  }
}

/** The answer to a host no enabled portal answers: the standalone Vietnamese page, never cached. */
function unknownHost(req: IncomingMessage, res: ServerResponse): void {
  const body = Buffer.from(unknownHostPage());
  res.writeHead(
    404,
    withSecurityHeaders({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': UNKNOWN_HOST_CSP,
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
      'content-length': String(body.length),
    }),
  );
  // A body sent with the request is not read: the connection closes after the answer.
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Creates the server for the releases under `root` (not yet listening); closing it stops the on-demand workers. */
export function createPublicServer(root: string, options: PublicServerOptions = {}): Server {
  const onDemand = new OnDemandRoutes(options);
  const directory = new PortalDirectory(root, options.registryCheckMs ?? 1000, options.log ?? (() => undefined));
  const primaryHosts = options.siteUrl ? [new URL(options.siteUrl).hostname] : [];
  // The environment a portal's worker gets over the server's: its code and its own reader store.
  const baseEnv = { ...process.env, ...options.env };
  /** The lookups of each portal's live release (one per portal root). */
  const files = new Map<string, ReleaseFiles>();
  const server = createServer((req, res) => {
    const portals = directory.current();
    let releasesRoot = root;
    let slot: PortalSlot | undefined;
    if (portals) {
      const portal = portalForHost(portals, req.headers.host ?? '', primaryHosts);
      if (!portal) return unknownHost(req, res);
      releasesRoot = portalRoot(root, portal);
      slot = { key: portal.code, env: portalEnvironment(baseEnv, portal) };
    }
    let release: string;
    try {
      // Resolved once: this request is served wholly from the release live when it arrived.
      release = realpathSync(path.join(releasesRoot, 'current'));
    } catch {
      res.writeHead(503, withSecurityHeaders({ 'content-type': 'text/plain; charset=utf-8', 'retry-after': '10', 'cache-control': 'no-store' }));
      return void res.end('Cổng thông tin đang được dựng lần đầu, vui lòng thử lại sau ít phút.');
    }
    let releaseFiles = files.get(releasesRoot);
    if (releaseFiles?.release !== release) {
      releaseFiles = new ReleaseFiles(release, path.join(release, 'client'));
      files.set(releasesRoot, releaseFiles);
    }
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    const found = releaseFiles.get(req.url ?? '/');
    if (found && !readOnly) {
      return methodNotAllowed(res);
    }
    if (found && 'redirect' in found) {
      const url = req.url ?? '/';
      const query = url.indexOf('?');
      res.writeHead(301, withSecurityHeaders({ location: query === -1 ? found.redirect : `${found.redirect}${url.slice(query)}` }));
      return void res.end();
    }
    if (found) return sendFile(req, res, releaseFiles.client, found);
    const live = releaseFiles;
    void onDemand.handle(release, req, res, slot).then((answered) => {
      if (answered) return;
      if (!readOnly) {
        return methodNotAllowed(res);
      }
      // Under /en/ the English page (site/src/pages/en/404.astro), else the Vietnamese one.
      const english = /^\/en(\/|$|\?)/.test(req.url ?? '/') ? live.get('/en/404/index.html') : null;
      const notFound = english && 'relative' in english ? english : live.get('/404.html');
      if (notFound && 'relative' in notFound) return sendFile(req, res, live.client, notFound, 404);
      res.writeHead(404, withSecurityHeaders({ 'content-type': 'text/plain; charset=utf-8' }));
      res.end('Không tìm thấy trang.');
    });
  });
  // A client has this long to send its request line and headers, and the whole request.
  server.headersTimeout = 10_000;
  server.requestTimeout = Math.max(30_000, onDemand.limits.bodyTimeoutMs + 5_000);
  server.on('close', () => void onDemand.close());
  return server;
}
