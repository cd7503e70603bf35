/**
 * Which render the site's code is in: one `astro build`, or one fast publish (issue 15). The
 * publisher's fast path keeps a warm worker (scripts/publisher/fast/worker.ts) that renders publish
 * after publish with the same loaded pages; it starts a new render before each, and every memo of
 * the content (sorted lists, derived data: computed once per render, as 10,000 articles make
 * per-page work too slow) is dropped when the render it was made in is over. On globalThis: the
 * site's bundle and the worker hold separate copies of this module.
 */
const scope = globalThis as typeof globalThis & { __congRender?: number };

/** The current render's number (0 in a process that never starts another). */
export function renderNumber(): number {
  return scope.__congRender ?? 0;
}

/** Starts a new render: every memo made before is stale. */
export function startRender(): void {
  scope.__congRender = renderNumber() + 1;
}

/** A memo of `load()` for the current render. */
export function perRender<T>(load: () => T): () => T {
  let made = -1;
  let value: T | undefined;
  return () => {
    if (made !== renderNumber()) {
      value = load();
      made = renderNumber();
    }
    return value as T;
  };
}
