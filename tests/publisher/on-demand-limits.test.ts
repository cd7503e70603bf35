/**
 * The public server's proxy to the on-demand routes under abuse (issue 10, findings 2, 3 and 6):
 * slow uploads, oversized and chunked bodies, a route that never answers, clients that hang up,
 * too many requests from one address or in all, and a forged X-Real-IP. Every client is on
 * loopback (other addresses of 127.0.0.0/8 stand for other readers), bounded in count and time.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { activate, createRelease } from '../../scripts/publisher/releases';
import { createPublicServer, type PublicServerOptions } from '../../scripts/public/server';
import { addressGroup } from '../../content-types/src/address';
import { OnDemandRoutes } from '../../scripts/public/on-demand';
import { parsePublicServerEnvironment } from '../../scripts/public/config';
import { makeRelease, rawRequest } from '../helpers/releases';

const servers: Array<ReturnType<typeof createPublicServer>> = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(options: PublicServerOptions = {}): Promise<{ port: number; server: ReturnType<typeof createPublicServer> }> {
  const root = mkdtempSync(path.join(tmpdir(), 'cong-limits-'));
  activate(root, await makeRelease(root, 'A', 1));
  const server = createPublicServer(root, { graceMs: 200, ...options });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, server };
}

/** Polls `check` until it returns true, at most `ms`; returns whether it did. */
async function eventually(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setImmediate(r));
  }
  return false;
}

/** A raw connection from `localAddress` that sends `head` (and whatever else the test writes). */
function slowClient(port: number, localAddress: string, head: string): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress }, () => {
      socket.write(head);
      resolve(socket);
    });
    socket.on('error', () => undefined);
    sockets.push(socket);
  });
}

const connections = (server: ReturnType<typeof createPublicServer>) => new Promise<number>((resolve, reject) => server.getConnections((e, n) => (e ? reject(e) : resolve(n))));
const openUpstream = async (port: number) => JSON.parse((await rawRequest(port, '/api/open/')).body.toString()).open as number;

