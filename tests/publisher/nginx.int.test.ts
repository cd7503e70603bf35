/**
 * The shipped nginx configuration against Debian's nginx: files from the live release with the
 * pre-compressed variants and the cache headers, on-demand routes and unknown addresses through the
 * public server, traversal refused, and a release switch seen without a reload.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLE_OPTIONS, nginxSiteConfig } from '../../scripts/nginx/config';
import { nginxAvailable, startNginx, type RunningNginx } from '../../scripts/nginx/run';
import { createPublicServer } from '../../scripts/public/server';
import { activate } from '../../scripts/publisher/releases';
import { freePort, listen } from '../helpers/net';
import { makeRelease, rawRequest } from '../helpers/releases';
import { rootDir } from '../helpers/site-build';

const available = nginxAvailable();
if (!available.nginx && process.env.CI) throw new Error('nginx is missing: .ci/run installs Debian\'s nginx and libnginx-mod-http-brotli-static');

test('deploy/nginx/cong.conf is what `npm run nginx-config` generates', () => {
  expect(readFileSync(path.join(rootDir, 'deploy', 'nginx', 'cong.conf'), 'utf8')).toBe(nginxSiteConfig(EXAMPLE_OPTIONS));
});

describe.skipIf(!available.nginx)('nginx in front of the public server', () => {
  let root: string;
  let releases: { a: string; b: string };
  let server: ReturnType<typeof createPublicServer>;
  let nginx: RunningNginx;
  let port: number;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'cong-nginx-releases-'));
    writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
    releases = { a: await makeRelease(root, 'A', 1), b: await makeRelease(root, 'B', 2) };
    activate(root, releases.a);
    server = createPublicServer(root, { graceMs: 200 });
    const upstream = (await listen(server)).replace('http://', '');
    port = await freePort();
    nginx = await startNginx({ port, releasesDir: root, upstream });
  }, 30_000);

  afterAll(async () => {
    await nginx?.stop();
    await new Promise((r) => server?.close(r));
  });

  test('serves pages from disk, pre-compressed, with revalidation and security headers', async () => {
    const plain = await rawRequest(port, '/');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.body.toString()).toContain('<title>A</title>');
    const gz = await rawRequest(port, '/', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toContain('<title>A</title>');
    if (available.brotli) {
      const br = await rawRequest(port, '/', { 'accept-encoding': 'gzip, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.body).toString()).toContain('<title>A</title>');
    }
    const asset = await rawRequest(port, '/_astro/app.abc123.js', { 'accept-encoding': 'gzip' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('gzip');
    const folder = await rawRequest(port, '/tin-tuc/bai-a');
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe('/tin-tuc/bai-a/');
  });

  test('passes on-demand routes to the public server with the reader address, and unknown paths get the 404 page', async () => {
    const health = await rawRequest(port, '/api/health/');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString())).toMatchObject({ label: 'A', client: '127.0.0.1' });
    const posted = await rawRequest(port, '/api/echo/', { 'content-type': 'text/plain' }, 'POST', 'đánh giá');
    expect(posted.status).toBe(201);
    expect(posted.body.toString()).toBe('A:đánh giá');
    const missing = await rawRequest(port, '/khong-co-trang-nay/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Không tìm thấy trang');
  });

  test('refuses path traversal', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/../../current/../secret.txt']) {
      const res = await rawRequest(port, attempt);
      expect([400, 404], attempt).toContain(res.status);
      expect(res.body.toString(), attempt).not.toContain('do not serve');
    }
  });

  test('follows a release switch on the next request, without a reload', async () => {
    activate(root, releases.b);
    expect((await rawRequest(port, '/')).body.toString()).toContain('<title>B</title>');
    expect(JSON.parse((await rawRequest(port, '/api/health/')).body.toString()).label).toBe('B');
    activate(root, releases.a);
    expect((await rawRequest(port, '/')).body.toString()).toContain('<title>A</title>');
  });
});
