/**
 * The build's environment, parsed once with the shared helper (content-types/src/env.ts): the
 * root `.env` under the real environment; where Strapi is (CMS_URL, else CMS_HOST and CMS_PORT),
 * the read-only token, the portal's public URL. Problems are reported in English with the
 * variable's name and what to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseBuildEnvironment, type BuildEnvironment } from '../../../content-types/src/build-env.ts';
import { cmsUrlOf, ConfigError, findRepoRoot, loadEnvFiles, parseEnv, type RawEnv } from '../../../content-types/src/env.ts';

/** A configuration mistake the operator must fix. */
export class SiteConfigError extends ConfigError {
  override name = 'SiteConfigError';
}

/** Reads the repository's env files into process.env (once), as every process of Cổng does. */
export function loadSiteEnvFiles(): void {
  let rootDir: string;
  try {
    rootDir = findRepoRoot(siteDir());
  } catch {
    return; // a release's bundle run outside the repository: the process that started it passed the environment
  }
  loadEnvFiles(rootDir);
}

/** `raw` after the env files, when it is this process's environment. */
function withEnvFiles(raw: RawEnv): RawEnv {
  if (raw === process.env) loadSiteEnvFiles();
  return raw;
}

/** Runs `parse`, reporting the shared helper's ConfigError as this module's SiteConfigError. */
function asSiteError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ConfigError && !(error instanceof SiteConfigError)) throw new SiteConfigError(error.message);
    throw error;
  }
}

/** The site/ folder, found from this module whether it runs from src/ or from the built dist/. */
function findSiteDir(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'site') return dir;
  }
  throw new SiteConfigError(`Cannot find the site/ folder above ${from}: build from the Cổng repository.`);
}

/** The site/ folder: set by astro.config.mjs for the build, found by walking up otherwise. */
function siteDir(): string {
  return process.env.CONG_SITE_DIR ?? findSiteDir(path.dirname(fileURLToPath(import.meta.url)));
}

/** The build's environment (content-types/src/build-env.ts), with the repository's env files read first. */
export type SiteEnvironment = BuildEnvironment;

/** Where Strapi is (CMS_URL, else CMS_HOST and CMS_PORT), without the token: what the build's config needs. */
export function siteCmsUrl(raw: RawEnv = process.env): string {
  withEnvFiles(raw);
  return asSiteError(() => cmsUrlOf(raw));
}

/** Parses the environment; the token comes from CMS_TOKEN or the file the CMS hands off. */
export function parseSiteEnvironment(raw: RawEnv): SiteEnvironment {
  withEnvFiles(raw);
  return asSiteError(() => parseBuildEnvironment(raw, path.join(siteDir(), '..')));
}

const PreviewSchema = z.object({
  CMS_PREVIEW_TOKEN: z.string().min(16, 'CMS_PREVIEW_TOKEN looks too short to be a Strapi API token').optional(),
  CMS_PREVIEW_TOKEN_FILE: z.string().optional(),
});

/**
 * The draft preview's way to Strapi (public server, on demand): the preview token, the only one
 * the CMS lets read drafts, from CMS_PREVIEW_TOKEN or the file the CMS writes it to. Read per
 * request, so a rotated key is picked up without a restart.
 */
export function parsePreviewEnvironment(raw: RawEnv): { cmsUrl: string; token: string } {
  const env = asSiteError(() => parseEnv(PreviewSchema, raw, 'preview environment'));
  const cmsUrl = asSiteError(() => cmsUrlOf(raw));
  let token = env.CMS_PREVIEW_TOKEN;
  if (!token) {
    const file = env.CMS_PREVIEW_TOKEN_FILE;
    if (!file || !existsSync(file)) {
      throw new SiteConfigError(`No preview token: set CMS_PREVIEW_TOKEN, or CMS_PREVIEW_TOKEN_FILE to the file the CMS writes it to (cms/data/preview-token, or the CMS's PREVIEW_TOKEN_FILE)${file ? `; ${file} does not exist` : ''}.`);
    }
    token = readFileSync(file, 'utf8').trim();
  }
  return { cmsUrl, token };
}

/** A folder of the build's cache (SITE_CACHE_DIR, kept by the publisher between releases; else site/node_modules/). */
function cacheFolder(name: string): string {
  return process.env.SITE_CACHE_DIR ? path.join(path.resolve(siteDir(), process.env.SITE_CACHE_DIR), name) : path.join(siteDir(), 'node_modules', `.${name}`);
}

/** Where the loaders keep Markdown bodies, beside the content store. */
export function bodyCacheDir(): string {
  return cacheFolder('cong-bodies');
}

/**
 * The content store (store.ts): one JSON file per collection. A release's on-demand routes (run by
 * the public server, which names the release in CONG_RELEASE_DIR) read the snapshot the build left
 * in the release, the content its pages were rendered from.
 */
export function storeDir(): string {
  if (process.env.CONG_RELEASE_DIR) return path.join(process.env.CONG_RELEASE_DIR, RELEASE_STORE);
  return cacheFolder('cong-store');
}

/** The folder of a release holding the content store it was rendered from. */
export const RELEASE_STORE = 'store';

/** Images made from CMS media (images.ts), by file name, kept between builds. */
export function imageCacheDir(): string {
  return cacheFolder('cong-images');
}

/** The Strapi filter that picks this build's portal (SITE_PORTAL) from the portals the token reads; none when unset. */
export function portalFilters(): Record<string, string> {
  const portal = parseSiteEnvironment(process.env).portal;
  return portal ? { 'filters[slug][$eq]': portal } : {};
}
