/**
 * The site build's environment: where Strapi is, the read-only build token and the portal's public
 * URL. The build itself reads it (site/src/lib/site-env.ts), and so do the publisher and
 * `npm run release`, which start builds and fingerprint what the CMS publishes with the same token.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { cmsDataDirOf, cmsUrlOf, ConfigError, parseEnv, type RawEnv } from './env';

const BuildSchema = z.object({
  CMS_TOKEN: z.string().min(16, 'CMS_TOKEN looks too short to be a Strapi API token').optional(),
  CMS_TOKEN_FILE: z.string().optional(),
  SITE_URL: z.url('SITE_URL must be the public URL of the portal, e.g. https://xatanhoa.gov.vn').default('http://127.0.0.1:4321'),
  SITE_PORTAL: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'SITE_PORTAL must be a portal\'s code (Mã cổng), e.g. tan-hoa').optional(),
});

export interface BuildEnvironment {
  cmsUrl: string;
  token: string;
  siteUrl: string;
  /** The portal (its code, Mã cổng) this build is for; unset: the install's first portal. */
  portal?: string;
}

/**
 * Parses the build's variables; the token comes from CMS_TOKEN, else from the file the CMS hands
 * it off in (CMS_TOKEN_FILE, relative to `rootDir`; by default `build-token` in the CMS data folder).
 */
export function parseBuildEnvironment(raw: RawEnv, rootDir: string): BuildEnvironment {
  const env = parseEnv(BuildSchema, raw, 'site build environment');
  const cmsUrl = cmsUrlOf(raw);
  let token = env.CMS_TOKEN;
  if (!token) {
    const tokenFile = path.resolve(rootDir, env.CMS_TOKEN_FILE ?? path.join(cmsDataDirOf(raw, rootDir), 'build-token'));
    if (!existsSync(tokenFile)) {
      throw new ConfigError(`No build token: set CMS_TOKEN, or start the CMS once so it writes ${tokenFile} (or point CMS_TOKEN_FILE at the file).`);
    }
    token = readFileSync(tokenFile, 'utf8').trim();
  }
  return { cmsUrl, token, siteUrl: env.SITE_URL.replace(/\/+$/, ''), ...(env.SITE_PORTAL ? { portal: env.SITE_PORTAL } : {}) };
}
