/**
 * Waiting for the CMS (scripts/lib/health.ts `waitForHealth`), against a stand-in that answers
 * /_health as Strapi does: 204 once it serves requests.
 */
import { createServer } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { waitForHealth } from '../../scripts/lib/health';
import { listen } from '../helpers/net';

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A CMS stand-in whose /_health answers 503 `failures` times, then 204. */
async function standIn(failures: number): Promise<{ url: string; asked: () => number }> {
  let asked = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/_health') return void res.writeHead(404).end();
    asked += 1;
    res.writeHead(asked > failures ? 204 : 503).end();
  });
  const url = await listen(server);
  closers.push(() => server.close());
  return { url, asked: () => asked };
}

describe('waitForHealth', () => {
  test('returns true once /_health answers 204, asking again after each other answer', async () => {
    const cms = await standIn(2);
    expect(await waitForHealth(cms.url, { intervalMs: 1 })).toBe(true);
    expect(cms.asked()).toBe(3);
  });

  test('returns false when nothing answers before the time is up', async () => {
    const cms = await standIn(Infinity);
    expect(await waitForHealth(cms.url, { intervalMs: 1, timeoutMs: 50 })).toBe(false);
    expect(cms.asked()).toBeGreaterThan(0);
  });

  test('returns false as soon as giveUp() says so, without waiting for the timeout', async () => {
    const cms = await standIn(Infinity);
    let asks = 0;
    expect(await waitForHealth(cms.url, { intervalMs: 1, giveUp: () => ++asks >= 2 })).toBe(false);
    expect(cms.asked()).toBe(1);
  });
});
