/**
 * The publish loop against a real Strapi: webhook → queue → build into a new release →
 * validate → atomic switch. Refusals, bursts, unpublish, reconciliation and failed builds.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent } from '../../cms/src/seed/index';
import { illustrationJpeg } from '../../cms/src/seed/demo-media';
import { ensurePublisherWebhook } from '../../cms/src/bootstrap/publisher-webhook';
import { mentionedInPublishedText } from '../../scripts/publisher/media';
import type { Publisher } from '../../scripts/publisher/publisher';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { nextCmsEvent, webhooksDelivered } from '../helpers/conditions';
import { request } from '../helpers/http';
import { startPublishLoop, type PublishLoop } from '../helpers/publish-loop';

const SECRET = 'test-webhook-secret-0123456789';
let cms: CmsHarness;
let loop: PublishLoop;
let publisher: Publisher;
let root: string;
const builds: string[] = [];

const livePage = (urlPath: string) => path.join(root, 'current', 'client', urlPath, 'index.html');
const articles = () => cms.strapi.documents('api::article.article');
/** Creates and publishes an article; returns its documentId and server-made slug. */
async function publishArticle(title: string): Promise<{ documentId: string; slug: string }> {
  return (await articles().create({ data: { title, body: 'Nội dung.' } as never, status: 'published' })) as unknown as { documentId: string; slug: string };
}

const settle = () => loop.settle();

