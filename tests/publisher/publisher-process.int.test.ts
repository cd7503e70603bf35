/**
 * The publisher as its own process (`npm run publisher`) against a real Strapi: killed mid-build
 * it leaves the live release alone and catches up when started again; with Strapi down a build
 * fails, the previous release stays served and /status says why.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensurePublisherWebhook } from '../../cms/src/bootstrap/publisher-webhook';
import { seedDemoContent } from '../../cms/src/seed/index';
import { createPublicServer } from '../../scripts/public/server';
import { currentRelease, listReleases } from '../../scripts/publisher/releases';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { waitUntil } from '../helpers/conditions';
import { request } from '../helpers/http';
import { freePort, listen } from '../helpers/net';
import { rootDir } from '../helpers/site-build';
import { expectedNodeVersion } from '../helpers/runtime';

const SECRET = 'test-webhook-secret-process-0123456789';
let cms: CmsHarness;
let root: string;
let publisherPort: number;
let publisherUrl: string;
let child: ChildProcess | undefined;
let output = '';
let firstOutput = '';
let site: ReturnType<typeof createPublicServer>;
let siteUrl: string;

/** Starts `npm run publisher`'s script as a child process; resolves once /status answers. */
async function startPublisherProcess(): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'scripts', 'publisher', 'main.ts')], {
    cwd: rootDir,
    env: {
      ...process.env,
      PUBLISHER_PORT: String(publisherPort), RELEASES_DIR: root, WEBHOOK_SECRET: SECRET,
      CMS_URL: cms.url, CMS_TOKEN: cms.buildToken, SITE_URL: 'https://xatanhoa.example.vn',
      BUILD_QUIET_MS: '300', RECONCILE_INTERVAL_MS: '0',
      // Every publish a full build (issue 15's fast path off): these tests kill and fail `astro build` itself.
      FAST_PATH_MAX_PAGES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  for (let i = 0; i < 300; i += 1) {
    if ((await fetch(`${publisherUrl}/status`).catch(() => null))?.status === 200) return proc;
    if (proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the publisher did not start:\n${output}`);
}

const status = async () => (await request(`${publisherUrl}/status`)).body as { liveRelease: string | null; lastBuild: { result: string; error: string | null; release: string | null } | null; queue: { pending: boolean; building: boolean } };
const articles = () => cms.strapi.documents('api::article.article');
const publishArticle = async (title: string) => (await articles().create({ data: { title, body: 'Nội dung.' } as never, status: 'published' })) as unknown as { slug: string };
const live = (urlPath: string) => path.join(root, 'current', 'client', urlPath, 'index.html');

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  mkdirSync(path.join(rootDir, 'site', '.builds'), { recursive: true });
  root = mkdtempSync(path.join(rootDir, 'site', '.builds', 'publisher-process-'));
  publisherPort = await freePort();
  publisherUrl = `http://127.0.0.1:${publisherPort}`;
  await ensurePublisherWebhook(cms.strapi, { PUBLISHER_URL: publisherUrl, WEBHOOK_SECRET: SECRET });
  site = createPublicServer(root);
  siteUrl = await listen(site);
  child = await startPublisherProcess();
  // The first release.
  const first = await publishArticle('Bài đầu tiên của phiên kiểm thử tiến trình');
  for (let i = 0; i < 300 && (await status()).lastBuild?.result !== 'success'; i += 1) await new Promise((r) => setTimeout(r, 300));
  if (!existsSync(live(`/tin-tuc/${first.slug}/`))) throw new Error(`the first release did not go live:\n${output}`);
  firstOutput = output;
}, 240_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  await new Promise((r) => site?.close(r));
  await cms?.close().catch(() => undefined);
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('publisher process', () => {
  test('its child builds run on the supported Node.js', () => {
    expect(firstOutput).toContain(`astro build on Node.js ${expectedNodeVersion()}`);
  });

  test('killed mid-build, it leaves the live release alone; started again, it catches up', async () => {
    const before = currentRelease(root)!;
    const doc = await publishArticle('Tin đăng khi bộ dựng trang bị dừng đột ngột');
    // Wait until astro build is running, then kill the publisher without warning.
    const pidFile = path.join(root, 'build.pid');
    await waitUntil(() => {
      if (!existsSync(pidFile)) return 'no build.pid yet';
      const cmdline = `/proc/${readFileSync(pidFile, 'utf8')}/cmdline`;
      return (existsSync(cmdline) && readFileSync(cmdline, 'utf8').includes('astro')) || 'build.pid names no running astro build';
    }, { timeoutMs: 30_000, intervalMs: 20, what: 'the astro build is running' });
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    expect(currentRelease(root)).toBe(before);
    expect(existsSync(live(`/tin-tuc/${doc.slug}/`))).toBe(false);
    expect((await fetch(`${siteUrl}/`)).status).toBe(200);
    expect(JSON.parse(readFileSync(path.join(root, 'queue.json'), 'utf8'))).toMatchObject({ pending: true });
    const orphan = Number(readFileSync(path.join(root, 'build.pid'), 'utf8'));

    output = '';
    child = await startPublisherProcess();
    await expect.poll(async () => (await status()).lastBuild?.result, { timeout: 90_000, interval: 300 }).toBe('success');
    // The killed publisher's astro build is gone (stopped by the new publisher, or dead with its pipes).
    expect(existsSync(`/proc/${orphan}`)).toBe(false);
    expect(output).toMatch(/removed releases whose build never finished/);
    // Pages the killed build cached may not match the cache's index: the catch-up build renders every page.
    expect(output).toMatch(/the last build did not finish: its incremental build cache was discarded/);
    expect(currentRelease(root)).not.toBe(before);
    expect(existsSync(live(`/tin-tuc/${doc.slug}/`))).toBe(true);
    expect((await fetch(`${siteUrl}/tin-tuc/${doc.slug}/`)).status).toBe(200);
    // Every release left on disk is a finished one.
    for (const name of listReleases(root)) expect(readdirSync(path.join(root, 'releases', name)), name).toContain('release.json');
  }, 180_000);

  test('with Strapi down the build fails, the previous release stays served and /status says why', async () => {
    const before = currentRelease(root)!;
    await cms.close();
    const res = await fetch(`${publisherUrl}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cong-webhook-secret': SECRET }, body: JSON.stringify({ event: 'entry.publish', model: 'article', entry: { id: 1 } }) });
    expect(res.status).toBe(202);
    await expect.poll(async () => (await status()).lastBuild?.result, { timeout: 120_000, interval: 500 }).toBe('failure');
    const now = await status();
    expect(now.liveRelease).toBe(before);
    expect(now.lastBuild!.error).toMatch(/CMS|fetch failed|ECONNREFUSED/);
    expect(now.queue.pending).toBe(true);
    expect((await fetch(`${siteUrl}/`)).status).toBe(200);
  }, 180_000);
});
