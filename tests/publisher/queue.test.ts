import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BuildQueue, type QueueOptions } from '../../scripts/publisher/queue';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stateFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'cong-queue-')), 'state', 'queue.json');

/** A queue whose builds take `buildMs` and are counted. */
function makeQueue(overrides: Partial<QueueOptions> & { buildMs?: number } = {}) {
  const builds: string[] = [];
  const queue = new BuildQueue({
    quietMs: 40,
    maxWaitMs: 400,
    stateFile: overrides.stateFile ?? stateFile(),
    retryBaseMs: 20,
    build: async (reason) => {
      builds.push(reason);
      await sleep(overrides.buildMs ?? 30);
    },
    ...overrides,
  });
  return { queue, builds };
}

describe('BuildQueue', () => {
  test('keeps building when its state cannot be saved (the failure is logged, the queue never sticks)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cong-queue-'));
    writeFileSync(path.join(dir, 'state'), 'a file where the state folder should be');
    const logs: string[] = [];
    const { queue, builds } = makeQueue({ stateFile: path.join(dir, 'state', 'queue.json'), log: (m) => logs.push(m) });
    expect(() => queue.notify('publish')).not.toThrow();
    await queue.idle();
    expect(builds).toHaveLength(1);
    expect(queue.status()).toMatchObject({ pending: false, building: false, builds: 1 });
    expect(logs.some((m) => m.includes('could not save the queue state') && m.includes('RELEASES_DIR'))).toBe(true);
  });

  test('coalesces a burst of 50 events into one build', async () => {
    const { queue, builds } = makeQueue();
    for (let i = 0; i < 50; i += 1) queue.notify(`publish ${i}`);
    await sleep(10);
    expect(builds).toHaveLength(0); // still inside the quiet period
    await queue.idle();
    expect(builds).toEqual(['50 event(s) since ' + builds[0]!.split(' since ')[1]]);
  });

  test('runs exactly one more build for events that arrive during a build', async () => {
    const { queue, builds } = makeQueue({ buildMs: 150 });
    queue.notify('first');
    await sleep(80); // the first build is running now
    expect(queue.status().building).toBe(true);
    queue.notify('during 1');
    queue.notify('during 2');
    queue.notify('during 3');
    await queue.idle();
    expect(builds).toHaveLength(2);
    expect(builds[1]).toMatch(/^3 event\(s\)/);
  });

  test('builds by the maximum wait even while events keep coming', async () => {
    const { queue, builds } = makeQueue({ quietMs: 100, maxWaitMs: 200 });
    const started = Date.now();
    let firstBuildAt = 0;
    while (Date.now() - started < 450) {
      queue.notify('steady');
      if (builds.length > 0 && !firstBuildAt) firstBuildAt = Date.now() - started;
      await sleep(30);
    }
    expect(firstBuildAt).toBeGreaterThan(150);
    expect(firstBuildAt).toBeLessThan(440); // without the maximum wait it would never build while events keep coming
    queue.stop();
  });

  test('persists pending work: a new queue on the same file catches up', async () => {
    const file = stateFile();
    const first = makeQueue({ stateFile: file, quietMs: 10_000, maxWaitMs: 10_000 });
    first.queue.notify('publish before a crash');
    first.queue.stop();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pending: true, events: 1 });
    const second = makeQueue({ stateFile: file });
    second.queue.start();
    await second.queue.idle();
    expect(second.builds).toHaveLength(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pending: false });
  });

  test('keeps a build pending on disk while it runs, so a crash mid-build is caught up', async () => {
    const file = stateFile();
    const { queue } = makeQueue({ stateFile: file, buildMs: 200 });
    queue.notify('publish');
    await sleep(100);
    expect(queue.status().building).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).pending).toBe(true);
    await queue.idle();
    expect(JSON.parse(readFileSync(file, 'utf8')).pending).toBe(false);
  });

  test('retries a failed build with backoff and clears the work once it succeeds', async () => {
    let attempts = 0;
    const file = stateFile();
    const queue = new BuildQueue({
      quietMs: 10, maxWaitMs: 100, stateFile: file, retryBaseMs: 20,
      build: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('Strapi is down');
      },
    });
    queue.notify('publish');
    await sleep(30);
    expect(queue.status()).toMatchObject({ pending: true, failures: 1 });
    await queue.idle();
    expect(attempts).toBe(3);
    expect(queue.status()).toMatchObject({ pending: false, failures: 0, builds: 1 });
    expect(existsSync(file)).toBe(true);
  });
});
