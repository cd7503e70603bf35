/**
 * The public server's own settings, from the environment, with messages naming the variable:
 * which proxies may tell the reader's address, and the limits of the on-demand proxy.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { parseEnv, wholeVar, type RawEnv } from '../../content-types/src/env.ts';
import type { PortalInfo } from '../../content-types/src/portals.ts';

/** Limits of the proxy in front of the on-demand routes (defaults documented in the README). */
export interface ProxyLimits {
  /** Largest request body, counted as bytes arrive whatever the headers say (413 beyond). */
  maxBodyBytes: number;
  /** Time a client has to send its whole body (408 after). */
  bodyTimeoutMs: number;
  /** Time the route has to start answering (504 after; the route's request is cancelled). */
  upstreamTimeoutMs: number;
  /** On-demand requests one address may have in flight (429 beyond). */
  perAddress: number;
  /** On-demand requests in flight in all (503 with Retry-After beyond, never a queue). */
  maxConcurrent: number;
}

export const DEFAULT_LIMITS: ProxyLimits = {
  maxBodyBytes: 32 * 1024,
  bodyTimeoutMs: 10_000,
  upstreamTimeoutMs: 30_000,
  perAddress: 16,
  maxConcurrent: 256,
};

/** How long a portal's worker stays without an on-demand request before it is stopped (ON_DEMAND_IDLE_MS). */
export const DEFAULT_IDLE_MS = 10 * 60_000;

const whole = wholeVar;

const Schema = z.object({
  TRUSTED_PROXY: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((a) => a.trim()).filter(Boolean))
    .refine((list) => list.every((a) => isIP(a) !== 0), 'TRUSTED_PROXY must be a comma-separated list of IP addresses (e.g. 127.0.0.1 for the nginx on this machine), not host names'),
  ONDEMAND_MAX_BODY_BYTES: whole('ONDEMAND_MAX_BODY_BYTES', 1024, DEFAULT_LIMITS.maxBodyBytes, 'bytes'),
  ONDEMAND_BODY_TIMEOUT_MS: whole('ONDEMAND_BODY_TIMEOUT_MS', 100, DEFAULT_LIMITS.bodyTimeoutMs, 'milliseconds'),
  ONDEMAND_TIMEOUT_MS: whole('ONDEMAND_TIMEOUT_MS', 100, DEFAULT_LIMITS.upstreamTimeoutMs, 'milliseconds'),
  ONDEMAND_PER_ADDRESS: whole('ONDEMAND_PER_ADDRESS', 1, DEFAULT_LIMITS.perAddress, 'requests'),
  ONDEMAND_MAX_CONCURRENT: whole('ONDEMAND_MAX_CONCURRENT', 1, DEFAULT_LIMITS.maxConcurrent, 'requests'),
  SITE_URL: z.url('SITE_URL must be the public URL of the portal, e.g. https://xatanhoa.gov.vn').optional(),
  ON_DEMAND_IDLE_MS: whole('ON_DEMAND_IDLE_MS', 1000, DEFAULT_IDLE_MS, 'milliseconds'),
});

export interface PublicServerEnvironment {
  /** Peers whose X-Real-IP / X-Forwarded-For name the reader; nobody else's are read. */
  trustedProxies: string[];
  limits: ProxyLimits;
  /** A portal's on-demand worker is stopped after this long without a request (ON_DEMAND_IDLE_MS). */
  idleMs: number;
  /** SITE_URL: with several portals, the primary portal answers its host too. */
  siteUrl?: string;
}

/** Parses the public server's environment; throws an English message naming each bad variable. */
export function parsePublicServerEnvironment(raw: RawEnv): PublicServerEnvironment {
  const env = parseEnv(Schema, raw, 'public server environment');
  return {
    trustedProxies: env.TRUSTED_PROXY,
    limits: {
      maxBodyBytes: env.ONDEMAND_MAX_BODY_BYTES,
      bodyTimeoutMs: env.ONDEMAND_BODY_TIMEOUT_MS,
      upstreamTimeoutMs: env.ONDEMAND_TIMEOUT_MS,
      perAddress: env.ONDEMAND_PER_ADDRESS,
      maxConcurrent: env.ONDEMAND_MAX_CONCURRENT,
    },
    idleMs: env.ON_DEMAND_IDLE_MS,
    ...(env.SITE_URL ? { siteUrl: env.SITE_URL } : {}),
  };
}

/**
 * The environment of the on-demand routes (reader store, comments, draft preview), the same for
 * `npm start` and `npm run public`: the reader store (READER_DB, relative to the repository root,
 * default data/reader.db; or REDIS_URL, passed through), the CMS (`cmsUrl`), its comment and
 * preview tokens' files in the CMS's data folder, and the preview secret.
 */
export function onDemandEnvironment(raw: RawEnv, where: { rootDir: string; dataDir: string; cmsUrl: string; previewSecret: string | undefined }): Record<string, string | undefined> {
  return {
    READER_DB: path.resolve(where.rootDir, raw.READER_DB || path.join('data', 'reader.db')),
    PREVIEW_SECRET: where.previewSecret,
    CMS_URL: where.cmsUrl,
    // Its own tokens, not the build token's: comments and questions (create only) and the preview (the only one that reads drafts).
    CMS_COMMENT_TOKEN_FILE: path.resolve(where.rootDir, raw.CMS_COMMENT_TOKEN_FILE || path.join(where.dataDir, 'comment-token')),
    CMS_QUESTION_TOKEN_FILE: path.resolve(where.rootDir, raw.CMS_QUESTION_TOKEN_FILE || path.join(where.dataDir, 'question-token')),
    CMS_PREVIEW_TOKEN_FILE: path.resolve(where.rootDir, raw.CMS_PREVIEW_TOKEN_FILE || path.join(where.dataDir, 'preview-token')),
    CMS_PUBLIC_URL: raw.CMS_PUBLIC_URL || where.cmsUrl,
  };
}

/** Where the reader store of the install's (primary) portal is, as the on-demand routes resolve it. */
const readerDbOf = (env: Record<string, string | undefined>) => path.resolve(env.READER_DB || path.join('data', 'reader.db'));

/**
 * What a portal's on-demand worker gets over the server's environment (issue 14): its code
 * (SITE_PORTAL) and its own reader data. The primary portal keeps today's store (READER_DB and the
 * Redis keys under REDIS_PREFIX, `cong:` by default), so an upgrade loses no count; every other
 * portal has its own SQLite file `portals/<code>/reader.db` beside READER_DB and the Redis keys
 * under `<REDIS_PREFIX>portal:<code>:` (one Redis serves every portal and public server). All
 * portals share one reader key (READER_KEY_FILE, by default `reader-key` beside READER_DB).
 */
export function portalEnvironment(env: Record<string, string | undefined>, portal: Pick<PortalInfo, 'code' | 'primary'>): Record<string, string> {
  if (portal.primary) return { SITE_PORTAL: portal.code };
  const db = readerDbOf(env);
  return {
    SITE_PORTAL: portal.code,
    READER_DB: path.join(path.dirname(db), 'portals', portal.code, 'reader.db'),
    READER_KEY_FILE: env.READER_KEY_FILE ? path.resolve(env.READER_KEY_FILE) : path.join(path.dirname(db), 'reader-key'),
    REDIS_PREFIX: `${env.REDIS_PREFIX ?? 'cong:'}portal:${portal.code}:`,
  };
}
