/**
 * The shipped nginx configuration against Debian's nginx: files from the live release with the
 * pre-compressed variants and the cache headers, on-demand routes and unknown addresses through the
 * public server, traversal refused, and a release switch seen without a reload; the security
 * headers once on every answer, nginx's own errors included (with a Vietnamese text), the body
 * limit checked before reading, limit_req on the on-demand routes (an IPv6 /64 as one client),
 * the TRUSTED_PROXY the generated file advises, and the TLS server block.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect, type AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLE_OPTIONS, nginxSiteConfig } from '../../scripts/nginx/config';
import { nginxAvailable, startNginx, type RunningNginx } from '../../scripts/nginx/run';
import { SECURITY_HEADERS, SVG_CSP } from '../../scripts/public/headers';
import { createPublicServer } from '../../scripts/public/server';
import { activate } from '../../scripts/publisher/releases';
import { freePort, listen } from '../helpers/net';
import { makeRelease, rawRequest, type RawResponse } from '../helpers/releases';
import { rootDir } from '../helpers/site-build';

const HSTS = 'max-age=31536000; includeSubDomains';

/** Checks each header of headers.ts (and `own`, which replace them) was sent exactly once, with its value. */
function expectSecurityHeadersOnce(res: RawResponse, what: string, own: Record<string, string> = {}): void {
  const counts = new Map<string, number>();
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    const name = res.rawHeaders[i]!.toLowerCase();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, ...own })) {
    expect(counts.get(name), `${what}: ${name} sent once`).toBe(1);
    expect(res.headers[name], `${what}: ${name}`).toBe(value);
  }
  // Framing is refused by the policy's frame-ancestors, not by the older header.
  expect(res.headers['x-frame-options'], what).toBeUndefined();
}

/** An HTTPS request to nginx on loopback, accepting the test's self-signed certificate. */
function httpsGet(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path: rawPath, headers, servername: 'localhost', rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Sends only a request's headers (its body never comes) and resolves with the answer given
 * without the body; rejects if none comes within 3 s.
 */
function headersOnly(port: number, rawPath: string, headers: Record<string, string>, tls = false): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path: rawPath, method: 'POST', headers, signal: AbortSignal.timeout(3000) };
    const onResponse = (res: import('node:http').IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) });
        req.destroy();
      });
    };
    const req = tls ? httpsRequest({ ...options, servername: 'localhost', rejectUnauthorized: false }, onResponse) : httpRequest(options, onResponse);
    req.on('error', reject);
    req.flushHeaders();
  });
}

/** Writes `text` as it is on a new connection and parses the answer nginx sends before closing it (for requests no client library would send). */
function rawExchange(port: number, text: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: '127.0.0.1', port }, () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.setTimeout(3000, () => socket.destroy(new Error('no answer within 3 s')));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = all.subarray(0, split).toString('latin1').split('\r\n');
      const rawHeaders: string[] = [];
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon);
        const value = line.slice(colon + 1).trim();
        rawHeaders.push(name, value);
        headers[name.toLowerCase()] = value;
      }
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, rawHeaders, body: all.subarray(split + 4) });
    });
  });
}

/** The TRUSTED_PROXY value the generated file's header tells the operator to set. */
function advisedTrustedProxy(config: string): string[] {
  const value = /^#\s+TRUSTED_PROXY=(\S+)$/m.exec(config)?.[1];
  expect(value, 'a line "#   TRUSTED_PROXY=..." in the header').toBeDefined();
  return value!.split(',');
}

/** Two different free loopback ports. */
async function twoPorts(): Promise<[number, number]> {
  const first = await freePort();
  let second = await freePort();
  while (second === first) second = await freePort();
  return [first, second];
}

const available = nginxAvailable();
if (!available.nginx && process.env.CI) throw new Error('nginx is missing: .ci/run installs Debian\'s nginx and libnginx-mod-http-brotli-static');

test('deploy/nginx/cong.conf is what `npm run nginx-config` generates', () => {
  expect(readFileSync(path.join(rootDir, 'deploy', 'nginx', 'cong.conf'), 'utf8')).toBe(nginxSiteConfig(EXAMPLE_OPTIONS));
});

