/**
 * The full build's render pool (issue 15): Astro renders the pages of a build one after another on
 * one core; the pool renders them in worker threads (render-worker.mjs), one per core by default
 * (SITE_RENDER_THREADS; 1: Astro renders them itself), each with its own copy of the compiled
 * pages, loaded the way the publisher's fast path loads them.
 */
import { Worker } from 'node:worker_threads';
import { registry, type ImageTransform } from '../lib/image-files';
import type { RendererFile } from '../lib/renderer-format';

interface Reply {
  id?: number;
  ready?: boolean;
  log?: string;
  status?: number;
  headers?: Array<[string, string]>;
  body?: ArrayBuffer | null;
  images?: Array<[string, ImageTransform]>;
  error?: string;
}

interface Thread {
  worker: Worker;
  busy: number;
  ready: Promise<void>;
}

export interface RenderPool {
  render(url: string, route: { component: string; route: string }): Promise<Response>;
  close(): Promise<void>;
}

/** Starts `size` threads on the prerender bundle `entry`. */
export function startRenderPool(entry: string, record: RendererFile, size: number, log: (message: string) => void): RenderPool {
  let next = 0;
  const waiting = new Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void; thread: Thread }>();
  const threads: Thread[] = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), { workerData: { entry, record } });
    const thread: Thread = { worker, busy: 0, ready: Promise.resolve() };
    thread.ready = new Promise<void>((resolve, reject) => {
      worker.on('error', (error) => {
        reject(error);
        for (const [id, job] of waiting) if (job.thread === thread) {
          waiting.delete(id);
          job.reject(error);
        }
      });
      worker.on('message', (reply: Reply) => {
        if (reply.ready) return resolve();
        if (reply.log) return log(reply.log);
        const job = waiting.get(reply.id!);
        if (!job) return;
        waiting.delete(reply.id!);
        thread.busy -= 1;
        // Pictures the page named, made after the pages by the media step (image-writer.ts).
        for (const [name, transform] of reply.images ?? []) registry().named.set(name, transform);
        if (reply.error) job.reject(new Error(reply.error));
        else job.resolve(new Response(reply.body ?? null, { status: reply.status, headers: reply.headers }));
      });
    });
    return thread;
  });
  return {
    async render(url, route) {
      const thread = threads.reduce((a, b) => (b.busy < a.busy ? b : a));
      await thread.ready;
      thread.busy += 1;
      const id = next++;
      return new Promise<Response>((resolve, reject) => {
        waiting.set(id, { resolve, reject, thread });
        thread.worker.postMessage({ id, url, component: route.component, route: route.route });
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
