import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { precompress } from '../../scripts/publisher/precompress';
import { activate, createRelease } from '../../scripts/publisher/releases';
import { createPublicServer } from '../../scripts/public/server';

const servers: Array<ReturnType<typeof createPublicServer>> = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A release whose home page says `label`, with an article, an asset and a 404 page. */
function makeRelease(root: string, label: string, second: number): string {
  const dir = createRelease(root, new Date(Date.UTC(2026, 10, 27, 1, 0, second)));
  const client = path.join(dir, 'client');
  mkdirSync(path.join(client, 'tin-tuc', 'bai-a'), { recursive: true });
  mkdirSync(path.join(client, '_astro'), { recursive: true });
  writeFileSync(path.join(client, 'index.html'), `<!doctype html><title>${label}</title>${'<p>Nội dung trang chủ.</p>'.repeat(100)}`);
  writeFileSync(path.join(client, 'tin-tuc', 'bai-a', 'index.html'), `<h1>Bài A (${label})</h1>`);
  writeFileSync(path.join(client, '_astro', 'app.abc123.js'), 'console.log(1);'.repeat(200));
  writeFileSync(path.join(client, '404.html'), '<h1>Không tìm thấy trang</h1>');
  precompress(client);
  return path.basename(dir);
}

async function serve(root: string): Promise<number> {
  const server = createPublicServer(root);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** A raw GET (no client-side path normalisation), so traversal attempts reach the server as sent. */
function get(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('public server', () => {
  test('serves the live release with revalidated HTML and immutable hashed assets', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    activate(root, makeRelease(root, 'A', 1));
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
    activate(root, makeRelease(root, 'A', 1));
    const port = await serve(root);
    const br = await get(port, '/', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toContain('<title>A</title>');
    expect((await get(port, '/', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get(port, '/')).headers['content-encoding']).toBeUndefined();
  });

  test('refuses path traversal and answers unknown paths with the 404 page', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-public-'));
    writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
    activate(root, makeRelease(root, 'A', 1));
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
    const a = makeRelease(root, 'A', 1);
    const b = makeRelease(root, 'B', 2);
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
});