test('the generated configuration tells the operator to trust nginx in the public server', () => {
  expect(nginxSiteConfig(EXAMPLE_OPTIONS)).toMatch(/TRUSTED_PROXY=127\.0\.0\.1/);
});

test('the TRUSTED_PROXY advised is every address nginx may connect to the public server from', () => {
  expect(advisedTrustedProxy(nginxSiteConfig(EXAMPLE_OPTIONS))).toEqual(['127.0.0.1']);
  // "localhost" is 127.0.0.1 and ::1 on most systems: nginx connects from either.
  expect(advisedTrustedProxy(nginxSiteConfig({ ...EXAMPLE_OPTIONS, upstream: 'localhost:4321' }))).toEqual(['127.0.0.1', '::1']);
  expect(advisedTrustedProxy(nginxSiteConfig({ ...EXAMPLE_OPTIONS, upstream: '[::1]:4321' }))).toEqual(['::1']);
  // nginx reaches another loopback address from 127.0.0.1.
  expect(advisedTrustedProxy(nginxSiteConfig({ ...EXAMPLE_OPTIONS, upstream: '127.0.0.2:4321' }))).toEqual(['127.0.0.1']);
});

test('npm run nginx-config writes an IPv6 or localhost SITE_HOST as nginx reads it, with its TRUSTED_PROXY', () => {
  const run = (host: string) => spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts', 'nginx-config.ts')], { cwd: rootDir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, SITE_HOST: host, SITE_PORT: '4321' } });
  const v6 = run('::1');
  expect(v6.status, v6.stderr).toBe(0);
  expect(v6.stdout).toContain('server [::1]:4321;');
  expect(advisedTrustedProxy(v6.stdout)).toEqual(['::1']);
  // A public server listening on every IPv6 address (SITE_HOST=::) is reached on ::1.
  const any = run('::');
  expect(any.status, any.stderr).toBe(0);
  expect(any.stdout).toContain('server [::1]:4321;');
  const local = run('localhost');
  expect(local.stdout).toContain('server localhost:4321;');
  expect(advisedTrustedProxy(local.stdout)).toEqual(['127.0.0.1', '::1']);
}, 60_000);

