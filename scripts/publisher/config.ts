/**
 * The publisher's environment, parsed once with the shared helper (content-types/src/env.ts):
 * messages name the variable. Split by need: `npm run rollback` checks only where the releases
 * are, `npm run release` that and the site build's, `npm run nginx-config` that and where the
 * public server listens; only the publisher itself needs its secrets.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FAST_PATH_MAX_PAGES } from './deploy.ts';
import { FAST_WORKER_IDLE_MS } from './fast/index.ts';
import { ConfigError, parseEnv, portVar, SHARED_SECRET_FILES, wholeVar, type RawEnv } from '../../content-types/src/env.ts';
import { portalRoot, readPortalRegistry, type PortalInfo } from '../../content-types/src/portals.ts';
import { DISPATCH_EVENT_TYPE, type GitHubTarget } from './github.ts';
import type { PublisherConfig } from './publisher.ts';

/**
 * The queue's quiet period by default: the webhooks of one editor's action (a publish, a bulk
 * publish) arrive within milliseconds; with the fast path a build is a few seconds and what comes
 * during it joins the next, so waiting longer only delays the page (it was 750 ms).
 */
export const BUILD_QUIET_MS = 300;

const ms = (name: string, fallback: number) => wholeVar(name, 0, fallback, 'milliseconds');

const ReleasesSchema = z.object({
  RELEASES_DIR: z.string().optional(),
  RELEASES_KEEP: z.coerce.number({ error: 'RELEASES_KEEP must be a whole number' }).int('RELEASES_KEEP must be a whole number').min(1, 'RELEASES_KEEP must keep at least 1 release').default(5),
});

/** Where the releases live (RELEASES_DIR, relative to the repository root) and how many are kept. */
export function parseReleasesEnvironment(raw: RawEnv, rootDir: string): { releasesDir: string; keep: number } {
  const env = parseEnv(ReleasesSchema, { RELEASES_DIR: raw.RELEASES_DIR, RELEASES_KEEP: raw.RELEASES_KEEP }, 'releases environment');
  return { releasesDir: path.resolve(rootDir, env.RELEASES_DIR ?? 'releases'), keep: env.RELEASES_KEEP };
}

/**
 * The portal `code`, and all the portals, of the registry found in the first of `dirs` that has one (the CMS data dir's
 * portals.json, or the publisher's copy in RELEASES_DIR); its releases live in portalRoot. Throws
 * a ConfigError naming the option and what to do when there is no registry or no such portal.
 */
export function findPortal(code: string, dirs: readonly string[]): { portal: PortalInfo; portals: PortalInfo[] } {
  const registry = dirs.map((dir) => readPortalRegistry(dir)).find((r) => r !== null);
  if (!registry) {
    throw new ConfigError(`--portal ${code}: no portals.json in ${dirs.join(' or ')}: this install has one portal (leave --portal out), or start the CMS and the publisher once so they write the registry`);
  }
  const portal = registry.portals.find((p) => p.code === code);
  if (!portal) throw new ConfigError(`--portal ${code}: no portal with this code (Mã cổng); the portals are: ${registry.portals.map((p) => p.code).join(', ')}`);
  return { portal, portals: registry.portals };
}

/** Where portal `code`'s releases live (RELEASES_DIR for the primary or when no code is given). */
export function portalReleasesRoot(releasesDir: string, code: string | undefined, registryDirs: readonly string[] = [releasesDir]): string {
  return code ? portalRoot(releasesDir, findPortal(code, registryDirs).portal) : releasesDir;
}

const SiteAddressSchema = z.object({
  SITE_HOST: z.string().default('127.0.0.1'),
  SITE_PORT: portVar('SITE_PORT', 4321),
});

/** Where the public server listens (SITE_HOST, SITE_PORT). */
export function parseSiteAddress(raw: RawEnv): z.output<typeof SiteAddressSchema> {
  return parseEnv(SiteAddressSchema, { SITE_HOST: raw.SITE_HOST, SITE_PORT: raw.SITE_PORT }, 'public server address');
}

