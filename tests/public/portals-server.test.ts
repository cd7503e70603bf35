/**
 * Issue 14, serving by host name: the public server picks each portal's live release by Host
 * (RELEASES_DIR/portals.json, the publisher's copy of the registry), answers an unknown or disabled
 * host with a standalone Vietnamese 404 page, runs one on-demand worker per portal (with its
 * code and its own reader store) that stops when idle, and without a registry (or with a single
 * portal in it) serves every host as before.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { portalForHost, portalRoot, readPortalRegistry, writePortalRegistry, type PortalInfo } from '../../content-types/src/portals';
import { parsePublicServerEnvironment, portalEnvironment } from '../../scripts/public/config';
import { OnDemandRoutes } from '../../scripts/public/on-demand';
import { createPublicServer, type PublicServerOptions } from '../../scripts/public/server';
import { activate } from '../../scripts/publisher/releases';
import { waitUntil } from '../helpers/conditions';
import { makeRelease, rawRequest } from '../helpers/releases';

const servers: Array<ReturnType<typeof createPublicServer>> = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const PRIMARY: PortalInfo = { code: 'lam-giang', name: 'Ủy ban nhân dân tỉnh Lâm Giang', level: 'Tỉnh, thành phố', parent: null, domains: ['lamgiang.gov.vn', 'www.lamgiang.gov.vn'], enabled: true, primary: true };
const TAN_HOA: PortalInfo = { code: 'xa-tan-hoa', name: 'Ủy ban nhân dân xã Tân Hòa', level: 'Xã, phường, đặc khu', parent: 'lam-giang', domains: ['tanhoa.lamgiang.gov.vn', 'xa-tan-hoa.localhost'], enabled: true, primary: false };
const DONG_SON: PortalInfo = { code: 'xa-dong-son', name: 'Ủy ban nhân dân xã Đông Sơn', level: 'Xã, phường, đặc khu', parent: 'lam-giang', domains: ['dongson.lamgiang.gov.vn'], enabled: false, primary: false };

/** A route that tells what its worker was started with (the portal's code, its reader store). */
const ENV_ENTRY = (label: string) => `
export function handler(req, res, next) {
  if (req.url === '/api/env/') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    return res.end(JSON.stringify({ label: ${JSON.stringify(label)}, portal: process.env.SITE_PORTAL ?? null, readerDb: process.env.READER_DB ?? null, redisPrefix: process.env.REDIS_PREFIX ?? null, keyFile: process.env.READER_KEY_FILE ?? null }));
  }
  next();
}
`;

/** A live release saying `label` under `root` (the releases root of one portal). */
async function liveRelease(root: string, label: string, second: number): Promise<void> {
  mkdirSync(root, { recursive: true });
  const name = await makeRelease(root, label, second);
  writeFileSync(path.join(root, 'releases', name, 'server', 'entry.mjs'), ENV_ENTRY(label));
  activate(root, name);
}

/** A releases root with the primary portal's release ("Lâm Giang") and Tân Hòa's ("Tân Hòa"). */
async function twoPortals(): Promise<string> {
  const root = mkdtempSync(path.join(tmpdir(), 'cong-portals-'));
  dirs.push(root);
  await liveRelease(root, 'Lâm Giang', 1);
  await liveRelease(portalRoot(root, TAN_HOA), 'Tân Hòa', 2);
  return root;
}

