/**
 * Two portals, one publisher, a real Strapi (issue 14): a publish in one portal builds only that
 * portal (the other's live release and queue untouched), an unpublish (whose webhook does not
 * name the portal) goes to the portal whose live release shows the entry, and /status reports
 * each portal. Part A's fenced per-portal tokens are not in this branch yet: both portals'
 * tokenFile point at the harness's build token, so each build reads every portal's entries;
 * what is tested here is which portal is built, not what its pages hold.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensurePublisherWebhook } from '../../cms/src/bootstrap/publisher-webhook';
import { seedDemoContent } from '../../cms/src/seed/index';
import { readPortalRegistry, type PortalInfo } from '../../content-types/src/portals';
import { startPublisher, type Publisher } from '../../scripts/publisher/publisher';
import { currentRelease } from '../../scripts/publisher/releases';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { nextCmsEvent, waitUntil, webhooksInFlight } from '../helpers/conditions';
import { request } from '../helpers/http';
import { rootDir, SITE_URL } from '../helpers/site-build';

const SECRET = 'test-webhook-secret-two-portals-0123456789';
const SECOND = 'xa-binh-an';
let cms: CmsHarness;
let publisher: Publisher;
let root: string;
let first: string;
let secondDocumentId: string;
let registry: PortalInfo[];
/** Whether this CMS writes the registry itself (part A: on start and on every portal change, with fenced per-portal tokens). */
let cmsWritesRegistry = false;
/**
 * The registry the publisher reads: the CMS's own when it writes one (then this waits until it
 * lists `portals` as expected); before part A's CMS does, the test writes it, every portal with
 * the harness's build token.
 */
async function registryShows(portals: PortalInfo[]): Promise<void> {
  if (!cmsWritesRegistry) {
    writeFileSync(path.join(cms.dataDir, 'portals.json'), JSON.stringify({ portals }));
    return;
  }
  const want = portals.map((p) => `${p.code}:${p.enabled}`).join(',');
  await waitUntil(() => {
    const got = (readPortalRegistry(cms.dataDir)?.portals ?? []).map((p) => `${p.code}:${p.enabled}`).join(',');
    return got === want || `the CMS's registry lists ${got}`;
  }, { what: 'the CMS rewrote the portal registry', timeoutMs: 20_000 });
}
const logs: string[] = [];
const buildsOf = (code: string) => logs.filter((m) => m.startsWith(`${code}: build started`)).length;
const articles = () => cms.strapi.documents('api::article.article');

/** Waits until every webhook is delivered and no portal has a build pending or running; fails on a failed build. */
async function settle(): Promise<void> {
  await waitUntil(() => {
    const webhooks = webhooksInFlight(cms.strapi);
    if (webhooks > 0) return `the CMS is sending ${webhooks} webhook(s)`;
    for (const code of publisher.portals()) {
      const portal = publisher.portal(code)!;
      const queue = portal.queue.status();
      if (queue.building || queue.waitingForSlot) return `${code} is building or waiting for a slot`;
      if (portal.lastBuild()?.result === 'failure') throw new Error(`${code}'s last build failed: ${portal.lastBuild()!.error}`);
      if (queue.pending) return `${code} has a build pending`;
    }
    return true;
  }, { timeoutMs: 150_000, what: 'every portal settled' });
}

