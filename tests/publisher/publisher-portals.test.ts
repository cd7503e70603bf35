/**
 * The publisher's portals from the CMS's registry (issue 14), without a CMS (nothing is built:
 * the quiet period outlasts the test): one queue and root per enabled portal, the registry
 * copied without tokens for the public server, a portal added or disabled while running, an
 * event queued only in its portal, /status per portal.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { PortalInfo } from '../../content-types/src/portals';
import { startPublisher, type Publisher } from '../../scripts/publisher/publisher';
import { waitUntil } from '../helpers/conditions';
import { request } from '../helpers/http';
import { freePort } from '../helpers/net';

const SECRET = 'test-webhook-secret-portals-0123456789';
const portal = (code: string, extra: Partial<PortalInfo> = {}): PortalInfo => ({
  code, name: `Ủy ban nhân dân ${code}`, level: 'Xã, phường, đặc khu', parent: 'lam-giang', domains: [`${code}.localhost`], enabled: true, primary: false, tokenFile: `portal-tokens/${code}`, ...extra,
});
const PROVINCE = portal('lam-giang', { name: 'Ủy ban nhân dân tỉnh Lâm Giang', level: 'Tỉnh, thành phố', parent: null, primary: true, tokenFile: 'build-token' });

let dir: string;
let publisher: Publisher | undefined;
const logs: string[] = [];

function writeRegistry(portals: PortalInfo[]): void {
  writeFileSync(path.join(dir, 'cms', 'portals.json'), JSON.stringify({ portals }));
}

async function start(portals: PortalInfo[] | null, cmsUrl?: string): Promise<Publisher> {
  dir = mkdtempSync(path.join(tmpdir(), 'cong-portals-'));
  mkdirSync(path.join(dir, 'cms', 'portal-tokens'), { recursive: true });
  writeFileSync(path.join(dir, 'cms', 'build-token'), 'token-of-the-province-0123456789');
  for (const code of ['xa-tan-hoa', 'xa-binh-an', 'xa-moi']) writeFileSync(path.join(dir, 'cms', 'portal-tokens', code), `token-of-${code}-0123456789`);
  if (portals) writeRegistry(portals);
  publisher = await startPublisher({
    host: '127.0.0.1', port: 0, secret: SECRET, root: path.join(dir, 'releases'), keep: 2,
    cmsUrl: cmsUrl ?? `http://127.0.0.1:${await freePort()}`, token: 'configured-token-0123456789', siteUrl: 'http://127.0.0.1:4321',
    quietMs: 600_000, maxWaitMs: 600_000, reconcileMs: 0, retryBaseMs: 600_000, registryDir: path.join(dir, 'cms'), concurrency: 2,
    log: (m) => logs.push(m),
  });
  return publisher;
}

const webhook = (payload: unknown) => fetch(`${publisher!.url}/webhook`, { method: 'POST', headers: { 'x-cong-webhook-secret': SECRET, 'content-type': 'application/json' }, body: JSON.stringify(payload) });

/**
 * A CMS whose tokens each read their own portal's entry (and nothing else) and whose province has
 * one shared article of xa-tan-hoa; it records each request with the token that made it.
 */