interface UploadedFile { id: number; url: string }
const uploads = () => cms.strapi.plugin('upload').service('upload') as {
  upload(input: { data: Record<string, unknown>; files: Record<string, unknown> }): Promise<UploadedFile[]>;
  updateFileInfo(id: number, info: Record<string, unknown>): Promise<UploadedFile>;
  replace(id: number, input: { data: Record<string, unknown>; file: Record<string, unknown> }): Promise<UploadedFile>;
};
/** A generated JPEG as Strapi's upload service takes it (a file on disk); `use` gets its description. */
async function withJpeg<T>(name: string, seed: number, use: (file: Record<string, unknown>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cong-media-'));
  try {
    const filepath = path.join(dir, name);
    writeFileSync(filepath, await illustrationJpeg(seed));
    return await use({ filepath, originalFilename: name, mimetype: 'image/jpeg', size: statSync(filepath).size });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const uploadJpeg = (name: string, seed: number, alternativeText: string) =>
  withJpeg(name, seed, async (files) => (await uploads().upload({ data: { fileInfo: { name, alternativeText } }, files }))[0]!);
/**
 * Waits until the publisher has received `events` media events since `since` and checked them
 * all, or a build started since `builds` (the old publisher built on any media event).
 */
async function mediaSettled(since: number, events: number, buildsBefore: number): Promise<void> {
  await expect.poll(() => {
    const media = (publisher as Partial<Publisher> & { media?: () => { received: number; checked: number } }).media?.();
    return builds.length > buildsBefore || (media !== undefined && media.received >= since + events && media.checked === media.received);
  }, { timeout: 30_000, interval: 100 }).toBe(true);
}
const mediaReceived = () => (publisher as { media?: () => { received: number } }).media?.().received ?? 0;

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  loop = await startPublishLoop(cms, 'publisher', { secret: SECRET, keep: 3, quietMs: 800, log: (m) => { if (m.startsWith('build started')) builds.push(m); } });
  ({ publisher, root } = loop);
  // The first build: nothing was live yet.
  expect(loop.firstBuildScheduled).toBe(true);
  expect(publisher.lastBuild()?.result).toBe('success');
}, 240_000);

afterAll(async () => {
  await loop?.close();
  await cms?.close();
});

describe('publisher', () => {
  test('builds the first release from the seeded CMS and reports it', async () => {
    expect(existsSync(livePage('/'))).toBe(true);
    const status = await request(`${publisher.url}/status`);
    expect(status.status).toBe(200);
    expect(status.body.lastBuild.result).toBe('success');
    expect(status.body.liveRelease).toBe(status.body.lastBuild.release);
    expect(status.body.queue.pending).toBe(false);
  });

  test('refuses webhooks without the right secret (401) and malformed ones (400), and builds nothing', async () => {
    const before = builds.length;
    const body = JSON.stringify({ event: 'entry.publish', model: 'article' });
    for (const headers of [{}, { 'x-cong-webhook-secret': 'wrong' }] as Array<Record<string, string>>) {
      const res = await fetch(`${publisher.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      expect(res.status).toBe(401);
    }
    const bad = await fetch(`${publisher.url}/webhook`, { method: 'POST', headers: { 'x-cong-webhook-secret': SECRET }, body: 'not json' });
    expect(bad.status).toBe(400);
    // The publisher answers a webhook after it has queued (or refused) it: nothing more can come of these.
    expect(publisher.queue.status()).toMatchObject({ pending: false, building: false, eventsSinceLastBuild: 0 });
    expect(builds.length).toBe(before);
  });

  test('a publish in Strapi goes live, and an unpublish takes the page down', async () => {
    const doc = await publishArticle('Xã Tân Hòa khai trương bưu điện văn hóa mới');
    const slug = doc.slug;
    await settle();
    expect(readFileSync(livePage(`/tin-tuc/${slug}/`), 'utf8')).toContain('Xã Tân Hòa khai trương bưu điện văn hóa mới');
    await articles().unpublish({ documentId: doc.documentId });
    await settle();
    expect(existsSync(livePage(`/tin-tuc/${slug}/`))).toBe(false);
  }, 120_000);

  test('50 publishes in a burst give at most 3 builds and all 50 pages live', async () => {
    const before = builds.length;
    const slugs: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      slugs.push((await publishArticle(`Tin đăng loạt số ${i + 1} của xã`)).slug);
    }
    await settle();
    expect(builds.length - before).toBeGreaterThanOrEqual(1);
    expect(builds.length - before).toBeLessThanOrEqual(3);
    for (const slug of slugs) expect(existsSync(livePage(`/tin-tuc/${slug}/`)), slug).toBe(true);
  }, 180_000);

  test('reconciliation builds what a lost webhook missed', async () => {
    await ensurePublisherWebhook(cms.strapi, { PUBLISHER_URL: undefined, WEBHOOK_SECRET: undefined }); // the webhook is "lost"
    const title = 'Tin đăng khi bộ dựng trang đang tắt';
    const published = nextCmsEvent(cms.strapi, (e) => e.event === 'entry.publish' && e.entry?.title === title);
    const before = builds.length;
    const doc = await publishArticle(title);
    // What could have reached the publisher has: the CMS emitted the publish and delivered every webhook it queued.
    await published;
    await webhooksDelivered(cms.strapi);
    expect(publisher.queue.status()).toMatchObject({ pending: false, building: false, eventsSinceLastBuild: 0 });
    expect(builds.length).toBe(before);
    expect(existsSync(livePage(`/tin-tuc/${doc.slug}/`))).toBe(false);
    expect(await publisher.reconcile()).toBe(true);
    await settle();
    expect(existsSync(livePage(`/tin-tuc/${doc.slug}/`))).toBe(true);
    expect(await publisher.reconcile()).toBe(false);
    await ensurePublisherWebhook(cms.strapi, { PUBLISHER_URL: publisher.url, WEBHOOK_SECRET: SECRET });
  }, 120_000);

  test('a media event that changes no file a published entry shows builds nothing (issue 10 finding 12)', async () => {
    const before = builds.length;
    const since = mediaReceived();
    // A new file nobody uses (media.create), its description changed (media.update), and a made-up event.
    const file = await uploadJpeg('anh-chua-dung.jpg', 7, 'Ảnh chưa dùng ở bài nào');
    await uploads().updateFileInfo(file.id, { alternativeText: 'Ảnh chưa dùng, mô tả mới' });
    const made = await fetch(`${publisher.url}/webhook`, { method: 'POST', headers: { 'x-cong-webhook-secret': SECRET, 'content-type': 'application/json' }, body: JSON.stringify({ event: 'media.delete', media: { id: 999_999 } }) });
    expect(made.status).toBe(202);
    await mediaSettled(since, 3, before);
    expect(builds.length).toBe(before);
    expect(publisher.queue.status().pending).toBe(false);
    const status = (await request(`${publisher.url}/status`)).body;
    expect(status.media.lastCheck.result).toContain('unchanged');
  }, 60_000);

  test('a new description or a replaced file that a published article shows rebuilds, and the page shows it (issue 10 finding 12)', async () => {
    const file = await uploadJpeg('anh-bia-thu-nghiem.jpg', 8, 'Mô tả ban đầu của ảnh bìa');
    const doc = (await articles().create({ data: { title: 'Tin có ảnh bìa dùng mô tả của thư viện', body: 'Nội dung.', cover: file.id } as never, status: 'published' })) as unknown as { slug: string };
    await settle();
    const page = () => readFileSync(livePage(`/tin-tuc/${doc.slug}/`), 'utf8');
    expect(page()).toContain('alt="Mô tả ban đầu của ảnh bìa"');

    let before = builds.length;
    await uploads().updateFileInfo(file.id, { alternativeText: 'Mô tả mới của ảnh bìa' });
    await expect.poll(() => builds.length, { timeout: 30_000, interval: 100 }).toBeGreaterThan(before);
    await settle();
    expect(page()).toContain('alt="Mô tả mới của ảnh bìa"');

    const live = () => readFileSync(path.join(root, 'current', 'client', file.url));
    const old = live();
    before = builds.length;
    await withJpeg('anh-bia-thu-nghiem.jpg', 9, (replacement) => uploads().replace(file.id, { data: { fileInfo: {} }, file: replacement }));
    const stored = readFileSync(path.join(cms.uploadsDir, path.basename(file.url)));
    expect(stored.equals(old)).toBe(false);
    await expect.poll(() => builds.length, { timeout: 30_000, interval: 100 }).toBeGreaterThan(before);
    await settle();
    expect(live().equals(stored)).toBe(true);
  }, 180_000);

  test('replacing a file that only an article body shows (same URL) rebuilds, and the release holds the new bytes (review of issue 10)', async () => {
    const file = await uploadJpeg('anh-trong-bai.jpg', 10, 'Ảnh chỉ nằm trong nội dung bài');
    const doc = (await articles().create({ data: { title: 'Tin có ảnh trong nội dung, không có ảnh bìa', body: `Đoạn mở đầu.\n\n![Ảnh trong bài](${file.url})\n\nĐoạn kết.` } as never, status: 'published' })) as unknown as { slug: string };
    await settle();
    expect(readFileSync(livePage(`/tin-tuc/${doc.slug}/`), 'utf8')).toContain(file.url);
    const live = () => readFileSync(path.join(root, 'current', 'client', file.url));
    const old = live();

    const before = builds.length;
    const since = mediaReceived();
    await withJpeg('anh-trong-bai.jpg', 11, (replacement) => uploads().replace(file.id, { data: { fileInfo: {} }, file: replacement }));
    const stored = readFileSync(path.join(cms.uploadsDir, path.basename(file.url)));
    expect(stored.equals(old)).toBe(false);
    await mediaSettled(since, 1, before);
    await expect.poll(() => builds.length, { timeout: 30_000, interval: 100 }).toBeGreaterThan(before);
    await settle();
    expect(live().equals(stored)).toBe(true);

    // A new description of that file changes no byte the site shows and no media field: nothing to build.
    const again = builds.length;
    const next = mediaReceived();
    await uploads().updateFileInfo(file.id, { alternativeText: 'Mô tả mới, ảnh không đổi' });
    await mediaSettled(next, 1, again);
    expect(builds.length).toBe(again);

    // Forwarding to GitHub there is no release here: the CMS is asked whether a published body mentions the file.
    expect(await mentionedInPublishedText(cms.url, cms.buildToken, [file.url])).toBe(true);
    expect(await mentionedInPublishedText(cms.url, cms.buildToken, ['/uploads/khong_co_dau_ca.jpg'])).toBe(false);
    const draftOnly = await uploadJpeg('anh-chi-trong-ban-nhap.jpg', 12, 'Ảnh chỉ trong bản nháp');
    await articles().create({ data: { title: 'Bản nháp có ảnh trong nội dung', body: `![Ảnh](${draftOnly.url})` } as never });
    expect(await mentionedInPublishedText(cms.url, cms.buildToken, [draftOnly.url])).toBe(false);
  }, 180_000);

  test('replacing the emblem file (same URL, same settings entry) rebuilds, and the live icons show the new emblem (review of issue 11)', async () => {
    // The agency settings are the portal's since issue 14 (the legacy site-setting is empty on a new install).
    const settings = cms.strapi.documents('api::portal.portal');
    const { documentId } = (await settings.findFirst({ sort: 'id:asc' } as never)) as unknown as { documentId: string };
    const file = await uploadJpeg('bieu-trung-thu.jpg', 20, 'Biểu trưng');
    await settings.update({ documentId, data: { emblem: file.id } as never });
    await settle();
    const icon = () => readFileSync(path.join(root, 'current', 'client', 'apple-touch-icon.png'));
    const before = icon();
    try {
      const started = builds.length;
      const since = mediaReceived();
      await withJpeg('bieu-trung-thu.jpg', 21, (replacement) => uploads().replace(file.id, { data: { fileInfo: {} }, file: replacement }));
      await mediaSettled(since, 1, started);
      // Checked: the old publisher called it "unchanged" (no release file, same settings entry) and built nothing.
      await expect.poll(() => builds.length, { timeout: 30_000, interval: 100 }).toBeGreaterThan(started);
      await settle();
      expect(icon().equals(before)).toBe(false);
    } finally {
      await settings.update({ documentId, data: { emblem: null } as never });
      await settle();
    }
  }, 180_000);

  test('a failing build leaves the previous release live and /status reports the error', async () => {
    const live = (await request(`${publisher.url}/status`)).body.liveRelease as string;
    const [row] = await cms.strapi.db.query('api::link.link').findMany({ where: { publishedAt: { $notNull: true } }, limit: 1 });
    await cms.strapi.db.query('api::link.link').update({ where: { id: row.id }, data: { url: 'javascript:alert(1)', updatedAt: new Date() } });
    publisher.queue.notify('test: invalid content');
    await expect.poll(async () => (await request(`${publisher.url}/status`)).body.lastBuild.result, { timeout: 60_000, interval: 500 }).toBe('failure');
    const status = (await request(`${publisher.url}/status`)).body;
    expect(status.liveRelease).toBe(live);
    expect(status.lastBuild.error).toContain(`documentId=${row.documentId}`);
    expect(status.queue.pending).toBe(true); // retried later with backoff
    expect(existsSync(livePage('/'))).toBe(true);
  }, 120_000);
});
