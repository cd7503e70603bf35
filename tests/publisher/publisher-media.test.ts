/**
 * Media events without a CMS: which files an event names, whether the live release holds a
 * changed copy of one, and a media check that fails outside its own error handling does not
 * take the publisher down (the real loop is in publisher.int.test.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DISPATCH_EVENT_TYPE } from '../../scripts/publisher/github';
import { changedLiveFiles, mediaEventPaths } from '../../scripts/publisher/media';
import { startPublisher } from '../../scripts/publisher/publisher';
import { parseWebhookBody } from '../../scripts/publisher/webhook';

const SECRET = 'test-webhook-secret-0123456789';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A stand-in for the CMS's /uploads/ on loopback, serving `files` (path → bytes). */
async function fakeUploads(files: Record<string, string>): Promise<string> {
  const server: Server = createServer((req, res) => {
    const body = files[req.url ?? ''];
    if (body === undefined) res.writeHead(404).end('not found');
    else res.writeHead(200, { 'content-type': 'image/jpeg' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('mediaEventPaths', () => {
  test("reads the file's URL and its formats' from Strapi's media payload", () => {
    const body = JSON.stringify({
      event: 'media.update',
      createdAt: '2026-11-30T10:00:00.000Z',
      media: {
        id: 7, name: 'anh.jpg', url: '/uploads/anh_abc123.jpg',
        formats: { thumbnail: { url: '/uploads/thumbnail_anh_abc123.jpg' }, small: { url: '/uploads/small_anh_abc123.jpg' } },
      },
    });
    expect(parseWebhookBody(body).files).toEqual(['/uploads/anh_abc123.jpg', '/uploads/thumbnail_anh_abc123.jpg', '/uploads/small_anh_abc123.jpg']);
  });

  test('gives nothing for files elsewhere, traversal or a payload without media', () => {
    expect(mediaEventPaths({ url: 'https://cdn.example/anh.jpg', formats: null })).toEqual([]);
    expect(mediaEventPaths({ url: '/uploads/../data/cms.db' })).toEqual([]);
    expect(mediaEventPaths({ url: '/uploads/a b.jpg' })).toEqual([]);
    expect(mediaEventPaths(null)).toEqual([]);
    expect(parseWebhookBody('{"event":"media.delete","media":{"id":999999}}').files).toEqual([]);
    expect(parseWebhookBody('{"event":"entry.publish","model":"article"}').files).toBeUndefined();
  });
});

describe('changedLiveFiles', () => {
  test('names the files the live release holds whose bytes the CMS changed or no longer has', async () => {
    const release = tempDir('cong-release-');
    mkdirSync(path.join(release, 'client', 'uploads'), { recursive: true });
    writeFileSync(path.join(release, 'client', 'uploads', 'same.jpg'), 'same bytes');
    writeFileSync(path.join(release, 'client', 'uploads', 'replaced.jpg'), 'old bytes');
    writeFileSync(path.join(release, 'client', 'uploads', 'deleted.jpg'), 'gone');
    const cms = await fakeUploads({ '/uploads/same.jpg': 'same bytes', '/uploads/replaced.jpg': 'new bytes', '/uploads/unused.jpg': 'x' });
    const paths = ['/uploads/same.jpg', '/uploads/replaced.jpg', '/uploads/deleted.jpg', '/uploads/unused.jpg'];
    expect(await changedLiveFiles(release, cms, paths)).toEqual(['/uploads/replaced.jpg', '/uploads/deleted.jpg']);
  });

  test('throws when the CMS cannot be reached, for a file the release holds', async () => {
    const release = tempDir('cong-release-');
    mkdirSync(path.join(release, 'client', 'uploads'), { recursive: true });
    writeFileSync(path.join(release, 'client', 'uploads', 'a.jpg'), 'a');
    await expect(changedLiveFiles(release, 'http://127.0.0.1:9', ['/uploads/a.jpg'])).rejects.toThrow();
    expect(await changedLiveFiles(release, 'http://127.0.0.1:9', ['/uploads/not-in-release.jpg'])).toEqual([]);
  });
});

describe('media checks', () => {
  test('a check whose build cannot be recorded is logged, not an unhandled rejection that stops the publisher', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    cleanups.push(() => process.off('unhandledRejection', onUnhandled));
    const logs: string[] = [];
    const root = tempDir('cong-media-check-');
    const publisher = await startPublisher({
      host: '127.0.0.1', port: 0, secret: SECRET, root, keep: 2,
      cmsUrl: 'http://127.0.0.1:9', token: 'unused-token-0123456789', siteUrl: 'https://xatanhoa.example.vn',
      quietMs: 60_000, maxWaitMs: 120_000, reconcileMs: 0, retryBaseMs: 60_000,
      github: { repository: 'xatanhoa/cong', token: 'unused', apiUrl: 'http://127.0.0.1:9', eventType: DISPATCH_EVENT_TYPE },
      log: (m) => logs.push(m),
    });
    cleanups.push(() => publisher.close());
    // The queue cannot save its state (a folder where its file goes) when the failed comparison
    // asks for a build: that is logged and the build is still queued in memory.
    mkdirSync(path.join(root, 'queue.json'));
    const send = () => fetch(`${publisher.url}/webhook`, { method: 'POST', headers: { 'x-cong-webhook-secret': SECRET, 'content-type': 'application/json' }, body: JSON.stringify({ event: 'media.update', media: { id: 1, url: '/uploads/a.jpg' } }) });
    expect((await send()).status).toBe(202);
    await expect.poll(() => logs.some((m) => m.startsWith('could not save the queue state')), { timeout: 10_000, interval: 50 }).toBe(true);
    expect(logs.find((m) => m.startsWith('could not save the queue state'))).toMatch(/EISDIR|queue\.json/);
    await expect.poll(() => publisher.queue.status().pending, { timeout: 10_000, interval: 50 }).toBe(true);
    expect(unhandled).toEqual([]);
    // The publisher goes on: it takes the next event and reports its state.
    const received = publisher.media().received;
    expect((await send()).status).toBe(202);
    expect(publisher.media().received).toBe(received + 1);
    expect((await fetch(`${publisher.url}/status`)).status).toBe(200);
  });
});