const cmsRequests: Array<{ token: string; path: string }> = [];
let cms: Server | undefined;
async function fakeCms(): Promise<string> {
  cms = createServer((req, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    cmsRequests.push({ token, path: req.url ?? '' });
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/api/cong/shared-news?')) {
      res.end(JSON.stringify({ data: [{ documentId: 's1', title: 'Tin chia sẻ', slug: 'tin-chia-se', summary: null, publishedAt: '2026-11-27T01:30:00.000Z', updatedAt: '2026-11-27T01:30:00.000Z', portal: { code: 'xa-tan-hoa', name: 'Ủy ban nhân dân xã Tân Hòa', domains: ['xa-tan-hoa.localhost'] } }] }));
      return;
    }
    const own = token === 'token-of-the-province-0123456789' ? 'lam-giang' : /^token-of-(.+)-0123456789$/.exec(token)?.[1];
    const data = req.url?.startsWith('/api/portals?') && own ? [{ documentId: `p-${own}`, slug: own, updatedAt: '2026-11-27T01:30:00.000Z' }] : [];
    res.end(JSON.stringify({ data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } }));
  });
  await new Promise<void>((resolve) => cms!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(cms.address() as { port: number }).port}`;
}

afterEach(async () => {
  if (cms) await new Promise((resolve) => cms!.close(resolve));
  cms = undefined;
  cmsRequests.length = 0;
  await publisher?.close();
  publisher = undefined;
  logs.length = 0;
  rmSync(dir, { recursive: true, force: true });
});

describe('publisher with a portal registry', () => {
  test('no registry: one portal on RELEASES_DIR, no portals.json written, every event queued there', async () => {
    const p = await start(null);
    expect(p.portals()).toEqual(['default']);
    expect(p.portal('default')!.root).toBe(path.join(dir, 'releases'));
    expect(existsSync(path.join(dir, 'releases', 'portals.json'))).toBe(false);
    const res = await webhook({ event: 'entry.unpublish', model: 'article', entry: { documentId: 'abc', portal: { count: 1 } } });
    expect(await res.json()).toMatchObject({ accepted: true, build: true, portals: ['default'] });
    expect(p.queue.status()).toMatchObject({ pending: true, eventsSinceLastBuild: 1 });
    const status = (await request(`${p.url}/status`)).body;
    expect(status.queue.pending).toBe(true);
    expect(status.portals.default.queue.pending).toBe(true);
  });

  test('one queue and root per enabled portal; the registry is copied without tokens to RELEASES_DIR/portals.json', async () => {
    const p = await start([PROVINCE, portal('xa-tan-hoa'), portal('xa-binh-an'), portal('xa-tat', { enabled: false })]);
    expect(p.portals()).toEqual(['lam-giang', 'xa-tan-hoa', 'xa-binh-an']);
    expect(p.portal('lam-giang')!.root).toBe(path.join(dir, 'releases'));
    expect(p.portal('xa-tan-hoa')!.root).toBe(path.join(dir, 'releases', 'portals', 'xa-tan-hoa'));
    expect(p.portal('xa-tat')).toBeUndefined();
    const copy = JSON.parse(readFileSync(path.join(dir, 'releases', 'portals.json'), 'utf8')) as { portals: Array<Record<string, unknown>> };
    expect(copy.portals.map((x) => x.code)).toEqual(['lam-giang', 'xa-tan-hoa', 'xa-binh-an', 'xa-tat']);
    expect(copy.portals.every((x) => !('tokenFile' in x))).toBe(true);
    expect(copy.portals[3]).toMatchObject({ enabled: false, domains: ['xa-tat.localhost'], parent: 'lam-giang', primary: false });
  });

  test('an event for portal A queues only A (and its parent when shared); /status shows each portal; /status/<code> one', async () => {
    const p = await start([PROVINCE, portal('xa-tan-hoa'), portal('xa-binh-an')]);
    const res = await webhook({ event: 'entry.publish', model: 'article', entry: { documentId: 'd1', portal: { slug: 'xa-tan-hoa' } } });
    expect(await res.json()).toMatchObject({ build: true, portals: ['xa-tan-hoa'] });
    expect(p.portal('xa-tan-hoa')!.queue.status()).toMatchObject({ pending: true, eventsSinceLastBuild: 1 });
    expect(p.portal('xa-binh-an')!.queue.status()).toMatchObject({ pending: false, eventsSinceLastBuild: 0 });
    expect(p.portal('lam-giang')!.queue.status()).toMatchObject({ pending: false, eventsSinceLastBuild: 0 });

    await webhook({ event: 'entry.publish', model: 'article', entry: { documentId: 'd2', shareWithParent: true, portal: { slug: 'xa-binh-an' } } });
    expect(p.portal('xa-binh-an')!.queue.status().pending).toBe(true);
    expect(p.portal('lam-giang')!.queue.status().pending).toBe(true);

    const status = (await request(`${p.url}/status`)).body;
    expect(Object.keys(status.portals)).toEqual(['lam-giang', 'xa-tan-hoa', 'xa-binh-an']);
    expect(status.portals['xa-tan-hoa']).toMatchObject({ code: 'xa-tan-hoa', enabled: true, primary: false, url: 'http://xa-tan-hoa.localhost:4321/', liveRelease: null, lastBuild: null, queue: { pending: true } });
    expect(status.queue).toEqual(status.portals['lam-giang'].queue); // the top level is the primary portal's, as before
    expect(status.scheduler).toEqual({ limit: 2, running: [], waiting: [] });
    const one = await request(`${p.url}/status/xa-tan-hoa`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ code: 'xa-tan-hoa', queue: { eventsSinceLastBuild: 1 } });
    const unknown = await request(`${p.url}/status/xa-khong-co`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain('xa-khong-co');
  });

  test('a portal added while running gets its first build attempt; one disabled is stopped and keeps its live release', async () => {
    const p = await start([PROVINCE, portal('xa-tan-hoa'), portal('xa-binh-an')]);
    // Work owed to xa-binh-an when it is disabled stays on disk, but is never built.
    await webhook({ event: 'entry.publish', model: 'article', entry: { documentId: 'd1', portal: { slug: 'xa-binh-an' } } });
    const binhAnRoot = p.portal('xa-binh-an')!.root;
    mkdirSync(path.join(binhAnRoot, 'releases', 'r1'), { recursive: true });
    writeRegistry([PROVINCE, portal('xa-tan-hoa'), portal('xa-binh-an', { enabled: false }), portal('xa-moi')]);
    // The registry's folder is watched: no explicit refresh.
    await waitUntil(() => p.portals().includes('xa-moi') || `portals: ${p.portals().join(', ')}`, { what: 'the new portal picked up', timeoutMs: 10_000 });
    expect(p.portals()).toEqual(['lam-giang', 'xa-tan-hoa', 'xa-moi']);
    // Its first build: reconciled at once (the CMS is down here, so the attempt fails and says so).
    await waitUntil(() => p.portal('xa-moi')!.lastReconciliation() !== null || 'not reconciled', { what: 'the new portal reconciled', timeoutMs: 10_000 });
    expect(p.portal('xa-moi')!.lastReconciliation()!.result).toContain('failed');
    expect(existsSync(path.join(binhAnRoot, 'releases', 'r1'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(binhAnRoot, 'queue.json'), 'utf8'))).toMatchObject({ pending: true });
    const status = (await request(`${p.url}/status/xa-binh-an`)).body;
    expect(status).toEqual({ code: 'xa-binh-an', enabled: false, liveRelease: null });
    // Its own change that disables it (before the CMS rewrites the registry) builds nothing either.
    const disabling = await webhook({ event: 'entry.update', model: 'portal', entry: { documentId: 'p3', slug: 'xa-tan-hoa', enabled: false } });
    expect(await disabling.json()).toMatchObject({ build: false, portals: [] });
    expect(p.portal('xa-tan-hoa')!.queue.status().pending).toBe(false);
    // Events for it are not built.
    const res = await webhook({ event: 'entry.publish', model: 'article', entry: { documentId: 'd3', portal: { slug: 'xa-binh-an' } } });
    expect(await res.json()).toMatchObject({ build: false, portals: [] });
    expect(logs.some((m) => m.includes('xa-binh-an is disabled or gone'))).toBe(true);
    // The copy for the public server follows.
    const copy = JSON.parse(readFileSync(path.join(dir, 'releases', 'portals.json'), 'utf8')) as { portals: PortalInfo[] };
    expect(copy.portals.find((x) => x.code === 'xa-binh-an')!.enabled).toBe(false);
    expect(copy.portals.map((x) => x.code)).toContain('xa-moi');
  });

  test('an event that cannot be told reconciles every portal; a malformed registry keeps the portals as they were', async () => {
    const p = await start([PROVINCE, portal('xa-tan-hoa')]);
    const res = await webhook({ event: 'entry.delete', model: 'link', entry: { documentId: 'gone' } });
    expect(await res.json()).toMatchObject({ build: true, portals: 'all' });
    await waitUntil(() => (p.portal('lam-giang')!.lastReconciliation() !== null && p.portal('xa-tan-hoa')!.lastReconciliation() !== null) || 'not yet', { what: 'every portal reconciled', timeoutMs: 10_000 });
    writeFileSync(path.join(dir, 'cms', 'portals.json'), '{ not json');
    expect(p.refreshRegistry()).toBe(false);
    expect(p.portals()).toEqual(['lam-giang', 'xa-tan-hoa']);
    expect(logs.some((m) => m.includes('portal registry cannot be read'))).toBe(true);
  });

  test('reconciling asks the CMS for shared news only for a portal that has child portals, and only for its own', async () => {
    // lam-giang is xa-tan-hoa's and xa-binh-an's parent; xa-binh-an is nobody's.
    const p = await start([PROVINCE, portal('xa-tan-hoa'), portal('xa-binh-an')], await fakeCms());
    expect(await p.reconcile()).toBe(true); // nothing is live yet: every portal is stale
    for (const code of p.portals()) expect(p.portal(code)!.lastReconciliation()!.result, code).toBe('stale: build scheduled');
    const shared = cmsRequests.filter((r) => r.path.startsWith('/api/cong/shared-news'));
    expect(shared).toEqual([{ token: 'token-of-the-province-0123456789', path: '/api/cong/shared-news?portal=lam-giang' }]);
    // Per portal: one page of each collection type, nothing more.
    const perToken = (token: string) => cmsRequests.filter((r) => r.token === token).length;
    expect(perToken('token-of-xa-binh-an-0123456789')).toBe(perToken('token-of-the-province-0123456789') - 1);
    // A child added to xa-binh-an: now it asks too.
    cmsRequests.length = 0;
    writeRegistry([PROVINCE, portal('xa-tan-hoa'), portal('xa-binh-an'), portal('xa-moi', { parent: 'xa-binh-an' })]);
    expect(p.refreshRegistry()).toBe(true);
    await p.portal('xa-binh-an')!.reconcile();
    expect(cmsRequests.filter((r) => r.path.startsWith('/api/cong/shared-news'))).toEqual([{ token: 'token-of-xa-binh-an-0123456789', path: '/api/cong/shared-news?portal=xa-binh-an' }]);
  });
});
