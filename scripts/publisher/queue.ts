/**
 * The build queue that never loses a publish: bursts coalesce (a quiet period, capped by a
 * maximum wait), one build runs at a time, an event during a build causes exactly one more
 * build afterwards, and pending work is persisted so a crash or restart catches up. A failed
 * build stays pending and is retried with doubling backoff. With many portals, a due build first
 * waits for a slot shared by every portal's queue (scheduler.ts); events meanwhile join it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReleaseSlot } from './scheduler.ts';

export interface QueueOptions {
  /** Build this long after the last event… */
  quietMs: number;
  /** …but never later than this after the first pending event. */
  maxWaitMs: number;
  /** Where pending work survives a restart. */
  stateFile: string;
  /** Runs one build; a rejection is retried. */
  build: (reason: string) => Promise<void>;
  /** First retry delay after a failed build; doubles up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  log?: (message: string) => void;
  /**
   * Waits for a build slot shared with other queues (BuildScheduler.acquire); none: build as
   * soon as due. Rejects when `signal` aborts (the queue stopped).
   */
  slot?: (signal: AbortSignal) => Promise<ReleaseSlot>;
  /** Told of each event that comes in while a build runs (the portal may stop a build the event makes stale). */
  onEventDuringBuild?: (reason: string) => void;
}

/** What is persisted: enough to know a build is owed. */
interface PersistedState {
  pending: boolean;
  since: number | null;
  events: number;
}

export interface QueueStatus {
  pending: boolean;
  building: boolean;
  /** Due, waiting for a build slot other portals' builds hold. */
  waitingForSlot: boolean;
  pendingSince: string | null;
  eventsSinceLastBuild: number;
  failures: number;
  builds: number;
}

/** A coalescing, persistent, one-at-a-time build queue. */
export class BuildQueue {
  private pending = false;
  private since: number | null = null;
  private lastEvent = 0;
  private events = 0;
  private building = false;
  private waitingForSlot = false;
  private readonly abort = new AbortController();
  private failures = 0;
  private builds = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private waiters: Array<() => void> = [];

  constructor(private readonly options: QueueOptions) {}

  /** Loads persisted work; a build owed before a crash or restart is scheduled at once. */
  start(): void {
    if (!existsSync(this.options.stateFile)) return;
    const saved = JSON.parse(readFileSync(this.options.stateFile, 'utf8')) as PersistedState;
    if (saved.pending) {
      this.pending = true;
      this.since = saved.since ?? Date.now();
      this.events = saved.events;
      this.log(`catching up: a build was pending since ${new Date(this.since).toISOString()}`);
      this.schedule(0);
    }
  }

  /** Records an event that changes the public site. */
  notify(reason: string): void {
    const now = Date.now();
    this.pending = true;
    this.since ??= now;
    this.lastEvent = now;
    this.events += 1;
    this.persist();
    this.log(`event: ${reason} (${this.events} pending)`);
    if (!this.building) this.schedule();
    else this.options.onEventDuringBuild?.(reason);
  }

  /** Current state, for /status. */
  status(): QueueStatus {
    return {
      pending: this.pending,
      building: this.building,
      waitingForSlot: this.waitingForSlot,
      pendingSince: this.since === null ? null : new Date(this.since).toISOString(),
      eventsSinceLastBuild: this.events,
      failures: this.failures,
      builds: this.builds,
    };
  }

  /** Resolves once nothing is pending or building (tests, shutdown). */
  idle(): Promise<void> {
    if (!this.pending && !this.building) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops scheduling; a running build finishes, pending work stays persisted. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
  }

  private schedule(delay?: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const now = Date.now();
    const due = delay ?? Math.max(0, Math.min(this.lastEvent + this.options.quietMs, (this.since ?? now) + this.options.maxWaitMs) - now);
    this.timer = setTimeout(() => void this.run(), due);
  }

  private async run(): Promise<void> {
    if (this.building || this.waitingForSlot || !this.pending || this.stopped) return;
    let release: ReleaseSlot = () => undefined;
    if (this.options.slot) {
      this.waitingForSlot = true;
      try {
        release = await this.options.slot(this.abort.signal);
      } catch {
        return; // stopped while waiting: the work stays persisted
      } finally {
        this.waitingForSlot = false;
      }
      if (this.stopped) return release();
    }
    try {
      await this.runBuild();
    } finally {
      release();
    }
  }

  private async runBuild(): Promise<void> {
    this.building = true;
    const reason = `${this.events} event(s) since ${new Date(this.since ?? Date.now()).toISOString()}`;
    // Events from here on belong to the next build; the file keeps "pending" until this one succeeds.
    this.pending = false;
    this.since = null;
    const taken = this.events;
    this.events = 0;
    this.persist(); // still "pending" on disk while building: a crash now is caught up on restart
    try {
      await this.options.build(reason);
    } catch (error) {
      this.building = false;
      this.failures += 1;
      this.pending = true;
      this.since ??= Date.now();
      this.events += taken;
      this.persist();
      const base = this.options.retryBaseMs ?? 5_000;
      const delay = Math.min(base * 2 ** (this.failures - 1), this.options.retryMaxMs ?? 300_000);
      this.log(`build failed (${(error as Error).message}); retry ${this.failures} in ${delay} ms`);
      this.schedule(delay);
      return;
    }
    this.building = false;
    this.builds += 1;
    this.failures = 0;
    this.persist();
    if (this.pending) this.schedule();
    else for (const resolve of this.waiters.splice(0)) resolve();
  }

  /**
   * Saves what is owed. A failure (disk full, a folder taken away) is logged, never thrown: the
   * queue in memory goes on building, and only catching up after a crash is lost until a save
   * works again.
   */
  private persist(): void {
    const state: PersistedState = { pending: this.pending || this.building, since: this.since, events: this.events };
    try {
      mkdirSync(path.dirname(this.options.stateFile), { recursive: true });
      const tmp = `${this.options.stateFile}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(state));
      renameSync(tmp, this.options.stateFile); // atomic: a crash never leaves half a file
    } catch (error) {
      this.log(`could not save the queue state to ${this.options.stateFile} (${(error as Error).message}): builds go on, but a restart would not know what is owed; check RELEASES_DIR's folder and free space`);
    }
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}
