/**
 * Waiting on conditions instead of the clock: poll until something is true, wait for the CMS to
 * emit an event, wait until the CMS has delivered every webhook it queued.
 */
import type { Core } from '@strapi/strapi';

/**
 * Polls `check` until it returns true; anything else it returns is the reason it is not yet true,
 * named in the error when `timeoutMs` passes. An error thrown by `check` (the state can no longer
 * come) ends the wait at once.
 */
export async function waitUntil(check: () => true | string | Promise<true | string>, options: { timeoutMs?: number; intervalMs?: number; what: string }): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let reason = 'not checked yet';
  for (;;) {
    const result = await check();
    if (result === true) return;
    reason = result;
    if (Date.now() >= deadline) throw new Error(`${options.what}: still not true after ${options.timeoutMs ?? 60_000} ms (${reason})`);
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}

export interface CmsEvent {
  event: string;
  uid?: string;
  entry?: Record<string, unknown>;
}

/**
 * Resolves with the next event the CMS emits that `matches`. Subscribe before the action that
 * emits it. Strapi emits an entry's events after its transaction commits, one database read
 * later, so the action's promise resolving does not mean its events went out. The webhook
 * runner's listener runs before this subscriber, so once it resolves the webhook is queued.
 */
export function nextCmsEvent(strapi: Core.Strapi, matches: (event: CmsEvent) => boolean): Promise<CmsEvent> {
  return new Promise((resolve) => {
    const unsubscribe = strapi.eventHub.subscribe(async (name: string, payload: unknown) => {
      const event = { event: name, ...(payload as Omit<CmsEvent, 'event'>) };
      if (!matches(event)) return;
      unsubscribe();
      resolve(event);
    });
  });
}

interface WorkerQueueState {
  running: number;
  queue: unknown[];
}

/** How many webhook deliveries Strapi's runner has queued or running (it keeps no public count). */
export function webhooksInFlight(strapi: Core.Strapi): number {
  const runner = strapi.get('webhookRunner') as { queue?: WorkerQueueState };
  if (!runner.queue || typeof runner.queue.running !== 'number' || !Array.isArray(runner.queue.queue)) {
    throw new Error("Strapi's webhook runner no longer has queue.running/queue.queue: update tests/helpers/conditions.ts");
  }
  return runner.queue.running + runner.queue.queue.length;
}

/** Waits until every webhook the CMS has queued has been answered (a 202 from the publisher). */
export function webhooksDelivered(strapi: Core.Strapi, timeoutMs = 30_000): Promise<void> {
  return waitUntil(() => webhooksInFlight(strapi) === 0 || `${webhooksInFlight(strapi)} webhook(s) in flight`, { timeoutMs, intervalMs: 20, what: 'webhooks delivered' });
}