async function serve(root: string, options: PublicServerOptions = {}): Promise<number> {
  const server = createPublicServer(root, { graceMs: 200, env: { READER_DB: path.join(root, 'data', 'reader.db') }, ...options });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const get = (port: number, rawPath: string, host?: string, method = 'GET') => rawRequest(port, rawPath, host === undefined ? {} : { host }, method);
const title = (body: Buffer) => /<title>([^<]*)<\/title>/.exec(body.toString())?.[1];

describe('the public server with several portals', () => {
  test('serves each portal\'s live release by Host; the primary also on localhost, 127.0.0.1 and SITE_URL\'s host', async () => {
    const root = await twoPortals();
    writePortalRegistry(root, { portals: [PRIMARY, TAN_HOA, DONG_SON] });
    const port = await serve(root, { siteUrl: 'https://cong.lamgiang.gov.vn' });
    for (const host of ['lamgiang.gov.vn', 'WWW.LamGiang.gov.vn:8080', 'localhost:4321', '127.0.0.1', '[::1]:4321', 'cong.lamgiang.gov.vn', undefined]) {
      const home = await get(port, '/', host);
      expect(home.status, String(host)).toBe(200);
      expect(title(home.body), String(host)).toBe('Lâm Giang');
    }
    for (const host of ['tanhoa.lamgiang.gov.vn', 'xa-tan-hoa.localhost:4321', 'TANHOA.lamgiang.gov.vn.']) {
      const home = await get(port, '/', host);
      expect(home.status, host).toBe(200);
      expect(title(home.body), host).toBe('Tân Hòa');
      expect((await get(port, '/tin-tuc/bai-a/', host)).body.toString(), host).toContain('Bài A (Tân Hòa)');
    }
    // A portal's 404 is its own release's.
    const missing = await get(port, '/khong-co/', 'tanhoa.lamgiang.gov.vn');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Không tìm thấy trang');
  });

  test('answers an unknown host, and a disabled portal\'s, with a standalone Vietnamese 404 page that no cache keeps', async () => {
    const root = await twoPortals();
    writePortalRegistry(root, { portals: [PRIMARY, TAN_HOA, DONG_SON] });
    const port = await serve(root);
    for (const host of ['khong-ton-tai.gov.vn', 'dongson.lamgiang.gov.vn', 'lamgiang.gov.vn.evil.example']) {
      for (const target of ['/', '/tin-tuc/bai-a/', '/api/env/']) {
        const page = await get(port, target, host);
        expect(page.status, `${host} ${target}`).toBe(404);
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(page.headers['cache-control']).toBe('no-store');
        expect(page.headers['x-content-type-options']).toBe('nosniff');
        expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
        expect(String(page.headers['content-security-policy'])).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
        const html = page.body.toString();
        expect(html).toContain('<html lang=\'vi\'>');
        expect(html).toContain('<h1>Không tìm thấy cổng thông tin</h1>');
        expect(html).toContain('Vui lòng kiểm tra');
        expect(html).toContain('tên miền');
        // No portal's layout, nothing to load.
        expect(html).not.toContain('Lâm Giang');
        expect(html).not.toMatch(/<(link|script|img)\b/);
      }
    }
    const head = await get(port, '/', 'khong-ton-tai.gov.vn', 'HEAD');
    expect(head.status).toBe(404);
    expect(head.body.length).toBe(0);
    expect((await get(port, '/binh-luan/', 'khong-ton-tai.gov.vn', 'POST')).status).toBe(404);
  });

  test('without a registry, or with a single portal in it, serves every host from RELEASES_DIR/current as before', async () => {
    const root = await twoPortals();
    const port = await serve(root, { registryCheckMs: 0 });
    for (const host of ['tanhoa.lamgiang.gov.vn', 'khong-ton-tai.gov.vn', undefined]) expect(title((await get(port, '/', host)).body), String(host)).toBe('Lâm Giang');
    writePortalRegistry(root, { portals: [PRIMARY] });
    for (const host of ['tanhoa.lamgiang.gov.vn', 'khong-ton-tai.gov.vn']) {
      const home = await get(port, '/', host);
      expect(home.status, host).toBe(200);
      expect(title(home.body), host).toBe('Lâm Giang');
    }
    // The worker of the one portal has today's environment (no portal code, today's reader store).
    const env = JSON.parse((await get(port, '/api/env/', 'khong-ton-tai.gov.vn')).body.toString());
    expect(env).toMatchObject({ label: 'Lâm Giang', portal: null, readerDb: path.join(root, 'data', 'reader.db'), redisPrefix: null });
  });

  test('with only the primary portal left enabled, a disabled portal\'s host (and an unknown one) gets the Vietnamese 404 page, not the primary', async () => {
    const root = await twoPortals();
    writePortalRegistry(root, { portals: [PRIMARY, { ...TAN_HOA, enabled: false }] });
    const port = await serve(root, { siteUrl: 'https://cong.lamgiang.gov.vn' });
    for (const host of ['lamgiang.gov.vn', 'localhost:4321', 'cong.lamgiang.gov.vn', undefined]) {
      const home = await get(port, '/', host);
      expect(home.status, String(host)).toBe(200);
      expect(title(home.body), String(host)).toBe('Lâm Giang');
    }
    for (const host of ['tanhoa.lamgiang.gov.vn', 'xa-tan-hoa.localhost:4321', 'khong-ton-tai.gov.vn']) {
      for (const target of ['/', '/api/env/']) {
        const page = await get(port, target, host);
        expect(page.status, `${host} ${target}`).toBe(404);
        expect(page.body.toString(), host).toContain('<h1>Không tìm thấy cổng thông tin</h1>');
        expect(page.body.toString(), host).not.toContain('Lâm Giang');
      }
    }
  });

  test('reads portals.json again when it changes, without a restart', async () => {
    const root = await twoPortals();
    const port = await serve(root);
    expect(title((await get(port, '/', 'tanhoa.lamgiang.gov.vn')).body)).toBe('Lâm Giang');
    writePortalRegistry(root, { portals: [PRIMARY, TAN_HOA] });
    await waitUntil(async () => title((await get(port, '/', 'tanhoa.lamgiang.gov.vn')).body) === 'Tân Hòa' || 'still the primary portal', { timeoutMs: 10_000, what: 'Tân Hòa served by its host' });
    // Disabled: its host is unknown from then on.
    writePortalRegistry(root, { portals: [PRIMARY, { ...TAN_HOA, enabled: false }, { ...DONG_SON, enabled: true }] });
    await waitUntil(async () => (await get(port, '/', 'tanhoa.lamgiang.gov.vn')).status === 404 || 'still served', { timeoutMs: 10_000, what: 'Tân Hòa disabled' });
    // A damaged file keeps the portals read before.
    writeFileSync(path.join(root, 'portals.json'), '{ "portals": [');
    const logs: string[] = [];
    const other = await serve(root, { log: (m) => logs.push(m), registryCheckMs: 0 });
    expect((await get(other, '/', 'tanhoa.lamgiang.gov.vn')).status).toBe(200);
    expect(logs.join('\n')).toMatch(/portals\.json is not JSON/);
  });

  test('gives each portal\'s on-demand worker its code and its own reader store; the primary keeps today\'s', async () => {
    const root = await twoPortals();
    writePortalRegistry(root, { portals: [PRIMARY, TAN_HOA] });
    const port = await serve(root, { env: { READER_DB: path.join(root, 'data', 'reader.db'), REDIS_PREFIX: 'cong:' } });
    const primary = JSON.parse((await get(port, '/api/env/', 'lamgiang.gov.vn')).body.toString());
    expect(primary).toEqual({ label: 'Lâm Giang', portal: 'lam-giang', readerDb: path.join(root, 'data', 'reader.db'), redisPrefix: 'cong:', keyFile: null });
    const commune = JSON.parse((await get(port, '/api/env/', 'xa-tan-hoa.localhost')).body.toString());
    expect(commune).toEqual({
      label: 'Tân Hòa',
      portal: 'xa-tan-hoa',
      readerDb: path.join(root, 'data', 'portals', 'xa-tan-hoa', 'reader.db'),
      redisPrefix: 'cong:portal:xa-tan-hoa:',
      // One reader key for every portal: the primary's.
      keyFile: path.join(root, 'data', 'reader-key'),
    });
  });
});

describe('on-demand workers per portal', () => {
  test('a portal\'s worker starts on its first request and stops after ON_DEMAND_IDLE_MS without one', async () => {
    const root = await twoPortals();
    const logs: string[] = [];
    const routes = new OnDemandRoutes({ graceMs: 200, idleMs: 300, log: (m) => logs.push(m) });
    try {
      expect(routes.running()).toEqual([]);
      const a = await routes.port(path.join(root, 'current'), { key: 'lam-giang' });
      const b = await routes.port(path.join(portalRoot(root, TAN_HOA), 'current'), { key: 'xa-tan-hoa', env: { SITE_PORTAL: 'xa-tan-hoa' } });
      expect(typeof a).toBe('number');
      expect(typeof b).toBe('number');
      expect(routes.running().sort()).toEqual(['lam-giang', 'xa-tan-hoa']);
      await waitUntil(() => routes.running().length === 0 || `running: ${routes.running().join(', ')}`, { timeoutMs: 10_000, what: 'idle workers stopped' });
      expect(logs.filter((l) => /stopped after 300 ms without a request/.test(l))).toHaveLength(2);
      // The next request starts it again.
      expect(typeof (await routes.port(path.join(root, 'current'), { key: 'lam-giang' }))).toBe('number');
      expect(routes.running()).toEqual(['lam-giang']);
    } finally {
      await routes.close();
    }
  });

  test('through the server: a request in flight keeps its worker; idle workers stop; a later request starts it again', async () => {
    const root = await twoPortals();
    // The primary's release has the helper's hanging route.
    const name = await makeRelease(root, 'Lâm Giang 2', 3);
    activate(root, name);
    writePortalRegistry(root, { portals: [PRIMARY, TAN_HOA] });
    const logs: string[] = [];
    const port = await serve(root, { idleMs: 300, log: (m) => logs.push(m) });
    const stopped = () => logs.filter((l) => /stopped after 300 ms/.test(l));
    expect((await get(port, '/api/env/', 'tanhoa.lamgiang.gov.vn')).status).toBe(200);
    const hanging = rawRequest(port, '/api/hang/', { host: 'lamgiang.gov.vn' }, 'GET', undefined, { timeoutMs: 5_000 }).catch(() => 'aborted');
    await waitUntil(() => logs.some((l) => /lam-giang\/.* ready/.test(l)) || 'primary not started', { timeoutMs: 10_000, what: 'primary worker started' });
    await waitUntil(() => stopped().some((l) => l.includes('xa-tan-hoa/')) || 'Tân Hòa still running', { timeoutMs: 10_000, what: 'Tân Hòa idle stop' });
    // The primary's worker holds a request: not stopped while it does.
    expect(stopped().some((l) => l.includes('lam-giang/'))).toBe(false);
    expect(await hanging).toBe('aborted');
    await waitUntil(() => stopped().some((l) => l.includes('lam-giang/')) || 'primary still running', { timeoutMs: 10_000, what: 'primary idle stop once its request ended' });
    const again = JSON.parse((await get(port, '/api/env/', 'tanhoa.lamgiang.gov.vn')).body.toString());
    expect(again.label).toBe('Tân Hòa');
  });

  test('ON_DEMAND_IDLE_MS is validated, naming the variable', () => {
    expect(parsePublicServerEnvironment({}).idleMs).toBe(600_000);
    expect(parsePublicServerEnvironment({ ON_DEMAND_IDLE_MS: '60000' }).idleMs).toBe(60_000);
    expect(() => parsePublicServerEnvironment({ ON_DEMAND_IDLE_MS: '10' })).toThrow(/ON_DEMAND_IDLE_MS must be at least 1000/);
    expect(() => parsePublicServerEnvironment({ ON_DEMAND_IDLE_MS: 'soon' })).toThrow(/ON_DEMAND_IDLE_MS/);
  });
});

describe('the portal registry (content-types/src/portals.ts)', () => {
  test('round-trips, matches hosts and refuses a bad entry naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cong-registry-'));
    dirs.push(dir);
    expect(readPortalRegistry(dir)).toBeNull();
    writePortalRegistry(dir, { portals: [PRIMARY, TAN_HOA, DONG_SON] });
    const read = readPortalRegistry(dir)!;
    expect(read.portals.map((p) => p.code)).toEqual(['lam-giang', 'xa-tan-hoa', 'xa-dong-son']);
    expect(portalForHost(read.portals, 'TanHoa.LamGiang.gov.vn:443')?.code).toBe('xa-tan-hoa');
    expect(portalForHost(read.portals, 'dongson.lamgiang.gov.vn')).toBeNull();
    expect(portalForHost(read.portals, '127.0.0.1:4321')?.code).toBe('lam-giang');
    expect(portalForHost(read.portals, 'cong.example', ['cong.example'])?.code).toBe('lam-giang');
    expect(portalRoot('/srv/releases', PRIMARY)).toBe('/srv/releases');
    expect(portalRoot('/srv/releases', TAN_HOA)).toBe('/srv/releases/portals/xa-tan-hoa');
    writeFileSync(path.join(dir, 'portals.json'), JSON.stringify({ portals: [{ ...TAN_HOA, domains: ['tan hoa'] }] }));
    expect(() => readPortalRegistry(dir)).toThrow(/portals\[0\]\.domains \(portal xa-tan-hoa\) has "tan hoa"/);
    writeFileSync(path.join(dir, 'portals.json'), JSON.stringify({ portals: [{ ...TAN_HOA, code: 'Tân Hòa' }] }));
    expect(() => readPortalRegistry(dir)).toThrow(/portals\[0\]\.code/);
  });

  test('portalEnvironment: the primary keeps today\'s store, others get their own file and Redis prefix', () => {
    const env = { READER_DB: '/srv/cong/data/reader.db' };
    expect(portalEnvironment(env, PRIMARY)).toEqual({ SITE_PORTAL: 'lam-giang' });
    expect(portalEnvironment(env, TAN_HOA)).toEqual({
      SITE_PORTAL: 'xa-tan-hoa',
      READER_DB: '/srv/cong/data/portals/xa-tan-hoa/reader.db',
      READER_KEY_FILE: '/srv/cong/data/reader-key',
      REDIS_PREFIX: 'cong:portal:xa-tan-hoa:',
    });
    expect(portalEnvironment({ ...env, REDIS_PREFIX: 'tinh:', READER_KEY_FILE: '/etc/cong/key' }, TAN_HOA)).toMatchObject({ REDIS_PREFIX: 'tinh:portal:xa-tan-hoa:', READER_KEY_FILE: '/etc/cong/key' });
  });
});