const Schema = z.object({
  ...ReleasesSchema.shape,
  ...SiteAddressSchema.shape,
  PUBLISHER_HOST: z.string().default('127.0.0.1'),
  PUBLISHER_PORT: portVar('PUBLISHER_PORT', 4400),
  WEBHOOK_SECRET: z.string().min(16, 'WEBHOOK_SECRET must have at least 16 characters: generate one with `openssl rand -hex 32`').optional(),
  PREVIEW_SECRET: z.string().min(16, 'PREVIEW_SECRET must have at least 16 characters: generate one with `openssl rand -hex 32` and give the same value to the CMS').optional(),
  STATUS_TOKEN: z.string().min(16, 'STATUS_TOKEN must have at least 16 characters').optional(),
  BUILD_QUIET_MS: ms('BUILD_QUIET_MS', BUILD_QUIET_MS),
  BUILD_MAX_WAIT_MS: ms('BUILD_MAX_WAIT_MS', 30_000),
  RECONCILE_INTERVAL_MS: ms('RECONCILE_INTERVAL_MS', 60_000),
  // Site builds at once across the portals of the install: one per core unless told.
  PUBLISH_CONCURRENCY: z.coerce
    .number({ error: 'PUBLISH_CONCURRENCY must be a whole number of site builds at once, e.g. 2' })
    .int('PUBLISH_CONCURRENCY must be a whole number of site builds at once, e.g. 2')
    .min(1, 'PUBLISH_CONCURRENCY must be at least 1 (site builds at once across all portals; unset: one per core)')
    .default(availableParallelism()),
  // Issue 15: the fast path renders at most this many changed pages (else a full build); 0 turns it off.
  FAST_PATH_MAX_PAGES: z.coerce
    .number({ error: 'FAST_PATH_MAX_PAGES must be a whole number of pages, e.g. 2000 (0 turns the fast path off)' })
    .int('FAST_PATH_MAX_PAGES must be a whole number of pages, e.g. 2000 (0 turns the fast path off)')
    .min(0, 'FAST_PATH_MAX_PAGES must be 0 (fast path off) or more')
    .default(FAST_PATH_MAX_PAGES),
  // When the full build that follows fast publishes runs: once the portal is idle, or at night.
  FULL_BUILD_AFTER_FAST: z.enum(['idle', 'nightly'], { error: 'FULL_BUILD_AFTER_FAST must be "idle" (a full build once the portal has been idle FULL_BUILD_IDLE_MS) or "nightly" (at 02:00, Viet Nam time)' }).default('idle'),
  FULL_BUILD_IDLE_MS: ms('FULL_BUILD_IDLE_MS', 600_000),
  // How long a portal's fast-path worker stays warm for its next publish (0: one process per publish).
  FAST_WORKER_IDLE_MS: ms('FAST_WORKER_IDLE_MS', FAST_WORKER_IDLE_MS),
  GITHUB_TOKEN: z.string().min(20, 'GITHUB_TOKEN looks too short to be a GitHub token').optional(),
  GITHUB_REPOSITORY: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'GITHUB_REPOSITORY must be "owner/name"').optional(),
  GITHUB_API_URL: z.url('GITHUB_API_URL must be a URL such as https://api.github.com').default('https://api.github.com'),
  GITHUB_EVENT_TYPE: z.string().regex(/^[\w.-]{1,100}$/, 'GITHUB_EVENT_TYPE must be a short name such as cong-publish').default(DISPATCH_EVENT_TYPE),
});

export type PublisherEnvironment = z.output<typeof Schema> & {
  releasesDir: string;
  webhookSecret: string;
  /** Signs draft-preview links (the CMS makes them, the public server checks them). */
  previewSecret: string;
  /** Set when GITHUB_TOKEN is: publishes are forwarded to GitHub Actions instead of built here. */
  github?: GitHubTarget;
};

/** Parses the environment; the local webhook secret is generated once into `dataDir`. */
export function parsePublisherEnvironment(raw: RawEnv, rootDir: string, dataDir: string, production: boolean): PublisherEnvironment {
  const env = parseEnv(Schema, raw, 'publisher environment');
  /** A secret from the environment, or (not in production) generated once into `dataDir`. */
  const localSecret = (name: keyof typeof SHARED_SECRET_FILES, given: string | undefined): string => {
    if (given) return given;
    if (production) throw new ConfigError(`${name} is required when NODE_ENV=production: generate one with \`openssl rand -hex 32\` and give the same value to the CMS`);
    const fileName = SHARED_SECRET_FILES[name];
    const file = path.join(dataDir, fileName);
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // the CMS data folder: private (see cms/src/lib/file-modes.ts)
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    return readFileSync(file, 'utf8').trim();
  };
  const webhookSecret = localSecret('WEBHOOK_SECRET', env.WEBHOOK_SECRET);
  const previewSecret = localSecret('PREVIEW_SECRET', env.PREVIEW_SECRET);
  let github: GitHubTarget | undefined;
  if (env.GITHUB_TOKEN) {
    // GITHUB_REPOSITORY alone (always set inside GitHub Actions) does not switch the mode; the token does.
    if (!env.GITHUB_REPOSITORY) throw new ConfigError('GITHUB_TOKEN is set but GITHUB_REPOSITORY is not: set it to "owner/name" of the repository whose publish workflow builds the site, or unset GITHUB_TOKEN to build here');
    github = { repository: env.GITHUB_REPOSITORY, token: env.GITHUB_TOKEN, apiUrl: env.GITHUB_API_URL, eventType: env.GITHUB_EVENT_TYPE };
  }
  return { ...env, releasesDir: path.resolve(rootDir, env.RELEASES_DIR ?? 'releases'), webhookSecret, previewSecret, github };
}

/**
 * The publisher's settings: its environment, plus the CMS it builds from, the site's public URL
 * and the CMS data dir whose portals.json lists the portals (none: one portal).
 */
export function publisherConfig(env: PublisherEnvironment, cms: { cmsUrl: string; token: string; siteUrl: string; registryDir?: string }, log: (message: string) => void): PublisherConfig {
  return {
    host: env.PUBLISHER_HOST,
    port: env.PUBLISHER_PORT,
    secret: env.webhookSecret,
    statusToken: env.STATUS_TOKEN,
    root: env.releasesDir,
    keep: env.RELEASES_KEEP,
    ...cms,
    quietMs: env.BUILD_QUIET_MS,
    maxWaitMs: env.BUILD_MAX_WAIT_MS,
    reconcileMs: env.RECONCILE_INTERVAL_MS,
    concurrency: env.PUBLISH_CONCURRENCY,
    fastMaxPages: env.FAST_PATH_MAX_PAGES,
    fastWorkerIdleMs: env.FAST_WORKER_IDLE_MS,
    fullAfter: env.FULL_BUILD_AFTER_FAST === 'nightly' ? { mode: 'nightly', hour: 2 } : { mode: 'idle', idleMs: env.FULL_BUILD_IDLE_MS },
    github: env.github,
    log,
  };
}
