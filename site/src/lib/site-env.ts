/**
 * The build's environment, parsed once: where Strapi is, the read-only token, the portal's
 * public URL. Problems are reported in English with the variable's name and what to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** A configuration mistake the operator must fix. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
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

const Schema = z.object({
  CMS_URL: z.url('CMS_URL must be the URL of Strapi, e.g. http://127.0.0.1:1337').default('http://127.0.0.1:1337'),
  CMS_TOKEN: z.string().min(16, 'CMS_TOKEN looks too short to be a Strapi API token').optional(),
  CMS_TOKEN_FILE: z.string().optional(),
  SITE_URL: z.url('SITE_URL must be the public URL of the portal, e.g. https://xatanhoa.gov.vn').default('http://127.0.0.1:4321'),
});

export interface SiteEnvironment {
  cmsUrl: string;
  token: string;
  siteUrl: string;
}

/** Parses the environment; the token comes from CMS_TOKEN or the file the CMS hands off. */
export function parseSiteEnvironment(raw: Record<string, string | undefined>): SiteEnvironment {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const result = Schema.safeParse(cleaned);
  if (!result.success) {
    throw new SiteConfigError(`Invalid site build environment:\n${result.error.issues.map((i) => `- ${i.message}`).join('\n')}`);
  }
  const env = result.data;
  let token = env.CMS_TOKEN;
  if (!token) {
    const tokenFile = env.CMS_TOKEN_FILE ?? path.join(siteDir(), '..', 'cms', 'data', 'build-token');
    if (!existsSync(tokenFile)) {
      throw new SiteConfigError(`No build token: set CMS_TOKEN, or start the CMS once so it writes ${tokenFile} (or point CMS_TOKEN_FILE at the file).`);
    }
    token = readFileSync(tokenFile, 'utf8').trim();
  }
  return { cmsUrl: env.CMS_URL.replace(/\/+$/, ''), token, siteUrl: env.SITE_URL.replace(/\/+$/, '') };
}

const PreviewSchema = z.object({
  CMS_URL: Schema.shape.CMS_URL,
  CMS_PREVIEW_TOKEN: z.string().min(16, 'CMS_PREVIEW_TOKEN looks too short to be a Strapi API token').optional(),
  CMS_PREVIEW_TOKEN_FILE: z.string().optional(),
});

/**
 * The draft preview's way to Strapi (public server, on demand): the preview token, the only one
 * the CMS lets read drafts, from CMS_PREVIEW_TOKEN or the file the CMS writes it to. Read per
 * request, so a rotated key is picked up without a restart.
 */
export function parsePreviewEnvironment(raw: Record<string, string | undefined>): { cmsUrl: string; token: string } {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const result = PreviewSchema.safeParse(cleaned);
  if (!result.success) {
    throw new SiteConfigError(`Invalid preview environment:\n${result.error.issues.map((i) => `- ${i.message}`).join('\n')}`);
  }
  const env = result.data;
  let token = env.CMS_PREVIEW_TOKEN;
  if (!token) {
    const file = env.CMS_PREVIEW_TOKEN_FILE;
    if (!file || !existsSync(file)) {
      throw new SiteConfigError(`No preview token: set CMS_PREVIEW_TOKEN, or CMS_PREVIEW_TOKEN_FILE to the file the CMS writes it to (cms/data/preview-token, or the CMS's PREVIEW_TOKEN_FILE)${file ? `; ${file} does not exist` : ''}.`);
    }
    token = readFileSync(file, 'utf8').trim();
  }
  return { cmsUrl: env.CMS_URL.replace(/\/+$/, ''), token };
}

/** Where the loader keeps article bodies outside Astro's bundled content store. */
export function bodyCacheDir(): string {
  return process.env.SITE_CACHE_DIR
    ? path.join(path.resolve(siteDir(), process.env.SITE_CACHE_DIR), 'cong-bodies')
    : path.join(siteDir(), 'node_modules', '.cong-bodies');
}
