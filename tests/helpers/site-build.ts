/**
 * Builds the site against a test CMS into a folder inside the repository (the server bundle
 * resolves its packages from the root node_modules) and serves it with the public server.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from '../../scripts/lib/site.ts';
import { createPublicServer, type PublicServerOptions } from '../../scripts/public/server.ts';
import { listen } from './net.ts';
import type { CmsHarness } from './cms-harness.ts';

export const rootDir = path.resolve(import.meta.dirname, '../..');
export const SITE_URL = 'https://xatanhoa.example.vn';

export interface SiteBuild {
  /** The build's output folder (client/ and server/ inside). */
  out: string;
  /**
   * Runs `astro build` again; returns its output (a failure is a SiteBuildError with `output`).
   * `into` builds elsewhere in the work folder: `out` (a folder name) as a publisher release,
   * `cache` (a folder name) for a cache of its own instead of the shared one; `env` overrides the
   * build's variables (another portal's SITE_PORTAL, CMS_TOKEN and SITE_URL).
   */
  build(into?: { out?: string; cache?: string; env?: Record<string, string> }): Promise<string>;
  /** The work folder holding `out` and the caches. */
  work: string;
  dispose(): void;
}

/** Prepares a build folder for the site against `cms`. */
export function createSiteBuild(cms: CmsHarness, name: string): SiteBuild {
  mkdirSync(path.join(rootDir, 'site', '.builds'), { recursive: true });
  const work = mkdtempSync(path.join(rootDir, 'site', '.builds', `${name}-`));
  const out = path.join(work, 'dist');
  return {
    out,
    work,
    async build(into = {}) {
      const env = {
        CMS_URL: cms.url,
        CMS_TOKEN: cms.buildToken,
        SITE_URL,
        SITE_OUT_DIR: into.out ? path.join(work, into.out) : out,
        SITE_CACHE_DIR: path.join(work, into.cache ?? 'cache'),
        ...into.env,
      };
      return (await buildSite(env)).output;
    },
    dispose() {
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Serves a build with the public server (static files, then the on-demand routes), as a release;
 * `env` goes to the on-demand routes (reader store, limits, CMS access).
 */
export async function serveSite(out: string, env: Record<string, string> = {}, options: PublicServerOptions = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const root = path.dirname(out);
  rmSync(path.join(root, 'current'), { force: true });
  symlinkSync(path.basename(out), path.join(root, 'current'));
  const server = createPublicServer(root, { ...options, env });
  return { url: await listen(server), stop: () => new Promise((r) => server.close(() => r())) };
}
