/**
 * One way to configure every process of Cổng (the CMS, the publisher, the public server, the site
 * build, `npm start`, `npm run release`, `rollback`, `nginx-config`): each reads the same root
 * `.env` with `loadEnvFiles()` first thing, then checks its own variables with `parseEnv()` and a
 * zod schema of what it needs, so a mistake stops it at start with an English message naming the
 * variable, what is wrong and how to fix it.
 *
 * Where values come from, first found wins:
 * 1. the process's real environment (`CMS_PORT=8080 npm start`);
 * 2. the root `.env` (or the file named by `CONG_ENV_FILE`: tests, or settings kept elsewhere);
 * 3. `cms/.env`, read for installs made before the root `.env` (only without `CONG_ENV_FILE`).
 *
 * Values from the files are put into `process.env`, so every child process (Strapi, `astro build`,
 * the on-demand worker) sees the same ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv as parseDotEnv } from 'node:util';
import { z } from 'zod';

/** A configuration mistake the operator must fix; the message says which variable and how. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type RawEnv = Record<string, string | undefined>;

/** Names another env file than the root `.env` (which is then not read, nor `cms/.env`). */
export const ENV_FILE_VARIABLE = 'CONG_ENV_FILE';

/** The repository root: the nearest folder above `from` whose package.json lists the workspaces. */
export function findRepoRoot(from: string): string {
  for (let dir = path.resolve(from); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { workspaces } = JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
    if (Array.isArray(workspaces) && workspaces.includes('cms')) return dir;
  }
  throw new ConfigError(`Cannot find the Cổng repository above ${from}: run Cổng from its repository.`);
}

/** The env files a process reads, highest priority first (see the module comment). */
export function envFilePaths(rootDir: string, raw: RawEnv = process.env): string[] {
  const named = raw[ENV_FILE_VARIABLE];
  if (named) return [path.resolve(rootDir, named)];
  return [path.join(rootDir, '.env'), path.join(rootDir, 'cms', '.env')];
}

/** The variables of one env file (`KEY=value` lines, as Node's --env-file reads them); null when it does not exist. */
export function readEnvFile(file: string): Record<string, string> | null {
  if (!existsSync(file)) return null;
  try {
    return parseDotEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new ConfigError(`Cannot read ${file} (${(error as Error).message}): fix the file's lines (KEY=value) or its permissions.`);
  }
}

/** Files read by this process, by the variables they set (for messages). */
const origins = new Map<string, string>();
const loaded = new Map<string, LoadedEnv>();

/** Set in the environment once a process has read the env files: its children do not redo the merge. */
const LOADED_MARK = 'CONG_ENV_LOADED';

export interface LoadedEnv {
  /** The files that exist and were read, highest priority first. */
  files: string[];
  /** Variables taken from a file (not set in the real environment). */
  fromFiles: string[];
}

/**
 * Reads the env files of the repository at `rootDir` into `env` (`process.env` by default): a
 * variable already set keeps its value. Once per process; later calls return the first result.
 * A file named by CONG_ENV_FILE that does not exist is an error.
 */
export function loadEnvFiles(rootDir: string, env: RawEnv = process.env): LoadedEnv {
  const files = envFilePaths(rootDir, env);
  const key = files.join('\n');
  const done = env === process.env ? loaded.get(key) : undefined;
  if (done) return done;
  const named = env[ENV_FILE_VARIABLE];
  const [primary = {}, legacy = {}] = files.map((file) => readEnvFile(file) ?? {});
  if (named && !existsSync(files[0]!)) {
    throw new ConfigError(`${ENV_FILE_VARIABLE} names ${files[0]}, which does not exist: create it, or unset ${ENV_FILE_VARIABLE} to use the root .env.`);
  }
  // Strapi's own CLI (`strapi start` run in cms/) loads cms/.env into the environment before the
  // CMS's configuration runs: there, a value equal to cms/.env's is that file's, and the root .env
  // wins over it. A process started by one that already merged the files (npm start) keeps what
  // it was given.
  const preloadedLegacy = env[LOADED_MARK] !== '1';
  const fromFiles: string[] = [];
  for (const name of new Set([...Object.keys(primary), ...Object.keys(legacy)])) {
    const current = env[name];
    const rootValue = primary[name];
    const legacyValue = legacy[name];
    if (current === undefined || (preloadedLegacy && current === legacyValue && rootValue !== undefined)) {
      const value = rootValue ?? legacyValue!;
      env[name] = value;
      origins.set(name, rootValue !== undefined ? files[0]! : files[1]!);
      if (current === undefined || current !== value) fromFiles.push(name);
    } else if (current === rootValue) {
      origins.set(name, files[0]!);
    } else if (current === legacyValue) {
      origins.set(name, files[1]!);
    }
  }
  env[LOADED_MARK] = '1';
  const result = { files: files.filter((file) => existsSync(file)), fromFiles };
  if (env === process.env) loaded.set(key, result);
  return result;
}

/** Forgets what loadEnvFiles() read (tests). */
export function resetLoadedEnv(): void {
  origins.clear();
  loaded.clear();
}

/** Where a variable's value came from, for messages: "in /srv/cong/.env", or "" for the real environment. */
function originOf(name: string): string {
  const file = origins.get(name);
  return file ? ` (as set in ${file})` : '';
}

const SECRET_LIKE = /SECRET|TOKEN|PASSWORD|KEY|SALT|DATABASE_URL|REDIS_URL/;

/** Turns zod issues into one message that names each variable, where it was set, and what to do. */
export function describeIssues(error: z.ZodError, what: string, raw: RawEnv = {}): string {
  const lines = error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const value = raw[name];
    const shown = value !== undefined && !SECRET_LIKE.test(name) ? ` (got "${value}")` : '';
    const message = issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
    return `- ${message}${shown}${originOf(name)}`;
  });
  return `Invalid ${what} (set these in the root .env or the process environment):\n${lines.join('\n')}`;
}