describe('on-demand proxy limits', () => {
  test('260 slow uploads leave /api/health/ answering within 1 s, and the routes answer again within 2 s of the attacker leaving (issue 10, finding 2)', async () => {
    const { port, server } = await serve();
    const head = 'POST /api/echo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nx';
    await Promise.all(Array.from({ length: 260 }, () => slowClient(port, '127.0.0.2', head)));
    expect(await eventually(async () => (await connections(server)) >= 260, 5_000)).toBe(true);
    const health = await rawRequest(port, '/api/health/', {}, 'GET', undefined, { timeoutMs: 1_000 });
    expect(health.status).toBe(200);
    // Another reader's post goes through too.
    expect((await rawRequest(port, '/api/echo/', {}, 'POST', 'xin chào', { localAddress: '127.0.0.3', timeoutMs: 1_000 })).status).toBe(201);
    for (const s of sockets.splice(0)) s.destroy();
    const back = await eventually(async () => (await rawRequest(port, '/api/echo/', {}, 'POST', 'lại đây', { localAddress: '127.0.0.2', timeoutMs: 500 })).status === 201, 2_000);
    expect(back).toBe(true);
    expect(await eventually(async () => (await openUpstream(port)) === 0, 2_000)).toBe(true);
  });

  test('slow uploads from many addresses do not fill the global cap: it counts only requests whose body has arrived', async () => {
    const { port } = await serve({ limits: { maxConcurrent: 8, perAddress: 3 } });
    const head = 'POST /api/echo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nx';
    for (const a of [2, 3, 4, 5, 6]) for (let i = 0; i < 3; i += 1) await slowClient(port, `127.0.0.${a}`, head);
    const health = await rawRequest(port, '/api/health/', {}, 'GET', undefined, { timeoutMs: 1_000 });
    expect(health.status).toBe(200);
  });

  test('counts an IPv6 reader by its /64, so one home network is one address', () => {
    expect(addressGroup('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:0db8:0001:0002:0000:0000:0000:0009')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('203.0.113.7')).toBe('203.0.113.7');
  });

  test('a release whose routes never start answers 503 instead of holding requests forever', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-limits-'));
    const dir = createRelease(root, new Date(Date.UTC(2026, 10, 27, 1, 0, 0)));
    mkdirSync(path.join(dir, 'client'), { recursive: true });
    mkdirSync(path.join(dir, 'server'), { recursive: true });
    writeFileSync(path.join(dir, 'client', 'index.html'), '<title>A</title>');
    writeFileSync(path.join(dir, 'server', 'entry.mjs'), 'await new Promise(() => setInterval(() => undefined, 1000));\nexport function handler() {}\n');
    activate(root, path.basename(dir));
    const server = createPublicServer(root, { graceMs: 200, workerStartMs: 500 });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const res = await rawRequest((server.address() as AddressInfo).port, '/api/health/', {}, 'GET', undefined, { timeoutMs: 5_000 });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
  });

  test('a slow body is dropped with 408 after the body timeout', async () => {
    const { port } = await serve({ limits: { bodyTimeoutMs: 200 } });
    const answer = new Promise<string>((resolve) => {
      void slowClient(port, '127.0.0.2', 'POST /api/echo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nabc').then((s) => {
        let text = '';
        s.on('data', (c: Buffer) => (text += c.toString()));
        s.on('close', () => resolve(text));
      });
    });
    expect(await answer).toMatch(/^HTTP\/1\.1 408/);
  });

  test('a chunked 40 MB body gets 413 as soon as it passes the cap, with memory growth under 10 MB (issue 10, finding 3)', async () => {
    const { port } = await serve();
    const before = process.memoryUsage().rss;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const result = await new Promise<{ status: number; sent: number }>((resolve) => {
      let sent = 0;
      let status = 0;
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/echo/', headers: { 'transfer-encoding': 'chunked', 'content-type': 'text/plain' } }, (res) => {
        status = res.statusCode ?? 0;
        res.resume();
        res.on('end', () => resolve({ status, sent }));
      });
      req.on('error', () => resolve({ status, sent }));
      const write = () => {
        while (sent < 40 * 1024 * 1024 && status === 0) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    });
    expect(result.status).toBe(413);
    expect(result.sent).toBeLessThan(40 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(10 * 1024 * 1024);
    // A declared length over the cap is refused before a byte of the body is read.
    const declared = await new Promise<string>((resolve) => {
      void slowClient(port, '127.0.0.2', 'POST /api/echo/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000000\r\n\r\n').then((s) => {
        let text = '';
        s.on('data', (c: Buffer) => (text += c.toString()));
        s.on('close', () => resolve(text));
      });
    });
    expect(declared).toMatch(/^HTTP\/1\.1 413/);
    expect(declared).toContain('quá lớn');
    // Under the cap, the body reaches the route whole.
    const ok = await rawRequest(port, '/api/echo/', { 'transfer-encoding': 'chunked' }, 'POST', 'đ'.repeat(1000));
    expect(ok.status).toBe(201);
    expect(ok.body.toString()).toBe(`A:${'đ'.repeat(1000)}`);
  });

  test('a route that does not answer gets 504 after the upstream timeout, and a client that hangs up cancels its upstream request', async () => {
    const { port } = await serve({ limits: { upstreamTimeoutMs: 300 } });
    const timedOut = await rawRequest(port, '/api/hang/');
    expect(timedOut.status).toBe(504);
    expect(timedOut.body.toString()).toContain('không trả lời kịp');
    expect(await eventually(async () => (await openUpstream(port)) === 0, 2_000)).toBe(true);

    const patient = await serve({ limits: { upstreamTimeoutMs: 60_000 } });
    const client = await slowClient(patient.port, '127.0.0.2', 'GET /api/hang/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await eventually(async () => (await openUpstream(patient.port)) === 1, 2_000)).toBe(true);
    client.destroy();
    expect(await eventually(async () => (await openUpstream(patient.port)) === 0, 2_000)).toBe(true);
  });

  test('caps concurrent requests per address (429) and in all (503 with Retry-After) instead of queueing', async () => {
    const { port } = await serve({ limits: { perAddress: 2, maxConcurrent: 3, upstreamTimeoutMs: 60_000 } });
    const hang = 'GET /api/hang/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    await slowClient(port, '127.0.0.2', hang);
    await slowClient(port, '127.0.0.2', hang);
    expect(await eventually(async () => (await openUpstream(port)) === 2, 2_000)).toBe(true);
    const third = await rawRequest(port, '/api/health/', {}, 'GET', undefined, { localAddress: '127.0.0.2' });
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
    expect(third.body.toString()).toContain('quá nhiều yêu cầu');
    await slowClient(port, '127.0.0.3', hang);
    // Three in flight: the next one, from yet another address, is refused rather than queued.
    let full = await rawRequest(port, '/api/health/', {}, 'GET', undefined, { localAddress: '127.0.0.4' });
    expect(await eventually(async () => (full = await rawRequest(port, '/api/health/', {}, 'GET', undefined, { localAddress: '127.0.0.4' })).status === 503, 2_000)).toBe(true);
    expect(full.body.toString()).toContain('quá tải');
    expect(Number(full.headers['retry-after'])).toBeGreaterThan(0);
    // Static files are not on-demand requests and are never refused for it.
    expect((await rawRequest(port, '/', {}, 'GET', undefined, { localAddress: '127.0.0.2' })).status).toBe(200);
    for (const s of sockets.splice(0)) s.destroy();
    expect(await eventually(async () => (await rawRequest(port, '/api/health/', {}, 'GET', undefined, { localAddress: '127.0.0.4' })).status === 200, 2_000)).toBe(true);
  });

  test('X-Real-IP and X-Forwarded-For count only from a trusted proxy (issue 10, finding 6)', async () => {
    const client = async (port: number, headers: Record<string, string>) => JSON.parse((await rawRequest(port, '/api/health/', headers)).body.toString()).client as string;
    const direct = await serve();
    expect(await client(direct.port, { 'x-real-ip': '203.0.113.1' })).toBe('127.0.0.1');
    expect(await client(direct.port, { 'x-forwarded-for': '203.0.113.1' })).toBe('127.0.0.1');
    expect(await client(direct.port, { 'x-cong-client-ip': '203.0.113.1' })).toBe('127.0.0.1');
    const proxied = await serve({ trustedProxies: ['127.0.0.1'] });
    expect(await client(proxied.port, { 'x-real-ip': '203.0.113.1' })).toBe('203.0.113.1');
    expect(await client(proxied.port, { 'x-real-ip': 'not an address' })).toBe('127.0.0.1');
    // Another loopback peer is not the trusted proxy.
    const other = JSON.parse((await rawRequest(proxied.port, '/api/health/', { 'x-real-ip': '203.0.113.1' }, 'GET', undefined, { localAddress: '127.0.0.5' })).body.toString()).client;
    expect(other).toBe('127.0.0.5');
  });

  test('every answer carries the security headers; a route\'s own policy gets frame-ancestors \'none\' unless it says otherwise (issue 10, finding 10)', async () => {
    const { port } = await serve();
    for (const [target, method] of [['/', 'GET'], ['/_astro/app.abc123.js', 'GET'], ['/khong-co/', 'GET'], ['/api/health/', 'GET'], ['/', 'POST'], ['/tin-tuc/bai-a', 'GET']] as const) {
      const res = await rawRequest(port, target, {}, method, method === 'POST' ? 'x' : undefined);
      expect(res.headers['x-content-type-options'], target).toBe('nosniff');
      expect(res.headers['referrer-policy'], target).toBe('strict-origin-when-cross-origin');
      expect(res.headers['permissions-policy'], target).toContain('camera=()');
      expect(res.headers['content-security-policy'], target).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'");
    }
    expect((await rawRequest(port, '/api/csp/')).headers['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'none'");
  });

  test('the routes\' worker answers only its own public server, so nothing on this machine can pass the limits by calling it directly', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cong-limits-'));
    const release = path.join(root, 'releases', await makeRelease(root, 'A', 1));
    const routes = new OnDemandRoutes({ graceMs: 200 });
    try {
      const port = await routes.port(release);
      expect(typeof port).toBe('number');
      for (const headers of [{}, { 'x-cong-proxy-secret': 'guessed' }] as Array<Record<string, string>>) {
        const direct = await rawRequest(port as number, '/api/health/', { ...headers, 'x-cong-client-ip': '203.0.113.9' });
        expect(direct.status).toBe(403);
      }
    } finally {
      await routes.close();
    }
    // Through the public server, the route answers, whatever secret a client sends along.
    const { port } = await serve();
    const proxied = await rawRequest(port, '/api/health/', { 'x-cong-proxy-secret': 'guessed' });
    expect(proxied.status).toBe(200);
  });

  test('reads its limits and trusted proxies from the environment, naming a bad variable', () => {
    const parsed = parsePublicServerEnvironment({ TRUSTED_PROXY: '127.0.0.1, ::1', ONDEMAND_MAX_BODY_BYTES: '65536' });
    expect(parsed.trustedProxies).toEqual(['127.0.0.1', '::1']);
    expect(parsed.limits.maxBodyBytes).toBe(65536);
    expect(parsePublicServerEnvironment({}).trustedProxies).toEqual([]);
    expect(() => parsePublicServerEnvironment({ TRUSTED_PROXY: 'nginx.local' })).toThrow(/TRUSTED_PROXY/);
    expect(() => parsePublicServerEnvironment({ ONDEMAND_PER_ADDRESS: '0' })).toThrow(/ONDEMAND_PER_ADDRESS/);
  });
});