beforeAll(async () => {
  cms = await startCms('sqlite');
  cmsWritesRegistry = existsSync(path.join(cms.dataDir, 'portals.json'));
  await seedDemoContent(cms.strapi, { log: () => undefined });
  const primary = (await cms.strapi.db.query('api::portal.portal').findOne({ orderBy: { id: 'asc' } })) as { documentId: string; slug: string; agencyName: string };
  first = primary.slug;
  const second = (await cms.strapi.documents('api::portal.portal').create({
    data: { agencyName: 'Ủy ban nhân dân xã Bình An', slug: SECOND, level: 'Xã, phường, đặc khu', domains: `${SECOND}.localhost`, enabled: true, parent: primary.documentId } as never,
  })) as unknown as { documentId: string };
  secondDocumentId = second.documentId;
  // Until part A's CMS writes the registry with fenced tokens, both portals use the build token.
  registry = [
    { code: first, name: primary.agencyName, level: 'Xã, phường, đặc khu', parent: null, domains: [], enabled: true, primary: true, tokenFile: 'build-token' },
    { code: SECOND, name: 'Ủy ban nhân dân xã Bình An', level: 'Xã, phường, đặc khu', parent: first, domains: [`${SECOND}.localhost`], enabled: true, primary: false, tokenFile: 'build-token' },
  ];
  await registryShows(registry);
  mkdirSync(path.join(rootDir, 'site', '.builds'), { recursive: true });
  root = mkdtempSync(path.join(rootDir, 'site', '.builds', 'portals-'));
  publisher = await startPublisher({
    host: '127.0.0.1', port: 0, secret: SECRET, root, keep: 2, cmsUrl: cms.url, token: cms.buildToken, siteUrl: SITE_URL,
    quietMs: 500, maxWaitMs: 10_000, reconcileMs: 0, retryBaseMs: 60_000, registryDir: cms.dataDir, concurrency: 1,
    log: (m) => logs.push(m),
  });
  await ensurePublisherWebhook(cms.strapi, { PUBLISHER_URL: publisher.url, WEBHOOK_SECRET: SECRET });
  expect(await publisher.reconcile()).toBe(true); // nothing live anywhere: both build
  await publisher.idle();
  await settle();
}, 400_000);

afterAll(async () => {
  await publisher?.close();
  await cms?.close();
});

const live = (code: string) => currentRelease(publisher.portal(code)!.root);
const page = (code: string, slug: string) => path.join(publisher.portal(code)!.root, 'current', 'client', 'tin-tuc', slug, 'index.html');

