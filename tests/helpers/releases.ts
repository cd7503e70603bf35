/**
 * Small releases for the public server and nginx tests: a home page saying `label`, an article,
 * a hashed asset, a 404 page, pre-compressed files, and a server bundle with the interface of
 * Astro's node adapter in middleware mode (`handler(req, res, next)`) answering two on-demand routes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { precompress } from '../../scripts/publisher/precompress';
import { createRelease } from '../../scripts/publisher/releases';

const ENTRY = (label: string) => `let open = 0;
export function handler(req, res, next) {
  if (req.url === '/api/hang/') {
    // Never answers: for the proxy's timeout and cancellation. '/api/open/' tells how many are held.
    open += 1;
    req.socket.once('close', () => (open -= 1));
    return;
  }
  if (req.url === '/api/csp/') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'" });
    return res.end('<p>trang</p>');
  }
  if (req.url === '/api/open/') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ open }));
  }
  if (req.url === '/api/health/') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    return res.end(JSON.stringify({ label: ${JSON.stringify(label)}, release: process.env.CONG_RELEASE, client: req.headers['x-cong-client-ip'] }));
  }
  if (req.url === '/api/framed/') {
    // Sets its own policy, as the draft preview does (it lets the CMS frame it).
    res.writeHead(200, { 'content-type': 'text/plain', 'content-security-policy': "frame-ancestors http://cms.example" });
    return res.end('framed');
  }
  if (req.url === '/api/echo/' && req.method === 'POST') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => { res.writeHead(201, { 'content-type': 'text/plain' }); res.end(${JSON.stringify(label)} + ':' + body); });
    return;
  }
  next();
}
`;

/** Creates (not activates) a release under `root`; returns its name. */
export async function makeRelease(root: string, label: string, second: number): Promise<string> {
  const dir = createRelease(root, new Date(Date.UTC(2026, 10, 27, 1, 0, second)));
  const client = path.join(dir, 'client');
  mkdirSync(path.join(client, 'tin-tuc', 'bai-a'), { recursive: true });
  mkdirSync(path.join(client, '_astro'), { recursive: true });
  mkdirSync(path.join(dir, 'server'), { recursive: true });
  writeFileSync(path.join(client, 'index.html'), `<!doctype html><title>${label}</title>${'<p>Nội dung trang chủ.</p>'.repeat(100)}`);
  writeFileSync(path.join(client, 'tin-tuc', 'bai-a', 'index.html'), `<h1>Bài A (${label})</h1>`);
  writeFileSync(path.join(client, '_astro', 'app.abc123.js'), 'console.log(1);'.repeat(200));
  writeFileSync(path.join(client, '404.html'), '<h1>Không tìm thấy trang</h1>');
  mkdirSync(path.join(client, 'en', '404'), { recursive: true });
  writeFileSync(path.join(client, 'en', '404', 'index.html'), '<html lang="en"><h1>Page not found</h1></html>');
  writeFileSync(path.join(client, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(path.join(dir, 'server', 'entry.mjs'), ENTRY(label));
  await precompress(client);
  return path.basename(dir);
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Names and values as received, in order (a header sent twice appears twice). */
  rawHeaders: string[];
  body: Buffer;
}

/** A raw request (no client-side path normalisation), so traversal attempts reach the server as sent. */
export function rawRequest(port: number, rawPath: string, headers: Record<string, string> = {}, method = 'GET', body?: string, options: { localAddress?: string; timeoutMs?: number } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: rawPath, headers, method, localAddress: options.localAddress, signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
