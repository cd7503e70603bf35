/**
 * Waiting for the CMS to answer: Strapi's `/_health` route answers 204 once it serves requests.
 * `npm start` waits for it before starting the publisher and the public server, and the benchmark
 * times cold and warm starts by it.
 */

export interface WaitForHealthOptions {
  /** Give up after this long (default: never). */
  timeoutMs?: number;
  /** Pause between two asks. */
  intervalMs?: number;
  /** Checked after each failed ask: true gives up (the caller is stopping, the CMS exited). */
  giveUp?: () => boolean;
}

/** True once `${baseUrl}/_health` answers 204; false when the time is up or `giveUp()` says so first. */
export async function waitForHealth(baseUrl: string, options: WaitForHealthOptions = {}): Promise<boolean> {
  const { timeoutMs = Infinity, intervalMs = 500, giveUp = () => false } = options;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !giveUp()) {
    try {
      if ((await fetch(`${baseUrl}/_health`)).status === 204) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}