/**
 * Checks `raw` with `schema`; empty values count as unset (a `KEY=` line in .env must not
 * override a default). Throws one ConfigError listing every wrong variable.
 */
export function parseEnv<S extends z.ZodType>(schema: S, raw: RawEnv, what: string): z.output<S> {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(describeIssues(result.error, what, cleaned));
  return result.data;
}

/** A TCP port variable. */
export const portVar = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`)
    .default(fallback);

/** A whole number of `unit` (milliseconds, requests, bytes…) of at least `min`. */
export const wholeVar = (name: string, min: number, fallback: number, unit: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number of ${unit}` })
    .int(`${name} must be a whole number of ${unit}`)
    .min(min, min === 0 ? `${name} cannot be negative` : `${name} must be at least ${min} ${unit}`)
    .default(fallback);

/** A yes/no variable: true, 1, yes or false, 0, no; `fallback` when unset. */
export const flagVar = (name: string, fallback = false) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: `${name} must be true or false` })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

/** The address a process on this machine reaches a server listening on `host` at: 0.0.0.0 and :: are reached on loopback. */
export function reachableUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

const CmsAddressSchema = z.object({
  CMS_URL: z.url('CMS_URL must be the URL of Strapi, e.g. http://127.0.0.1:1337').optional(),
  CMS_HOST: z.string().default('127.0.0.1'),
  CMS_PORT: portVar('CMS_PORT', 1337),
});

/**
 * Where the other processes reach the CMS: CMS_URL, else where it listens (CMS_HOST, CMS_PORT),
 * so `CMS_PORT=8080` in `.env` moves the CMS and everything that calls it.
 */
export function cmsUrlOf(raw: RawEnv): string {
  const env = parseEnv(CmsAddressSchema, { CMS_URL: raw.CMS_URL, CMS_HOST: raw.CMS_HOST, CMS_PORT: raw.CMS_PORT }, 'CMS address');
  return (env.CMS_URL ?? reachableUrl(env.CMS_HOST, env.CMS_PORT)).replace(/\/+$/, '');
}

/** The CMS's data folder (CMS_DATA_DIR, relative to the repository root, else cms/data). */
export function cmsDataDirOf(raw: RawEnv, rootDir: string): string {
  return path.resolve(rootDir, raw.CMS_DATA_DIR || path.join('cms', 'data'));
}

/** Strapi's secrets: generated into `<CMS_DATA_DIR>/secrets.json` for a local run, required in production. */
export const STRAPI_SECRET_NAMES = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'] as const;

/** Secrets shared by the CMS, the publisher and the public server, generated into the data folder for a local run. */
export const SHARED_SECRET_FILES = { WEBHOOK_SECRET: 'webhook-secret', PREVIEW_SECRET: 'preview-secret' } as const;

/** Every secret a production start needs, with no default. */
export const PRODUCTION_SECRET_NAMES = [...STRAPI_SECRET_NAMES, ...(Object.keys(SHARED_SECRET_FILES) as Array<keyof typeof SHARED_SECRET_FILES>)] as const;

/**
 * An example value, not a secret: Strapi's scaffold (`toBeModified`), "changeme" and the like, or
 * one character repeated (`xxxxxxxxxxxxxxxx`).
 */
export function isPlaceholderSecret(value: string): boolean {
  return value.split(',').some((part) => {
    const v = part.trim().toLowerCase();
    return /^(tobemodified|changeme|change-me|change_me|secret|password|example|default|test|demo)\d*$/.test(v) || /^(.)\1*$/.test(v);
  });
}

/** The secrets a local (demo) run generated into the data folder, by variable. */
export function generatedSecrets(dataDir: string): Partial<Record<(typeof PRODUCTION_SECRET_NAMES)[number], string>> {
  const found: Partial<Record<(typeof PRODUCTION_SECRET_NAMES)[number], string>> = {};
  const secretsFile = path.join(dataDir, 'secrets.json');
  if (existsSync(secretsFile)) {
    try {
      Object.assign(found, JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>);
    } catch {
      // unreadable: the CMS reports it itself
    }
  }
  for (const [name, file] of Object.entries(SHARED_SECRET_FILES)) {
    const full = path.join(dataDir, file);
    if (existsSync(full)) found[name as keyof typeof SHARED_SECRET_FILES] = readFileSync(full, 'utf8').trim();
  }
  return found;
}

/**
 * Why a production start must not go on, one line per secret: missing, an example value, or the
 * very value a local demo run generated into the data folder. Empty when every secret is its own.
 * `names`: the secrets the process at hand uses (the publisher and the public server run alone too).
 */
export function productionSecretProblems(raw: RawEnv, dataDir: string, names: ReadonlyArray<(typeof PRODUCTION_SECRET_NAMES)[number]> = PRODUCTION_SECRET_NAMES): string[] {
  const demo = generatedSecrets(dataDir);
  const problems: string[] = [];
  for (const name of names) {
    const value = raw[name];
    const fix = 'generate one with `openssl rand -base64 32`';
    if (!value) problems.push(`${name} is not set: ${fix}${name in SHARED_SECRET_FILES ? ' and give the same value to the CMS, the publisher and the public server' : ''}`);
    else if (isPlaceholderSecret(value)) problems.push(`${name} is an example value, not a secret: ${fix}`);
    else if (demo[name] && demo[name] === value) problems.push(`${name} is the demo secret generated into ${dataDir}: ${fix}`);
  }
  return problems;
}
