/**
 * The build queue on vitest's fake clock: every "not yet" and "now" below is an exact moment,
 * not a sleep that a busy machine could overrun.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BuildQueue, type QueueOptions } from '../../scripts/publisher/queue';

/** Resolves after `ms` on the (fake) clock. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Moves the fake clock by `ms`, running the timers and promise callbacks that fall due. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
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

/** Runs every timer until the queue has nothing left, then checks it says so. */
async function drain(queue: BuildQueue): Promise<void> {
  const idle = queue.idle();
  await vi.runAllTimersAsync();
  await idle;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-27T01:30:00Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('BuildQueue', () => {
  test('keeps building when its state cannot be saved (the failure is logged, the queue never sticks)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cong-queue-'));
    writeFileSync(path.join(dir, 'state'), 'a file where the state folder should be');
    const logs: string[] = [];
    const { queue, builds } = makeQueue({ stateFile: path.join(dir, 'state', 'queue.json'), log: (m) => logs.push(m) });
    expect(() => queue.notify('publish')).not.toThrow();
    await drain(queue);
    expect(builds).toHaveLength(1);
    expect(queue.status()).toMatchObject({ pending: false, building: false, builds: 1 });
    expect(logs.some((m) => m.includes('could not save the queue state') && m.includes('RELEASES_DIR'))).toBe(true);
  });

  test('coalesces a burst of 50 events into one build, started when the quiet period ends', async () => {
    const { queue, builds } = makeQueue();
    for (let i = 0; i < 50; i += 1) queue.notify(`publish ${i}`);
    expect(queue.status()).toMatchObject({ pending: true, building: false, eventsSinceLastBuild: 50, pendingSince: '2026-11-27T01:30:00.000Z' });
    await advance(39);
    expect(builds).toHaveLength(0); // still inside the quiet period
    await advance(1);
    expect(builds).toEqual(['50 event(s) since 2026-11-27T01:30:00.000Z']);
    expect(queue.status()).toMatchObject({ building: true, pending: false, eventsSinceLastBuild: 0 });
    await drain(queue);
    expect(builds).toHaveLength(1);
    expect(queue.status()).toMatchObject({ builds: 1, failures: 0 });
  });

  test('each event restarts the quiet period', async () => {
    const { queue, builds } = makeQueue();
    queue.notify('first');
    await advance(30);
    queue.notify('second'); // the build moves to 30 + 40 ms
    await advance(39);
    expect(builds).toHaveLength(0);
    await advance(1);
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatch(/^2 event\(s\)/);
    await drain(queue);
  });

  test('runs exactly one more build for events that arrive during a build, after it ends', async () => {
    const { queue, builds } = makeQueue({ buildMs: 150 });
    queue.notify('first');
    await advance(40);
    expect(queue.status().building).toBe(true); // the first build runs from 40 to 190 ms
    queue.notify('during 1');
    queue.notify('during 2');
    queue.notify('during 3');
    expect(queue.status()).toMatchObject({ building: true, pending: true, eventsSinceLastBuild: 3 });
    await advance(149);
    expect(builds).toHaveLength(1); // one build at a time, though the quiet period has long passed
    await advance(2); // the first build ends at 190 ms; the second follows on the next timer turn
    expect(builds).toHaveLength(2);
    expect(builds[1]).toMatch(/^3 event\(s\)/);
    await drain(queue);
    expect(builds).toHaveLength(2);
    expect(queue.status()).toMatchObject({ builds: 2, pending: false });
  });

  test('tells of each event that comes in during a build (the portal stops a consistency build for it), and of none between builds', async () => {
    const during: string[] = [];
    const { queue } = makeQueue({ buildMs: 150, onEventDuringBuild: (reason) => during.push(reason) });
    queue.notify('first');
    expect(during).toEqual([]);
    await advance(40);
    queue.notify('publish 1');
    queue.notify('publish 2');
    expect(during).toEqual(['publish 1', 'publish 2']);
    await drain(queue);
    queue.notify('after');
    expect(during).toEqual(['publish 1', 'publish 2']);
    await drain(queue);
  });

  test('builds by the maximum wait even while events keep coming', async () => {
    const { queue, builds } = makeQueue({ quietMs: 100, maxWaitMs: 200 });
    // An event every 30 ms: the quiet period never ends.
    for (let at = 0; at < 200; at += 30) {
      queue.notify('steady');
      await advance(30);
    }
    // 210 ms now; without the maximum wait nothing would have been built.
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatch(/^7 event\(s\)/);
    queue.stop();
  });

  test('the maximum wait is counted from the first pending event, to the millisecond', async () => {
    const { queue, builds } = makeQueue({ quietMs: 100, maxWaitMs: 200 });
    for (let at = 0; at < 180; at += 60) {
      queue.notify('steady');
      await advance(60);
    }
    queue.notify('last'); // at 180 ms: quiet until 280, but the maximum wait ends at 200
    await advance(19);
    expect(builds).toHaveLength(0);
    await advance(1);
    expect(builds).toHaveLength(1);
    await drain(queue);
  });

  test('persists pending work: a new queue on the same file catches up at once', async () => {
    const file = stateFile();
    const first = makeQueue({ stateFile: file, quietMs: 10_000, maxWaitMs: 10_000 });
    first.queue.notify('publish before a crash');
    first.queue.stop();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pending: true, events: 1 });
    await vi.runAllTimersAsync();
    expect(first.builds).toHaveLength(0); // a stopped queue schedules nothing

    const second = makeQueue({ stateFile: file });
    second.queue.start();
    await advance(0);
    expect(second.builds).toEqual(['1 event(s) since 2026-11-27T01:30:00.000Z']); // no quiet period: the event is old
    await drain(second.queue);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pending: false, events: 0 });
  });

  test('a new queue with nothing owed (no file, or nothing pending) builds nothing', async () => {
    const none = makeQueue();
    none.queue.start();
    const file = stateFile();
    const done = makeQueue({ stateFile: file });
    done.queue.notify('publish');
    await drain(done.queue);
    const again = makeQueue({ stateFile: file });
    again.queue.start();
    await vi.runAllTimersAsync();
    expect([none.builds.length, again.builds.length]).toEqual([0, 0]);
    expect(again.queue.status()).toMatchObject({ pending: false, building: false });
  });

  test('keeps a build pending on disk while it runs, so a crash mid-build is caught up', async () => {
    const file = stateFile();
    const { queue } = makeQueue({ stateFile: file, buildMs: 200 });
    queue.notify('publish');
    await advance(40);
    expect(queue.status().building).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).pending).toBe(true);
    await drain(queue);
    expect(JSON.parse(readFileSync(file, 'utf8')).pending).toBe(false);
  });

  test('retries a failed build with doubling backoff and clears the work once it succeeds', async () => {
    const attempts: number[] = [];
    const file = stateFile();
    const started = Date.now();
    const queue = new BuildQueue({
      quietMs: 10, maxWaitMs: 100, stateFile: file, retryBaseMs: 20,
      build: async () => {
        attempts.push(Date.now() - started);
        if (attempts.length < 3) throw new Error('Strapi is down');
      },
    });
    queue.notify('publish');
    await advance(10);
    expect(queue.status()).toMatchObject({ pending: true, failures: 1 });
    expect(JSON.parse(readFileSync(file, 'utf8')).pending).toBe(true);
    await drain(queue);
    // 10 ms quiet, then retries after 20 and 40 ms.
    expect(attempts).toEqual([10, 30, 70]);
    expect(queue.status()).toMatchObject({ pending: false, failures: 0, builds: 1 });
    expect(existsSync(file)).toBe(true);
  });

  test('the retry delay stops doubling at retryMaxMs', async () => {
    const attempts: number[] = [];
    const started = Date.now();
    const queue = new BuildQueue({
      quietMs: 0, maxWaitMs: 0, stateFile: stateFile(), retryBaseMs: 100, retryMaxMs: 300,
      build: async () => {
        attempts.push(Date.now() - started);
        if (attempts.length < 5) throw new Error('Strapi is down');
      },
    });
    queue.notify('publish');
    await drain(queue);
    expect(attempts).toEqual([0, 100, 300, 600, 900]);
  });
});
