import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { activate } from '../../scripts/publisher/releases';
import { createPublicServer } from '../../scripts/public/server';
import { HEADER_CSP, SVG_CSP } from '../../scripts/public/headers';
import { makeRelease, rawRequest } from '../helpers/releases';
import { waitUntil } from '../helpers/conditions';

const servers: Array<ReturnType<typeof createPublicServer>> = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(root: string): Promise<number> {
  const server = createPublicServer(root, { graceMs: 200 });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const get = (port: number, rawPath: string, headers: Record<string, string> = {}) => rawRequest(port, rawPath, headers);

/** The live home page as plain and as the brotli file written at build time: the bytes on disk and the request headers that choose it. */
function homeVariants(root: string): Array<{ name: string; accept: Record<string, string>; bytes: Buffer; encoding?: string }> {
  const file = path.join(root, 'current', 'client', 'index.html');
  return [
    { name: 'plain', accept: {}, bytes: readFileSync(file) },
    { name: 'brotli', accept: { 'accept-encoding': 'br' }, bytes: readFileSync(`${file}.br`), encoding: 'br' },
  ];
}

describe('public server', () => {
  test('serves the live release with revalidated HTML and immutable hashed assets', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    activate(root, await makeRelease(root, 'A', 1));
    const port = await serve(root);
    const home = await get(port, '/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(home.body.toString()).toContain('<title>A</title>');
    const asset = await get(port, '/_astro/app.abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(port, '/tin-tuc/bai-a')).headers.location).toBe('/tin-tuc/bai-a/');
  });

  test('sends an SVG file sandboxed: opened by itself, a script in it cannot run on the portal (review of issue 11)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    const release = await makeRelease(root, 'A', 1);
    const uploads = path.join(root, 'releases', release, 'client', 'uploads');
    mkdirSync(uploads, { recursive: true });
    writeFileSync(path.join(uploads, 'bieu_trung.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>');
    activate(root, release);
    const port = await serve(root);
    const svg = await get(port, '/uploads/bieu_trung.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['content-security-policy']).toBe(`${SVG_CSP}; frame-ancestors 'none'`);
    expect(String(svg.headers['content-security-policy'])).toMatch(/(^|; )sandbox(;|$)/);
    expect(String(svg.headers['content-security-policy'])).toMatch(/default-src 'none'/);
    // Pages keep theirs.
    expect((await get(port, '/')).headers['content-security-policy']).toBe(HEADER_CSP);
  });

  test('sends the brotli or gzip file written at build time', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    activate(root, await makeRelease(root, 'A', 1));
    const port = await serve(root);
    const br = await get(port, '/', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toContain('<title>A</title>');
    expect((await get(port, '/', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get(port, '/')).headers['content-encoding']).toBeUndefined();
  });

  test('answers a conditional GET with 304 on its ETag, for plain and pre-compressed files (issue 10, build item 1)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    activate(root, await makeRelease(root, 'A', 1));
    const port = await serve(root);
    const etags: string[] = [];
    for (const v of homeVariants(root)) {
      const first = await get(port, '/', v.accept);
      const etag = first.headers.etag as string | undefined;
      expect(etag, v.name).toMatch(/^(W\/)?"[^"]+"$/);
      etags.push(etag!);
      const again = await get(port, '/', { ...v.accept, 'if-none-match': etag! });
      expect(again.status, v.name).toBe(304);
      expect(again.body.length, v.name).toBe(0);
      expect(again.headers.etag, v.name).toBe(etag);
      expect(again.headers.vary, v.name).toBe('Accept-Encoding');
      expect(again.headers['cache-control'], v.name).toBe('public, max-age=0, must-revalidate');
      expect(again.headers['x-content-type-options'], v.name).toBe('nosniff');
      expect((await get(port, '/', { ...v.accept, 'if-none-match': '"something-else"' })).status, v.name).toBe(200);
    }
    // Each representation has its own validator: the plain file's ETag does not validate the brotli one.
    expect(etags[0]).not.toBe(etags[1]);
    const crossed = await get(port, '/', { 'accept-encoding': 'br', 'if-none-match': etags[0]! });
    expect(crossed.status).toBe(200);
    expect(crossed.headers['content-encoding']).toBe('br');
  });

  test('sends Last-Modified and answers If-Modified-Since with 304, for plain and pre-compressed files', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    activate(root, await makeRelease(root, 'A', 1));
    const port = await serve(root);
    for (const v of homeVariants(root)) {
      const first = await get(port, '/', v.accept);
      const modified = first.headers['last-modified'] as string | undefined;
      expect(modified, v.name).toBeDefined();
      expect(Number.isNaN(Date.parse(modified!)), v.name).toBe(false);
      const again = await get(port, '/', { ...v.accept, 'if-modified-since': modified! });
      expect(again.status, v.name).toBe(304);
      expect(again.body.length, v.name).toBe(0);
      const older = await get(port, '/', { ...v.accept, 'if-modified-since': new Date(Date.parse(modified!) - 3_600_000).toUTCString() });
      expect(older.status, v.name).toBe(200);
      expect(older.body.equals(v.bytes), v.name).toBe(true);
    }
  });

  test('answers a byte range with 206 and exactly those bytes, for plain and pre-compressed files', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    activate(root, await makeRelease(root, 'A', 1));
    const port = await serve(root);
    for (const v of homeVariants(root)) {
      const size = v.bytes.length;
      const full = await get(port, '/', v.accept);
      expect(full.headers['accept-ranges'], v.name).toBe('bytes');
      for (const [range, start, end] of [['bytes=0-9', 0, 9], ['bytes=10-', 10, size - 1], ['bytes=-7', size - 7, size - 1]] as const) {
        const part = await get(port, '/', { ...v.accept, range });
        expect(part.status, `${v.name} ${range}`).toBe(206);
        expect(part.headers['content-range'], `${v.name} ${range}`).toBe(`bytes ${start}-${end}/${size}`);
        expect(part.headers['content-length'], `${v.name} ${range}`).toBe(String(end - start + 1));
        expect(part.headers['content-encoding'], `${v.name} ${range}`).toBe(v.encoding);
        expect(part.body.equals(v.bytes.subarray(start, end + 1)), `${v.name} ${range}`).toBe(true);
      }
    }
  });

  test('answers an unsatisfiable range with 416, for plain and pre-compressed files', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    activate(root, await makeRelease(root, 'A', 1));
    const port = await serve(root);
    for (const v of homeVariants(root)) {
      const res = await get(port, '/', { ...v.accept, range: `bytes=${v.bytes.length + 100}-` });
      expect(res.status, v.name).toBe(416);
      expect(res.headers['content-range'], v.name).toBe(`bytes */${v.bytes.length}`);
      expect(res.headers['content-encoding'], v.name).toBeUndefined();
      expect(res.headers['x-content-type-options'], v.name).toBe('nosniff');
      expect(res.headers['content-security-policy'], v.name).toBeDefined();
    }
  });

  test('answers HEAD with the headers of GET (validators included) and no body, for plain and pre-compressed files', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    activate(root, await makeRelease(root, 'A', 1));
    const port = await serve(root);
    for (const v of homeVariants(root)) {
      const got = await get(port, '/', v.accept);
      const head = await rawRequest(port, '/', v.accept, 'HEAD');
      expect(head.status, v.name).toBe(200);
      expect(head.body.length, v.name).toBe(0);
      expect(head.headers['content-length'], v.name).toBe(String(v.bytes.length));
      for (const name of ['content-type', 'content-length', 'content-encoding', 'cache-control', 'vary', 'etag', 'last-modified', 'accept-ranges', 'x-content-type-options', 'content-security-policy']) {
        expect(head.headers[name], `${v.name} ${name}`).toBe(got.headers[name]);
      }
      expect(head.headers.etag, v.name).toBeDefined();
      expect(head.headers['last-modified'], v.name).toBeDefined();
      expect(head.headers['accept-ranges'], v.name).toBe('bytes');
    }
  });

  test('never redirects to another host (issue 10, finding 1)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    activate(root, await makeRelease(root, 'A', 1));
    const port = await serve(root);
    const attempts = ['//evil.com/..%2ftin-tuc', '/\\evil.com/..%2ftin-tuc', '/%5cevil.com/..%2ftin-tuc', '///evil.com/../tin-tuc', '//evil.com/%2e%2e/tin-tuc', '/%2fevil.com/..%2ftin-tuc', '/tin-tuc/bai-a?x=//evil.com'];
    for (const attempt of attempts) {
      const res = await get(port, attempt);
      const location = res.headers.location as string | undefined;
      if (location === undefined) continue;
      expect(new URL(location, 'http://portal.example/').host, `${attempt} → ${location}`).toBe('portal.example');
      expect(location, attempt).toMatch(/^\/(?![/\\])/);
    }
    expect((await get(port, '//evil.com/..%2ftin-tuc')).headers.location).toBe('/tin-tuc/');
    expect((await get(port, '/tin-tuc/bai-a?trang=2')).headers.location).toBe('/tin-tuc/bai-a/?trang=2');
    expect((await get(port, '/tin-tuc/bai-a/.')).headers.location).toBe('/tin-tuc/bai-a/');
  });

  test('refuses path traversal and answers unknown paths with the 404 page', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
    activate(root, await makeRelease(root, 'A', 1));
    const port = await serve(root);
    for (const attempt of ['/../secret.txt', '/../../secret.txt', '/%2e%2e/%2e%2e/secret.txt', '/..%2f..%2fsecret.txt', '/%2e%2e%5c%2e%2e%5csecret.txt', '/tin-tuc/%00', '/%E0%A4%A']) {
      const res = await get(port, attempt);
      expect(res.status, attempt).toBe(404);
      expect(res.body.toString(), attempt).not.toContain('do not serve');
    }
    const missing = await get(port, '/khong-co/');
    expect(missing.status).toBe(404);
    // Whatever preconditions or ranges it asks, an unknown address gets the 404 page.
    for (const headers of [{ 'if-match': '"x"' }, { 'if-unmodified-since': 'Thu, 01 Jan 2004 00:00:00 GMT' }, { range: 'bytes=0-3' }] as Array<Record<string, string>>) {
      const res = await get(port, '/khong-co/', headers);
      expect(res.status, JSON.stringify(headers)).toBe(404);
      expect(res.body.toString()).toContain('Không tìm thấy trang');
    }
    expect(missing.body.toString()).toContain('Không tìm thấy trang');
    // Under /en/ the English page (issue 12), and only there.
    for (const english of ['/en/khong-co/', '/en/organization/khong-co/', '/en/khong-co', '/en/khong-co/?x=1']) {
      const res = await get(port, english);
      expect(res.status, english).toBe(404);
      expect(res.body.toString(), english).toContain('Page not found');
    }
    for (const other of ['/english/', '/khong-co/en/', '/enx/']) expect((await get(port, other)).body.toString(), other).toContain('Không tìm thấy trang');
  });

  test('answers 503 in Vietnamese before the first release', async () => {
    const port = await serve(mkdtempSync(path.join(tmpdir(), 'cong-public-')));
    const res = await get(port, '/');
    expect(res.status).toBe(503);
    expect(res.body.toString()).toContain('đang được dựng lần đầu');
  });

  test('switches releases under a steady load without a single failed request', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    const a = await makeRelease(root, 'A', 1);
    const b = await makeRelease(root, 'B', 2);
    activate(root, a);
    const port = await serve(root);
    let stop = false;
    const outcomes: string[] = [];
    // Four clients on loopback, bounded by time and count.
    const client = async () => {
      for (let i = 0; i < 2000 && !stop; i += 1) {
        const res = await get(port, i % 2 ? '/' : '/tin-tuc/bai-a/');
        const text = res.body.toString();
        outcomes.push(res.status === 200 && /(A|B)/.test(text) ? 'ok' : `${res.status} ${text.slice(0, 40)}`);
      }
    };
    const clients = [client(), client(), client(), client()];
    // Twenty switches, each once the clients have had answers since the last one: every switch
    // lands among requests however fast or slow the machine is.
    for (let i = 0; i < 20; i += 1) {
      const seen = outcomes.length;
      await waitUntil(() => outcomes.length >= seen + 8 || `${outcomes.length - seen} answers since the last switch`, { timeoutMs: 10_000, intervalMs: 1, what: 'answers between switches' });
      activate(root, i % 2 ? a : b);
    }
    stop = true;
    await Promise.all(clients);
    expect(outcomes.length).toBeGreaterThan(100);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
  });

  test('passes what is not a file to the live release on-demand routes, and follows a switch', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    const a = await makeRelease(root, 'A', 1);
    const b = await makeRelease(root, 'B', 2);
    activate(root, a);
    const port = await serve(root);
    const first = await get(port, '/api/health/');
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body.toString())).toEqual({ label: 'A', release: a, client: '127.0.0.1' });
    const posted = await rawRequest(port, '/api/echo/', { 'content-type': 'text/plain' }, 'POST', 'xin chào');
    expect(posted.status).toBe(201);
    expect(posted.body.toString()).toBe('A:xin chào');
    // A client cannot choose the address the routes see (only a TRUSTED_PROXY can: on-demand-limits.test.ts).
    expect(JSON.parse((await get(port, '/api/health/', { 'x-cong-client-ip': '1.2.3.4', 'x-real-ip': '203.0.113.9' })).body.toString()).client).toBe('127.0.0.1');
    activate(root, b);
    expect(JSON.parse((await get(port, '/api/health/')).body.toString()).label).toBe('B');
    expect((await rawRequest(port, '/tin-tuc/bai-a/', {}, 'POST', 'x')).status).toBe(405);
    const missing = await get(port, '/api/khong-co/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Không tìm thấy trang');
  });
});
