/**
 * The benchmark's site-build part: an `astro build` from the running CMS (the full build: content
 * sync, prerendering, the Pagefind index) timed with its pages per second, the peak memory of its
 * process tree (Pagefind runs as a child process) and what it says of its own steps; and the
 * weight of an article page a reader downloads.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { astroBuildArgs, siteDir, stagingDir } from '../lib/site.ts';
import { measure } from './cms.ts';
import { describeBuild, parseBuildOutput } from './report.ts';
import type { Bench } from './context.ts';

export function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countPages(path.join(dir, entry.name));
    else if (entry.name.endsWith('.html')) n += 1;
  }
  return n;
}

/** Bytes a reader downloads for one article page: HTML (inlined CSS), JS, fonts. */
export function articleWeight(client: string): { html: number; gzip: number; css: number; js: number; fonts: number } {
  const slug = readdirSync(path.join(client, 'tin-tuc')).find((d) => d !== 'trang' && !d.endsWith('.html'))!;
  const html = readFileSync(path.join(client, 'tin-tuc', slug, 'index.html'));
  const text = html.toString();
  const css = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  const js = [...text.matchAll(/<script[^>]*src="([^"]+)"/g)].reduce((n, m) => n + statSync(path.join(client, m[1]!)).size, 0)
    + [...text.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  // The latin and vietnamese subsets, regular and bold: what a Vietnamese page loads.
  const fonts = [...new Set([...text.matchAll(/url\((\/_astro\/[^)]+\.woff2)\)/g)].map((m) => m[1]!))].reduce((n, f) => n + statSync(path.join(client, f)).size, 0);
  return { html: html.length, gzip: gzipSync(html).length, css, js, fonts };
}

/**
 * Builds the site from the running CMS into a fresh folder and records time, pages/s, peak memory
 * and the build's own figures (content sync, prerendering, Pagefind); `note` leads the notes.
 */
export async function benchSiteBuild({ url, dataDir, buildDir, rows }: Bench, label: string, cache: string, note?: string): Promise<string> {
  const out = path.join(buildDir, `out-${rows.length}`);
  // Built where the publisher builds (stagingDir: the same folder every time), then moved.
  const staging = stagingDir(out);
  rmSync(staging, { recursive: true, force: true });
  const siteEnv = { CMS_URL: url, CMS_TOKEN_FILE: path.join(dataDir, 'build-token'), SITE_OUT_DIR: staging, SITE_CACHE_DIR: path.join(buildDir, cache), ASTRO_TELEMETRY_DISABLED: '1' };
  const run = await measure(astroBuildArgs(), siteEnv, siteDir, undefined, { capture: true });
  renameSync(staging, out);
  const pages = countPages(path.join(out, 'client'));
  const figures = describeBuild(parseBuildOutput(run.output ?? ''));
  rows.push([label, `${run.seconds.toFixed(1)} s`, `${note ? `${note}; ` : ''}${pages.toLocaleString('en')} pages, ${(pages / run.seconds).toFixed(0)} pages/s, peak ${run.peakMb.toFixed(0)} MB (process tree)${figures ? `; ${figures}` : ''}`]);
  return out;
}
