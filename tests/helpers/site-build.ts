/**
 * Builds the site against a test CMS into a folder inside the repository (the server bundle
 * resolves its packages from the root node_modules) and serves it with the built Node server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import path from 'node:path';
import { buildSite } from '../../scripts/lib/site.ts';
import type { CmsHarness } from './cms-harness.ts';

export const rootDir = path.resolve(import.meta.dirname, '../..');
export const SITE_URL = 'https://xatanhoa.example.vn';

export interface SiteBuild {
  /** The build's output folder (client/ and server/ inside). */
  out: string;
  /** Runs `astro build` again; returns its output (a failure is a SiteBuildError with `output`). */
  build(): Promise<string>;
  dispose(): void;
}

/** Prepares a build folder for the site against `cms`. */
export function createSiteBuild(cms: CmsHarness, name: string): SiteBuild {
  mkdirSync(path.join(rootDir, 'site', '.builds'), { recursive: true });
  const work = mkdtempSync(path.join(rootDir, 'site', '.builds', `${name}-`));
  const out = path.join(work, 'dist');
  return {
    out,
    async build() {
      const env = { CMS_URL: cms.url, CMS_TOKEN: cms.buildToken, SITE_URL, SITE_OUT_DIR: out, SITE_CACHE_DIR: path.join(work, 'cache') };
      return (await buildSite(env)).output;
    },
    dispose() {
      rmSync(work, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** Serves a build with its own Node server; resolves once it answers. */
export async function serveSite(out: string): Promise<{ url: string; stop(): void; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(out, 'server', 'entry.mjs')], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, process: child, stop: () => child.kill('SIGTERM') };
}
