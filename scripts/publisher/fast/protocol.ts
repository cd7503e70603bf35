/**
 * What the publisher (index.ts) and the fast path's worker (worker.ts) exchange: a module of its
 * own, as the worker's modules (the site's code, Astro) stay out of the publisher's process.
 */
import path from 'node:path';

export interface FastJob {
  /** The live release's folder. */
  live: string;
  /** The new release's folder (empty). */
  target: string;
  maxPages: number;
  /** The portal's code when other portals share news with it (the fingerprint covers those). */
  sharedNewsOf?: string;
  /** A hard-linked copy of the live release made in the background, ready or being made (housekeeping.ts): taken for the target. */
  spare?: string;
}

export type FastOutcome =
  | {
      outcome: 'published';
      /** Pages rendered (changed, new, or without a cache key). */
      rendered: number;
      /** Files written because their bytes changed, relative to the client folder. */
      written: string[];
      /** Media files copied in for them (relative to the client folder): precompressed too when they are text. */
      mirrored: string[];
      removed: number;
      /** Pages with a cache key that changed or are new. */
      changed: number;
      /** Every page of the release. */
      pages: number;
      /** Articles in the content store the pages were rendered from (the release's checks count their pages). */
      articles: number;
      steps: Record<string, number>;
      note: string | null;
      /** What the CMS published when the publish started (reconcile.ts): the release's manifest. */
      fingerprint: string;
      documents: string[];
    }
  | { outcome: 'full'; reason: string; steps: Record<string, number> };

/** A job from the publisher, or a release to get ready for (its pages loaded, its lists and the content read: no answer); and what the worker answers a job. */
export type WorkerRequest = { job: FastJob } | { warm: { live: string } };
export type WorkerAnswer = { outcome: FastOutcome } | { error: string };

/** Folder of this worker's link to the compiled pages (index.ts deletes it when the worker is gone). */
export const bundleLink = (cacheDir: string, pid: number) => path.join(cacheDir, 'fast-worker', String(pid));
