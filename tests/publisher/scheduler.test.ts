/**
 * Build slots shared by every portal (issue 14): the cap, the line (longest waiting first), and
 * real BuildQueues on the fake clock whose builds are promises resolved by hand: no sleeps.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BuildQueue } from '../../scripts/publisher/queue';
import { BuildScheduler, type ReleaseSlot } from '../../scripts/publisher/scheduler';

/** Lets every promise callback that is ready run (no clock involved). */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('BuildScheduler', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-01T01:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  test('never grants more slots than its limit, and gives a freed slot to the one waiting longest', async () => {
    const scheduler = new BuildScheduler(2);
    const granted: string[] = [];
    const slots = new Map<string, ReleaseSlot>();
    const ask = (who: string) => void scheduler.acquire(who).then((release) => { granted.push(who); slots.set(who, release); });
    ask('a');
    ask('b');
    ask('c');
    vi.advanceTimersByTime(5);
    ask('d');
    await flush();
    expect(granted).toEqual(['a', 'b']);
    expect(scheduler.status()).toEqual({ limit: 2, running: ['a', 'b'], waiting: [{ portal: 'c', since: '2026-12-01T01:00:00.000Z' }, { portal: 'd', since: '2026-12-01T01:00:00.005Z' }] });
    slots.get('b')!();
    slots.get('b')!(); // a second release frees nothing more
    await flush();
    expect(granted).toEqual(['a', 'b', 'c']);
    expect(scheduler.status().running).toEqual(['a', 'c']);
    // 'a' finishes and asks again at once: it goes behind 'd', who was already waiting.
    slots.get('a')!();
    ask('a');
    await flush();
    expect(granted).toEqual(['a', 'b', 'c', 'd']);
    expect(scheduler.status().waiting.map((w) => w.portal)).toEqual(['a']);
  });

  test('a waiter whose signal aborts leaves the line and is never granted', async () => {
    const scheduler = new BuildScheduler(1);
    const first = await scheduler.acquire('a');
    const abort = new AbortController();
    const waiting = scheduler.acquire('b', abort.signal);
    const next = scheduler.acquire('c');
    abort.abort();
    await expect(waiting).rejects.toThrow('b stopped waiting');
    first();
    await next;
    expect(scheduler.status()).toMatchObject({ running: ['c'], waiting: [] });
    await expect(scheduler.acquire('d', abort.signal)).rejects.toThrow('d stopped waiting');
  });

  test('a granted slot leaves no listener on its queue\'s long-lived signal (one per build would pile up)', async () => {
    const scheduler = new BuildScheduler(1);
    const queueSignal = new AbortController().signal;
    const added = vi.spyOn(queueSignal, 'addEventListener');
    const removed = vi.spyOn(queueSignal, 'removeEventListener');
    for (let i = 0; i < 15; i++) (await scheduler.acquire('a', queueSignal))();
    expect(added).toHaveBeenCalledTimes(15);
    expect(removed).toHaveBeenCalledTimes(15);
    expect(removed.mock.calls.map((c) => c[1])).toEqual(added.mock.calls.map((c) => c[1]));
  });

  test('refuses a limit below one', () => {
    expect(() => new BuildScheduler(0)).toThrow('at least 1 slot');
  });
});

/** A portal's queue whose builds wait until the test finishes them. */
function portalQueue(scheduler: BuildScheduler, name: string, started: string[]) {
  const finishers: Array<() => void> = [];
  const queue = new BuildQueue({
    quietMs: 40,
    maxWaitMs: 400,
    stateFile: path.join(mkdtempSync(path.join(tmpdir(), `cong-sched-${name}-`)), 'queue.json'),
    slot: (signal) => scheduler.acquire(name, signal),
    build: () => {
      started.push(name);
      return new Promise<void>((resolve) => finishers.push(resolve));
    },
  });
  /** Finishes the build running now. */
  const finish = async () => {
    expect(finishers.length, `${name} has a build running`).toBe(1);
    finishers.shift()!();
    await flush();
  };
  return { queue, finish, running: () => finishers.length };
}

describe('BuildQueues sharing a scheduler', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-01T01:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  test('at most PUBLISH_CONCURRENCY builds run at once; the others wait their turn, coalescing', async () => {
    const scheduler = new BuildScheduler(2);
    const started: string[] = [];
    const portals = ['a', 'b', 'c'].map((name) => portalQueue(scheduler, name, started));
    for (const p of portals) p.queue.notify('publish');
    await vi.advanceTimersByTimeAsync(40);
    expect(started).toEqual(['a', 'b']);
    expect(portals[2]!.queue.status()).toMatchObject({ pending: true, building: false, waitingForSlot: true });
    // More events for the waiting portal join the build it waits for.
    portals[2]!.queue.notify('publish again');
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toEqual(['a', 'b']);
    await portals[0]!.finish();
    expect(started).toEqual(['a', 'b', 'c']);
    expect(portals[2]!.queue.status()).toMatchObject({ building: true, waitingForSlot: false, eventsSinceLastBuild: 0 });
    await portals[1]!.finish();
    await portals[2]!.finish();
    expect(started).toHaveLength(3);
    expect(scheduler.status()).toEqual({ limit: 2, running: [], waiting: [] });
  });

  test('a burst in portal A delays portal B by at most the one build A is running', async () => {
    const scheduler = new BuildScheduler(1);
    const started: string[] = [];
    const a = portalQueue(scheduler, 'a', started);
    const b = portalQueue(scheduler, 'b', started);
    a.queue.notify('publish 1');
    await vi.advanceTimersByTimeAsync(40);
    expect(started).toEqual(['a']);
    // While A builds, B gets one publish and A a burst of fifty.
    b.queue.notify('publish in B');
    for (let i = 0; i < 50; i += 1) a.queue.notify(`burst ${i}`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toEqual(['a']);
    expect(b.queue.status().waitingForSlot).toBe(true);
    await a.finish();
    // A is due again at once (its burst's quiet period is long over) but B has waited longer.
    await vi.advanceTimersByTimeAsync(40);
    expect(started).toEqual(['a', 'b']);
    expect(a.queue.status()).toMatchObject({ pending: true, waitingForSlot: true, eventsSinceLastBuild: 50 });
    await b.finish();
    expect(started).toEqual(['a', 'b', 'a']);
    await a.finish();
    expect(started).toEqual(['a', 'b', 'a']);
    expect(a.queue.status()).toMatchObject({ pending: false, building: false, builds: 2 });
  });

  test('a queue stopped while it waits for a slot leaves the line, and keeps its work on disk', async () => {
    const scheduler = new BuildScheduler(1);
    const started: string[] = [];
    const a = portalQueue(scheduler, 'a', started);
    const b = portalQueue(scheduler, 'b', started);
    a.queue.notify('publish');
    b.queue.notify('publish');
    await vi.advanceTimersByTimeAsync(40);
    expect(scheduler.status().waiting.map((w) => w.portal)).toEqual(['b']);
    b.queue.stop();
    await flush();
    expect(scheduler.status().waiting).toEqual([]);
    await a.finish();
    expect(started).toEqual(['a']);
    expect(b.queue.status()).toMatchObject({ pending: true, building: false, waitingForSlot: false });
  });
});