test('npm run nginx-config refuses a certificate without its key, or a relative path, naming the option', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts', 'nginx-config.ts'), ...args], { cwd: rootDir, encoding: 'utf8', timeout: 30_000 });
  const alone = run('--tls-cert', '/etc/ssl/cong/fullchain.pem');
  expect(alone.status).toBe(2);
  expect(alone.stderr).toMatch(/--tls-key/);
  const relative = run('--tls-cert', 'fullchain.pem', '--tls-key', '/etc/ssl/cong/privkey.pem');
  expect(relative.status).toBe(2);
  expect(relative.stderr).toMatch(/--tls-cert must be an absolute path/);
  const both = run('--server-name', 'xatanhoa.gov.vn', '--tls-cert', '/etc/ssl/cong/fullchain.pem', '--tls-key', '/etc/ssl/cong/privkey.pem');
  expect(both.status, both.stderr).toBe(0);
  expect(both.stdout).toContain('ssl_certificate /etc/ssl/cong/fullchain.pem;');
  expect(both.stdout).toContain(`Strict-Transport-Security "${HSTS}" always;`);
}, 60_000);

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
    // As the generated configuration's header says: the public server trusts this nginx's X-Real-IP.
    server = createPublicServer(root, { graceMs: 200, trustedProxies: ['127.0.0.1'] });
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
    // The reader's own address (another loopback address here) reaches the routes through X-Real-IP,
    // and a reader cannot choose it: nginx sets X-Real-IP from the connection.
    const reader = await rawRequest(port, '/api/health/', { 'x-real-ip': '203.0.113.9', 'x-forwarded-for': '203.0.113.9' }, 'GET', undefined, { localAddress: '127.0.0.2' });
    expect(JSON.parse(reader.body.toString()).client).toBe('127.0.0.2');
    const posted = await rawRequest(port, '/api/echo/', { 'content-type': 'text/plain' }, 'POST', 'đánh giá');
    expect(posted.status).toBe(201);
    expect(posted.body.toString()).toBe('A:đánh giá');
    const missing = await rawRequest(port, '/khong-co-trang-nay/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Không tìm thấy trang');
    // Unknown addresses under /en/ get the English page from the public server (issue 12).
    const english = await rawRequest(port, '/en/khong-co/');
    expect(english.status).toBe(404);
    expect(english.body.toString()).toContain('Page not found');
  });

  test('sends an SVG file sandboxed, like the public server (review of issue 11)', async () => {
    const client = path.join(root, 'releases', releases.a, 'client');
    mkdirSync(path.join(client, 'uploads'), { recursive: true });
    writeFileSync(path.join(client, 'uploads', 'bieu_trung.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>');
    const svg = await rawRequest(port, '/uploads/bieu_trung.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['content-security-policy']).toBe(`${SVG_CSP}; frame-ancestors 'none'`);
    expect(svg.headers['x-content-type-options']).toBe('nosniff');
  });

  test('sends the security headers of headers.ts once each on every answer of its own, and no HSTS over http', async () => {
    const answers: Array<[string, RawResponse]> = [
      ['home', await rawRequest(port, '/')],
      ['home, brotli', await rawRequest(port, '/', { 'accept-encoding': 'gzip, br' })],
      ['hashed asset', await rawRequest(port, '/_astro/app.abc123.js', { 'accept-encoding': 'gzip' })],
      ['missing asset', await rawRequest(port, '/_astro/khong-co.js')],
      ['robots.txt', await rawRequest(port, '/robots.txt')],
      ['folder redirect', await rawRequest(port, '/tin-tuc/bai-a')],
    ];
    expect(answers.map(([, r]) => r.status)).toEqual([200, 200, 200, 404, 200, 301]);
    for (const [what, res] of answers) {
      expectSecurityHeadersOnce(res, what);
      expect(res.headers['strict-transport-security'], what).toBeUndefined();
    }
  });

  test("passes the public server's answers through with the headers it set, none added or duplicated", async () => {
    expectSecurityHeadersOnce(await rawRequest(port, '/api/health/'), 'on-demand route');
    expectSecurityHeadersOnce(await rawRequest(port, '/khong-co-trang-nay/'), '404 page');
    expectSecurityHeadersOnce(await rawRequest(port, '/api/echo/', { 'content-type': 'text/plain' }, 'POST', 'x'), 'POST');
    // A route's own policy (the draft preview lets the CMS frame it) is not replaced by nginx's.
    expectSecurityHeadersOnce(await rawRequest(port, '/api/framed/'), 'route with its own CSP', { 'content-security-policy': 'frame-ancestors http://cms.example' });
  });

  test('limits on-demand requests per address (limit_req): 429 in Vietnamese after the burst, files and other readers unaffected', async () => {
    // Bounded: 60 requests, one after the other, from one loopback address; the limit is 10 per
    // second with a burst of 20, so 21 pass at once and one more per 100 ms elapsed.
    const statuses: number[] = [];
    let refused: RawResponse | undefined;
    const started = performance.now();
    for (let i = 0; i < 60; i += 1) {
      const res = await rawRequest(port, '/api/health/', {}, 'GET', undefined, { localAddress: '127.0.0.3' });
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    const elapsed = (performance.now() - started) / 1000;
    expect(statuses.slice(0, 21)).toEqual(Array(21).fill(200));
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(21 + Math.ceil(elapsed * 10) + 1);
    expect(refused, `no 429 in ${elapsed.toFixed(2)} s`).toBeDefined();
    expect(refused!.body.toString()).toContain('Quá nhiều yêu cầu');
    expect(refused!.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(refused!.headers['retry-after']).toBe('1');
    expectSecurityHeadersOnce(refused!, '429');
    expect((await rawRequest(port, '/', {}, 'GET', undefined, { localAddress: '127.0.0.3' })).status).toBe(200);
    expect((await rawRequest(port, '/api/health/', {}, 'GET', undefined, { localAddress: '127.0.0.4' })).status).toBe(200);
  });

  test('refuses a declared body over 64 KB on an on-demand route itself, at once, in Vietnamese, with the security headers', async () => {
    // Before reading any of it: the body never comes.
    const declared = await headersOnly(port, '/api/echo/', { 'content-type': 'text/plain', 'content-length': '200000' });
    expect(declared.status).toBe(413);
    expect(declared.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(declared.body.toString()).toContain('Nội dung gửi lên quá lớn (tối đa 64 KB)');
    expectSecurityHeadersOnce(declared, '413, declared');
    // A chunked body is counted as it arrives.
    const chunked = await new Promise<RawResponse>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/echo/', method: 'POST', headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }, signal: AbortSignal.timeout(5000) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      for (let i = 0; i < 10; i += 1) req.write('x'.repeat(10_000));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(chunked.body.toString()).toContain('Nội dung gửi lên quá lớn');
    expectSecurityHeadersOnce(chunked, '413, chunked');
    // Within the limit, the body still reaches the route.
    const fits = await rawRequest(port, '/api/echo/', { 'content-type': 'text/plain' }, 'POST', 'ý kiến');
    expect(fits.status).toBe(201);
  });

  test("nginx's own error answers (400, 403, 404, 405, 414) carry the security headers and a Vietnamese text", async () => {
    const answers: Array<[string, number, RawResponse]> = [
      ['duplicate Host', 400, await rawExchange(port, 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n')],
      ['malformed request line', 400, await rawExchange(port, 'GET /\x01 HTTP/1.1\r\nHost: localhost\r\n\r\n')],
      ['folder without a page', 403, await rawRequest(port, '/tin-tuc/')],
      ['asset folder', 404, await rawRequest(port, '/_astro/')],
      ['missing asset', 404, await rawRequest(port, '/_astro/khong-co.js')],
      ['POST to a file', 405, await rawRequest(port, '/robots.txt', { 'content-type': 'text/plain' }, 'POST', 'x')],
      ['address too long', 414, await rawExchange(port, `GET /${'a'.repeat(9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`)],
      ['headers too large', 400, await rawExchange(port, `GET / HTTP/1.1\r\nHost: localhost\r\nCookie: ${'a'.repeat(9000)}\r\n\r\n`)],
    ];
    for (const [what, status, res] of answers) {
      expect(res.status, what).toBe(status);
      expect(res.headers['content-type'], what).toBe('text/plain; charset=utf-8');
      expect(res.body.toString(), what).toMatch(/^[^<]*[ạảấầẩậắằẳặẹẻếềểệịỉọỏốồổộớờởợụủứừửựỳỷỹđ][^<]*$/u);
      expectSecurityHeadersOnce(res, what);
    }
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

describe.skipIf(!available.nginx)('nginx with TLS (--tls-cert, --tls-key)', () => {
  let root: string;
  let server: ReturnType<typeof createPublicServer>;
  let nginx: RunningNginx;
  let port: number;
  let tlsPort: number;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'cong-nginx-tls-'));
    activate(root, await makeRelease(root, 'A', 1));
    const certificate = path.join(root, 'cert.pem');
    const key = path.join(root, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', key, '-out', certificate], { stdio: 'ignore' });
    server = createPublicServer(root, { graceMs: 200, trustedProxies: ['127.0.0.1'] });
    const upstream = (await listen(server)).replace('http://', '');
    [port, tlsPort] = await twoPorts();
    nginx = await startNginx({ port, releasesDir: root, upstream, tls: { port: tlsPort, certificate, key } });
  }, 30_000);

  afterAll(async () => {
    await nginx?.stop();
    await new Promise((r) => server?.close(r));
  });

  test('serves over TLS 1.3 with http/2 offered, and HSTS once on files and on-demand answers', async () => {
    const home = await httpsGet(tlsPort, '/');
    expect(home.status).toBe(200);
    expect(home.body.toString()).toContain('<title>A</title>');
    const health = await httpsGet(tlsPort, '/api/health/');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString()).client).toBe('127.0.0.1');
    for (const [what, res] of [['home', home], ['asset', await httpsGet(tlsPort, '/_astro/app.abc123.js')], ['on-demand route', health], ['404 page', await httpsGet(tlsPort, '/khong-co/')]] as const) {
      expectSecurityHeadersOnce(res, what, { 'strict-transport-security': HSTS });
    }
    expectSecurityHeadersOnce(await httpsGet(tlsPort, '/api/framed/'), 'route with its own CSP', { 'strict-transport-security': HSTS, 'content-security-policy': 'frame-ancestors http://cms.example' });
    const negotiated = await new Promise<{ alpn: string | false | null; protocol: string | null }>((resolve, reject) => {
      const socket = tlsConnect({ host: '127.0.0.1', port: tlsPort, servername: 'localhost', ALPNProtocols: ['h2', 'http/1.1'], rejectUnauthorized: false }, () => {
        resolve({ alpn: socket.alpnProtocol, protocol: socket.getProtocol() });
        socket.end();
      });
      socket.on('error', reject);
    });
    expect(negotiated).toEqual({ alpn: 'h2', protocol: 'TLSv1.3' });
  });

  test("nginx's own error answers over https carry HSTS with the security headers", async () => {
    const res = await headersOnly(tlsPort, '/api/echo/', { 'content-type': 'text/plain', 'content-length': '200000' }, true);
    expect(res.status).toBe(413);
    expect(res.body.toString()).toContain('Nội dung gửi lên quá lớn');
    expectSecurityHeadersOnce(res, '413', { 'strict-transport-security': HSTS });
    // Plain http sent to the https port.
    const plain = await rawExchange(tlsPort, 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(plain.status).toBe(400);
    expect(plain.body.toString()).toContain('Yêu cầu không hợp lệ');
    expectSecurityHeadersOnce(plain, 'plain http to https', { 'strict-transport-security': HSTS });
  });

  test('redirects plain http to https on the same host and address, without HSTS', async () => {
    const res = await rawRequest(port, '/tin-tuc/bai-a/?trang=2');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`https://127.0.0.1:${tlsPort}/tin-tuc/bai-a/?trang=2`);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expectSecurityHeadersOnce(res, 'redirect');
    expect((await rawRequest(port, '/api/echo/', { 'content-type': 'text/plain' }, 'POST', 'x')).status).toBe(301);
  });
});

describe.skipIf(!available.nginx)('nginx with the public server down', () => {
  let root: string;
  let nginx: RunningNginx;
  let port: number;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'cong-nginx-down-'));
    activate(root, await makeRelease(root, 'A', 1));
    const [nginxPort, nothing] = await twoPorts();
    port = nginxPort;
    // Nothing listens on the upstream's port.
    nginx = await startNginx({ port, releasesDir: root, upstream: `127.0.0.1:${nothing}` });
  }, 30_000);

  afterAll(async () => {
    await nginx?.stop();
  });

  test('answers the on-demand routes 502 itself, in Vietnamese, with the security headers, and still serves the files', async () => {
    const res = await rawRequest(port, '/api/health/');
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body.toString()).toContain('tạm thời');
    expectSecurityHeadersOnce(res, '502');
    expect((await rawRequest(port, '/')).status).toBe(200);
  });
});

