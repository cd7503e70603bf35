/**
 * Build slots shared by every portal's queue (issue 14): at most `limit` builds run at once
 * (PUBLISH_CONCURRENCY, by default one per core), and a portal due for a build waits in one
 * first-come, first-served line. When a build ends its slot goes to the portal that has waited
 * longest; a portal that just built asks again only once its own queue is due again, so it
 * lines up behind every portal already waiting: one busy portal cannot starve the others, and a
 * portal never waits longer than the builds already running or ahead of it in the line.
 */

/** Gives a slot back; calling it more than once does nothing. */
export type ReleaseSlot = () => void;

interface Waiter {
  owner: string;
  since: number;
  grant: (release: ReleaseSlot) => void;
}

export interface SchedulerStatus {
  /** Builds allowed at once. */
  limit: number;
  /** Who holds a slot now. */
  running: string[];
  /** Who waits for one, longest first, with the time each started waiting. */
  waiting: Array<{ portal: string; since: string }>;
}

/** A fair, capped pool of build slots. */
export class BuildScheduler {
  private readonly running: string[] = [];
  private readonly waiting: Waiter[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`A build scheduler needs at least 1 slot, got ${limit}`);
  }

  /**
   * Resolves with a release once `owner` may build. Rejects (and leaves the line) when `signal`
   * aborts first, e.g. a portal disabled or the publisher stopping while it waits.
   */
  acquire(owner: string, signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(new Error(`${owner} stopped waiting for a build slot`));
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiting.indexOf(waiter);
        if (index === -1) return; // granted already: the holder releases
        this.waiting.splice(index, 1);
        reject(new Error(`${owner} stopped waiting for a build slot`));
      };
      // The signal lives as long as the portal's queue: once granted, its listener goes (one per build would pile up).
      const waiter: Waiter = {
        owner,
        since: Date.now(),
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      this.waiting.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.dispatch();
    });
  }

  status(): SchedulerStatus {
    return { limit: this.limit, running: [...this.running], waiting: this.waiting.map((w) => ({ portal: w.owner, since: new Date(w.since).toISOString() })) };
  }

  /** Hands free slots to the longest waiting, in the order they asked. */
  private dispatch(): void {
    while (this.running.length < this.limit && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.running.push(next.owner);
      let released = false;
      next.grant(() => {
        if (released) return;
        released = true;
        this.running.splice(this.running.indexOf(next.owner), 1);
        this.dispatch();
      });
    }
  }
}