describe('publisher with two portals and a real Strapi', () => {
  test('each portal has its first release in its own root (the primary in RELEASES_DIR), and its name on its pages', async () => {
    expect(publisher.portals()).toEqual([first, SECOND]);
    expect(publisher.portal(first)!.root).toBe(root);
    expect(publisher.portal(SECOND)!.root).toBe(path.join(root, 'portals', SECOND));
    expect(live(first)).not.toBeNull();
    expect(live(SECOND)).not.toBeNull();
    expect(readFileSync(path.join(root, 'portals', SECOND, 'current', 'client', 'index.html'), 'utf8')).toContain('<title>Ủy ban nhân dân xã Bình An</title>');
    expect(existsSync(path.join(root, 'portals.json'))).toBe(true);
  });

  test('a publish in one portal builds only that portal: the other\'s live release and queue are untouched', async () => {
    const otherLive = live(first);
    const otherBuilds = buildsOf(first);
    const ownLive = live(SECOND);
    const published = nextCmsEvent(cms.strapi, (e) => e.event === 'entry.publish' && e.entry?.title === 'Xã Bình An khánh thành nhà văn hóa');
    const doc = (await articles().create({ data: { title: 'Xã Bình An khánh thành nhà văn hóa', body: 'Nội dung.', portal: secondDocumentId } as never, status: 'published' })) as unknown as { documentId: string; slug: string };
    // What Strapi 5.54 sends with entry.publish: the entry with its portal relation populated.
    expect(((await published).entry?.portal as { slug?: string } | undefined)?.slug).toBe(SECOND);
    await settle();
    expect(live(SECOND)).not.toBe(ownLive);
    expect(existsSync(page(SECOND, doc.slug))).toBe(true);
    expect(live(first)).toBe(otherLive);
    expect(buildsOf(first)).toBe(otherBuilds);
    expect(publisher.portal(first)!.queue.status()).toMatchObject({ pending: false, building: false, eventsSinceLastBuild: 0 });
    expect(logs.some((m) => m.includes(`entry.publish article → ${SECOND} (the entry names its portal)`))).toBe(true);

    // Its unpublish does not name the portal: the live release that shows it does.
    const unpublished = nextCmsEvent(cms.strapi, (e) => e.event === 'entry.unpublish' && e.entry?.documentId === doc.documentId);
    const before = live(SECOND);
    await articles().unpublish({ documentId: doc.documentId });
    expect(((await unpublished).entry?.portal as { slug?: string } | undefined)?.slug).toBeUndefined();
    await settle();
    expect(live(SECOND)).not.toBe(before);
    expect(existsSync(page(SECOND, doc.slug))).toBe(false);
    expect(live(first)).toBe(otherLive);
    expect(buildsOf(first)).toBe(otherBuilds);
    expect(logs.some((m) => m.includes(`entry.unpublish article → ${SECOND} (their live release shows the entry)`))).toBe(true);
  }, 300_000);

  test('/status keeps the primary portal at the top level and reports each portal; /status/<code> one', async () => {
    const status = (await request(`${publisher.url}/status`)).body;
    expect(status.liveRelease).toBe(live(first));
    expect(status.lastBuild.result).toBe('success');
    expect(Object.keys(status.portals)).toEqual([first, SECOND]);
    expect(status.portals[SECOND]).toMatchObject({ liveRelease: live(SECOND), lastBuild: { result: 'success' }, queue: { pending: false }, url: `https://${SECOND}.localhost/` });
    const one = await request(`${publisher.url}/status/${SECOND}`);
    expect(one.status).toBe(200);
    expect(one.body.liveRelease).toBe(live(SECOND));
  });

  test('a portal added while running gets its first build; one disabled is no longer built and keeps its live release', async () => {
    const third = 'xa-moi';
    await cms.strapi.documents('api::portal.portal').create({
      data: { agencyName: 'Ủy ban nhân dân xã Mới', slug: third, level: 'Xã, phường, đặc khu', domains: `${third}.localhost`, enabled: true } as never,
    });
    const secondRoot = publisher.portal(SECOND)!.root;
    const secondLive = live(SECOND);
    const secondBuilds = buildsOf(SECOND);
    await cms.strapi.documents('api::portal.portal').update({ documentId: secondDocumentId, data: { enabled: false } as never });
    // Part A's CMS rewrites the registry on a portal's change (before it, the test does). The publisher watches it.
    await registryShows([
      registry[0]!,
      { ...registry[1]!, enabled: false },
      { code: third, name: 'Ủy ban nhân dân xã Mới', level: 'Xã, phường, đặc khu', parent: first, domains: [`${third}.localhost`], enabled: true, primary: false, tokenFile: 'build-token' },
    ]);
    await waitUntil(() => publisher.portals().includes(third) || `portals: ${publisher.portals().join(', ')}`, { what: 'the new portal picked up', timeoutMs: 10_000 });
    expect(publisher.portals()).toEqual([first, third]);
    await waitUntil(() => currentRelease(path.join(root, 'portals', third)) !== null || `${third} has no live release yet`, { what: 'the new portal built', timeoutMs: 150_000 });
    await settle();
    expect(readFileSync(path.join(root, 'portals', third, 'current', 'client', 'index.html'), 'utf8')).toContain('<title>Ủy ban nhân dân xã Mới</title>');
    // The disabled portal: its live release stays, a publish in it builds nothing.
    expect(currentRelease(secondRoot)).toBe(secondLive);
    // Strapi emits after the commit: wait for the publish itself, then for its webhook's answer.
    const published = nextCmsEvent(cms.strapi, (e) => e.event === 'entry.publish' && e.entry?.title === 'Tin của xã đã tắt cổng');
    await articles().create({ data: { title: 'Tin của xã đã tắt cổng', body: 'Nội dung.', portal: secondDocumentId } as never, status: 'published' });
    await published;
    await settle();
    expect(buildsOf(SECOND)).toBe(secondBuilds);
    expect(currentRelease(secondRoot)).toBe(secondLive);
    expect(logs.some((m) => m.includes(`portal ${SECOND} is not built`))).toBe(true);
    expect((await request(`${publisher.url}/status/${SECOND}`)).body).toEqual({ code: SECOND, enabled: false, liveRelease: secondLive });
  }, 300_000);
});
