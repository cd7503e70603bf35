/**
 * Forwarding to GitHub Actions: a burst of webhooks becomes one repository_dispatch (against a
 * local stand-in for the GitHub API), refusals are reported and retried, the configuration names
 * what is missing, and the workflows listen for what the publisher sends.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parsePublisherEnvironment } from '../../scripts/publisher/config';
import { DISPATCH_EVENT_TYPE } from '../../scripts/publisher/github';
import { startPublisher, type Publisher } from '../../scripts/publisher/publisher';
import { rootDir } from '../helpers/site-build';

const SECRET = 'test-webhook-secret-0123456789';
const TOKEN = 'ghp_test0123456789abcdefghijklmnop';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: { event_type: string; client_payload: { reason: string } };
}

/** A stand-in for api.github.com on loopback: answers each dispatch with the next status. */
async function fakeGitHub(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(body) });
      const status = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 204 ? undefined : JSON.stringify({ message: status === 401 ? 'Bad credentials' : 'Server Error' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function forwardingPublisher(apiUrl: string): Promise<Publisher> {
  const publisher = await startPublisher({
    host: '127.0.0.1', port: 0, secret: SECRET, root: mkdtempSync(path.join(tmpdir(), 'cong-gh-')), keep: 2,
    cmsUrl: 'http://127.0.0.1:9', token: 'unused-token-0123456789', siteUrl: 'https://xatanhoa.example.vn',
    quietMs: 150, maxWaitMs: 2_000, reconcileMs: 0, retryBaseMs: 200,
    github: { repository: 'xatanhoa/cong', token: TOKEN, apiUrl, eventType: DISPATCH_EVENT_TYPE },
    log: () => undefined,
  });
  cleanups.push(() => publisher.close());
  return publisher;
}

const webhook = (url: string, event = 'entry.publish') =>
  fetch(`${url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cong-webhook-secret': SECRET }, body: JSON.stringify({ event, model: 'article', entry: { id: 1 } }) });

describe('forwarding publishes to GitHub Actions', () => {
  test('a burst of 20 publishes becomes one repository_dispatch with the token and event type', async () => {
    const github = await fakeGitHub([204]);
    cleanups.push(() => new Promise((r) => github.server.close(r)));
    const publisher = await forwardingPublisher(github.url);
    for (let i = 0; i < 20; i += 1) expect((await webhook(publisher.url)).status).toBe(202);
    // Each 202 is sent after the event is queued: all 20 are in, and idle() waits for their build.
    expect(publisher.queue.status().pending || publisher.queue.status().building).toBe(true);
    await publisher.queue.idle();
    expect(github.received).toHaveLength(1);
    const [sent] = github.received;
    expect(sent!.path).toBe('/repos/xatanhoa/cong/dispatches');
    expect(sent!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent!.headers.accept).toBe('application/vnd.github+json');
    expect(sent!.body.event_type).toBe('cong-publish');
    expect(sent!.body.client_payload.reason).toContain('20 event(s)');
    const status = (await (await fetch(`${publisher.url}/status`)).json()) as { mode: string; lastBuild: { result: string; mode: string } };
    expect(status.mode).toBe('github');
    expect(status.lastBuild).toMatchObject({ result: 'success', mode: 'github' });
  });

  test('a GitHub error is retried with backoff until the dispatch goes through', async () => {
    const github = await fakeGitHub([502, 503, 204]);
    cleanups.push(() => new Promise((r) => github.server.close(r)));
    const publisher = await forwardingPublisher(github.url);
    await webhook(publisher.url, 'entry.unpublish');
    await expect.poll(() => github.received.length, { timeout: 10_000, interval: 100 }).toBe(3);
    await publisher.queue.idle();
    expect(publisher.queue.status().pending).toBe(false);
    expect(publisher.lastBuild()?.result).toBe('success');
  });

  test('a refused token is reported at /status naming GITHUB_TOKEN, and kept pending', async () => {
    const github = await fakeGitHub([401]);
    cleanups.push(() => new Promise((r) => github.server.close(r)));
    const publisher = await forwardingPublisher(github.url);
    await webhook(publisher.url);
    await expect.poll(() => publisher.lastBuild()?.result, { timeout: 5_000, interval: 100 }).toBe('failure');
    expect(publisher.lastBuild()?.error).toContain('GITHUB_TOKEN');
    expect(publisher.queue.status().pending).toBe(true);
  });
});

describe('GitHub configuration', () => {
  const parseEnv = (env: Record<string, string>) => parsePublisherEnvironment({ WEBHOOK_SECRET: SECRET, ...env }, rootDir, mkdtempSync(path.join(tmpdir(), 'cong-env-')), false);

  test('GITHUB_TOKEN switches to forwarding and needs GITHUB_REPOSITORY', () => {
    expect(parseEnv({ GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'xatanhoa/cong' }).github).toEqual({ repository: 'xatanhoa/cong', token: TOKEN, apiUrl: 'https://api.github.com', eventType: 'cong-publish' });
    expect(() => parseEnv({ GITHUB_TOKEN: TOKEN })).toThrow(/GITHUB_REPOSITORY/);
    expect(() => parseEnv({ GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'not a repo' })).toThrow(/GITHUB_REPOSITORY must be "owner\/name"/);
    // Inside GitHub Actions GITHUB_REPOSITORY is always set: alone it changes nothing.
    expect(parseEnv({ GITHUB_REPOSITORY: 'xatanhoa/cong' }).github).toBeUndefined();
  });
});

describe('workflows', () => {
  const workflow = (name: string) => parse(readFileSync(path.join(rootDir, '.github', 'workflows', name), 'utf8'));

  test('the publish workflow listens for the publisher event, never overlaps, and builds a checked release', () => {
    const publish = workflow('publish.yml');
    expect(publish.on.repository_dispatch.types).toContain(DISPATCH_EVENT_TYPE);
    expect(publish.concurrency).toEqual({ group: expect.any(String), 'cancel-in-progress': false });
    const steps = publish.jobs.build.steps.map((s: { run?: string }) => s.run ?? '');
    expect(steps).toContain('npm ci --no-audit --no-fund');
    expect(steps).toContain('npm run release');
    expect(Object.keys(JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')).scripts)).toContain('release');
  });

  test('the test workflow runs .ci/run on every push', () => {
    const tests = workflow('test.yml');
    expect(tests.on).toHaveProperty('push');
    expect(tests.jobs.test.steps.map((s: { run?: string }) => s.run)).toContain('.ci/run');
  });
});
