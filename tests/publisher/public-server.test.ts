import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { activate } from '../../scripts/publisher/releases';
import { createPublicServer } from '../../scripts/public/server';
import { makeRelease, rawRequest } from '../helpers/releases';

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
    expect(missing.body.toString()).toContain('Không tìm thấy trang');
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
    for (let i = 0; i < 20; i += 1) {
      await new Promise((r) => setTimeout(r, 25));
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