/** Whether this machine has the IPv6 loopback address (a container may have IPv6 turned off). */
const hasIpv6Loopback = Object.values(networkInterfaces()).some((addresses) => addresses?.some((a) => a.address === '::1'));

describe.skipIf(!available.nginx || !hasIpv6Loopback)('TRUSTED_PROXY as the generated file advises, for a public server at localhost', () => {
  let root: string;
  let trusted: string[];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'cong-nginx-localhost-'));
    activate(root, await makeRelease(root, 'A', 1));
    trusted = advisedTrustedProxy(nginxSiteConfig({ ...EXAMPLE_OPTIONS, upstream: 'localhost:4321' }));
  }, 30_000);

  // "localhost" may be either address, and nginx then connects from either.
  test.each(['127.0.0.1', '::1'])("takes the reader's address from nginx connecting from %s", async (host) => {
    const server: Server = createPublicServer(root, { graceMs: 200, trustedProxies: trusted });
    await new Promise<void>((r) => server.listen(0, host, r));
    const upstream = `${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;
    const nginx = await startNginx({ port: await freePort(), releasesDir: root, upstream });
    try {
      const res = await rawRequest(Number(new URL(nginx.url).port), '/api/health/', {}, 'GET', undefined, { localAddress: '127.0.0.2' });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body.toString()).client).toBe('127.0.0.2');
    } finally {
      await nginx.stop();
      await new Promise((r) => server.close(r));
    }
  });
});

describe.skipIf(!available.nginx)('limit_req for IPv6 readers', () => {
  let root: string;
  let server: ReturnType<typeof createPublicServer>;
  let nginx: RunningNginx;
  let port: number;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'cong-nginx-ipv6-'));
    activate(root, await makeRelease(root, 'A', 1));
    server = createPublicServer(root, { graceMs: 200, trustedProxies: ['127.0.0.1'] });
    const upstream = (await listen(server)).replace('http://', '');
    port = await freePort();
    // The test picks each request's reader address (any IPv6 one) in X-Test-Client.
    nginx = await startNginx({ port, releasesDir: root, upstream, clientAddressHeader: 'X-Test-Client' });
  }, 30_000);

  afterAll(async () => {
    await nginx?.stop();
    await new Promise((r) => server?.close(r));
  });

  test('counts one /64 as one reader, however nginx writes its addresses, and other /64s apart', async () => {
    const h = (i: number) => i.toString(16);
    // Each /64 with addresses in the forms nginx prints them ("::" wherever the longest run of
    // zero groups is, also inside the first four groups); 30 different addresses per /64.
    const networks: Array<[string, (i: number) => string[]]> = [
      ['2001:db8:1:2::/64', (i) => [`2001:db8:1:2::${h(i)}`, `2001:db8:1:2:${h(i)}::`, `2001:db8:1:2:${h(i)}:${h(i)}:${h(i)}:${h(i)}`]],
      ['2001:db8:1:3::/64', (i) => [`2001:db8:1:3::${h(i)}`, `2001:db8:1:3:${h(i)}:1:2:3`]],
      ['2001:db8::/64', (i) => [`2001:db8::${h(i)}`, `2001:db8:0:0:${h(i)}::`, `2001:db8::${h(i)}:1:2:3`]],
      ['2001:db8:5::/64', (i) => [`2001:db8:5::${h(i)}`, `2001:db8:5:0:${h(i)}::`, `2001:db8:5:0:${h(i)}:1:2:3`]],
      ['1::/64', (i) => [`1::${h(i)}`, `1::${h(i)}:1:0:0`, `1::${h(i)}:0:0:0`]],
      ['1:0:0:2::/64', (i) => [`1::2:${h(i)}:3:4:5`, `1:0:0:2:${h(i)}::`]],
      ['0:0:1:2::/64', (i) => [`::1:2:${h(i)}:3:4:5`, `0:0:1:2:${h(i)}::`]],
      ['0:0:0:1::/64', (i) => [`::1:${h(i)}:3:4:5`, `0:0:0:1:${h(i)}::`]],
      ['::/64', (i) => [`::${h(i)}:1:2:3`, `::${h(i)}:0:0:1`]],
    ];
    for (const [network, addresses] of networks) {
      // Bounded: 30 requests one after the other; the limit is 10 per second with a burst of 20.
      const statuses: number[] = [];
      const started = performance.now();
      for (let i = 1; i <= 30; i += 1) {
        const forms = addresses(i);
        const res = await rawRequest(port, '/api/health/', { 'x-test-client': forms[i % forms.length]! });
        statuses.push(res.status);
      }
      const elapsed = (performance.now() - started) / 1000;
      // The first 21 pass: no other /64 spent this one's allowance.
      expect(statuses.slice(0, 21), network).toEqual(Array(21).fill(200));
      expect(statuses.filter((s) => s === 200).length, `${network}: ${statuses.join(' ')}`).toBeLessThanOrEqual(21 + Math.ceil(elapsed * 10) + 1);
      expect(statuses, network).toContain(429);
    }
    // The reader's address still reaches the routes whole.
    const health = await rawRequest(port, '/api/health/', { 'x-test-client': '2001:db8:9::1' });
    expect(JSON.parse(health.body.toString()).client).toBe('2001:db8:9::1');
  });
});
