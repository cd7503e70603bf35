/**
 * The CMS's environment, parsed once at start with the shared helper (`@cong/content-types`,
 * env.ts): the root `.env` (and, for older installs, `cms/.env`) under the real environment.
 * Every problem is reported in English with the variable's name and what to do, before Strapi
 * opens a database or a port.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, STRAPI_SECRET_NAMES, findRepoRoot, flagVar, isPlaceholderSecret, loadEnvFiles, parseEnv, portVar } from '@cong/content-types';

export { ConfigError };

/** Secrets Strapi needs; generated for the local demo, required in production. */
export const SECRET_NAMES = STRAPI_SECRET_NAMES;
type SecretName = (typeof SECRET_NAMES)[number];

const HOW_TO_GENERATE = 'generate one with `openssl rand -base64 32`';

const port = portVar;

const secret = (name: SecretName) =>
  z
    .string()
    .min(16, `${name} is too short (at least 16 characters): ${HOW_TO_GENERATE}`)
    .optional();

/** `entry` as an origin (scheme://host[:port]) when it is exactly one, else null. */
function toOrigin(entry: string): string | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.origin === 'null' || entry.replace(/\/$/, '') !== url.origin) return null;
  return url.origin;
}

const EnvironmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], {
      error: 'NODE_ENV must be "development", "production" or "test"',
    }).default('development'),
    CMS_HOST: z.string().min(1).default('127.0.0.1'),
    CMS_PORT: port('CMS_PORT', 1337),
    CMS_PUBLIC_URL: z.url('CMS_PUBLIC_URL must be a full URL such as https://cms.example.gov.vn').optional(),
    CMS_DATA_DIR: z.string().min(1).optional(),
    /** Strapi's public folder (robots.txt, and uploads/ where the local upload provider writes); tests point it at their temp folder. */
    CMS_PUBLIC_DIR: z.string().min(1).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database')
      .optional(),
    DATABASE_SSL: flagVar('DATABASE_SSL'),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1, 'DATABASE_POOL_MAX must be at least 1').max(100).default(10),
    ADMIN_EMAIL: z.email('ADMIN_EMAIL must be an email address, e.g. admin@xa-an-binh.gov.vn').optional(),
    ADMIN_PASSWORD: z
      .string()
      .min(8, 'ADMIN_PASSWORD must have at least 8 characters')
      .regex(/[a-z]/, 'ADMIN_PASSWORD must contain a lowercase letter')
      .regex(/[A-Z]/, 'ADMIN_PASSWORD must contain an uppercase letter')
      .regex(/\d/, 'ADMIN_PASSWORD must contain a digit')
      .optional(),
    BUILD_TOKEN_FILE: z.string().min(1).optional(),
    COMMENT_TOKEN_FILE: z.string().min(1).optional(),
    QUESTION_TOKEN_FILE: z.string().min(1).optional(),
    PREVIEW_TOKEN_FILE: z.string().min(1).optional(),
    CORS_ORIGINS: z
      .string()
      .transform((value, ctx) => {
        const origins: string[] = [];
        for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
          const origin = toOrigin(entry);
          if (origin) origins.push(origin);
          else ctx.addIssue({ code: 'custom', message: `CORS_ORIGINS must be a comma-separated list of origins such as https://bientap.xatanhoa.gov.vn,https://cms.xatanhoa.gov.vn (http or https, host and optional port; no path, no *): "${entry}" is not one` });
        }
        return origins;
      })
      .optional(),
    SEED_DEMO_CONTENT: flagVar('SEED_DEMO_CONTENT'),
    /** With the demo content, the demo's other portals (a province and a second commune): on by default. */
    SEED_DEMO_PORTALS: flagVar('SEED_DEMO_PORTALS', true),
    CMS_STARTUP_MESSAGE: flagVar('CMS_STARTUP_MESSAGE', true),
    PUBLISHER_URL: z.url('PUBLISHER_URL must be the publisher\'s base URL, e.g. http://127.0.0.1:4400').optional(),
    WEBHOOK_SECRET: z.string().min(16, 'WEBHOOK_SECRET must have at least 16 characters: generate one with `openssl rand -hex 32`').optional(),
    CMS_LOG_LEVEL: z
      .enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'], { error: 'CMS_LOG_LEVEL must be one of error, warn, info, http, verbose, debug, silly' })
      .optional(),
    SCHEDULE_RULE: z
      .string()
      .regex(/^(\S+\s+){4,5}\S+$/, 'SCHEDULE_RULE must be a cron rule such as "0 * * * * *" (every minute)')
      .default('0 * * * * *'),
    PREVIEW_SECRET: z.string().min(16, 'PREVIEW_SECRET must have at least 16 characters: generate one with `openssl rand -hex 32` and give the same value to the public server').optional(),
    PREVIEW_URL: z.url('PREVIEW_URL must be the public site\'s base URL, e.g. https://xatanhoa.gov.vn').default('http://127.0.0.1:4321'),
    APP_KEYS: z
      .string()
      .regex(/^[^,\s]{16,}(,[^,\s]{16,})*$/, `APP_KEYS must be a comma-separated list of keys of at least 16 characters: ${HOW_TO_GENERATE} for each`)
      .optional(),
    API_TOKEN_SALT: secret('API_TOKEN_SALT'),
    ADMIN_JWT_SECRET: secret('ADMIN_JWT_SECRET'),
    TRANSFER_TOKEN_SALT: secret('TRANSFER_TOKEN_SALT'),
    JWT_SECRET: secret('JWT_SECRET'),
    ENCRYPTION_KEY: secret('ENCRYPTION_KEY'),
  })
  .superRefine((env, ctx) => {
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together: set both, or neither to have an admin generated',
      });
    }
    if (env.PUBLISHER_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['WEBHOOK_SECRET'],
        message: 'WEBHOOK_SECRET is required when PUBLISHER_URL is set (the publisher refuses webhooks without it)',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    if (env.SEED_DEMO_CONTENT) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SEED_DEMO_CONTENT'],
        message: 'SEED_DEMO_CONTENT must not be set when NODE_ENV=production: the demo portal is never added to a production database by itself (run `npm run seed` to add it on purpose)',
      });
    }
    for (const name of SECRET_NAMES) {
      const value = env[name];
      if (!value) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [name],
          message: `${name} is required when NODE_ENV=production (secrets are never defaulted there): ${HOW_TO_GENERATE}`,
        });
      } else if (isPlaceholderSecret(value)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [name],
          message: `${name} is an example value, not a secret (NODE_ENV=production): ${HOW_TO_GENERATE}`,
        });
      }
    }
  });

/** The parsed environment with the secrets resolved and the paths made absolute. */
export interface CmsEnvironment extends Omit<z.output<typeof EnvironmentSchema>, SecretName | 'CMS_DATA_DIR'> {
  /** Folder for the SQLite file, generated secrets and the build token (git-ignored). */
  dataDir: string;
  /** Where the read-only build token is handed to the site build. */
  buildTokenFile: string;
  commentTokenFile: string;
  /** Where the question token (create questions only) is handed to the public server. */
  questionTokenFile: string;
  /** Where the preview token (the only one that reads drafts) is handed to the public server. */
  previewTokenFile: string;
  /** Origins the CMS answers cross-origin requests from (with credentials): its own and CORS_ORIGINS. */
  corsOrigins: string[];
  secrets: Record<SecretName, string>;
}

type RawEnv = Record<string, string | undefined>;

/**
 * Parses and checks the environment; throws a ConfigError naming every wrong variable. A relative
 * CMS_DATA_DIR is resolved from the repository root (`rootDir`), as every other process does.
 */
export function parseEnvironment(raw: RawEnv, defaultDataDir: string, rootDir = path.resolve(defaultDataDir, '..', '..')): Omit<CmsEnvironment, 'secrets'> & Partial<Record<SecretName, string>> {
  const { CMS_DATA_DIR, ...rest } = parseEnv(EnvironmentSchema, raw, 'CMS environment');
  const dataDir = CMS_DATA_DIR ? path.resolve(rootDir, CMS_DATA_DIR) : path.resolve(defaultDataDir);
  return {
    ...rest,
    dataDir,
    buildTokenFile: path.resolve(rootDir, rest.BUILD_TOKEN_FILE ?? path.join(dataDir, 'build-token')),
    commentTokenFile: path.resolve(rootDir, rest.COMMENT_TOKEN_FILE ?? path.join(dataDir, 'comment-token')),
    questionTokenFile: path.resolve(rootDir, rest.QUESTION_TOKEN_FILE ?? path.join(dataDir, 'question-token')),
    previewTokenFile: path.resolve(rootDir, rest.PREVIEW_TOKEN_FILE ?? path.join(dataDir, 'preview-token')),
    corsOrigins: [...new Set([...adminOrigins(rest), ...(rest.CORS_ORIGINS ?? [])])],
  };
}

/**
 * Strapi's log level: CMS_LOG_LEVEL, else "info": what the CMS does, warnings and errors, but not
 * one line per request ("http": set CMS_LOG_LEVEL=http for those); "warn" inside the tests.
 */
export function strapiLogLevel(env: { CMS_LOG_LEVEL?: string; NODE_ENV: string }): string {
  return env.CMS_LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info');
}

/**
 * The admin's own origin: CMS_PUBLIC_URL's, or where the CMS listens (on this machine, as
 * 127.0.0.1 and as localhost). The admin calls its API from there; nothing else may, with
 * credentials, unless CORS_ORIGINS lists it.
 */
export function adminOrigins(env: { CMS_PUBLIC_URL?: string; CMS_HOST: string; CMS_PORT: number }): string[] {
  if (env.CMS_PUBLIC_URL) return [new URL(env.CMS_PUBLIC_URL).origin];
  const local = ['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1'].includes(env.CMS_HOST);
  const hosts = local ? ['127.0.0.1', 'localhost'] : [env.CMS_HOST.includes(':') ? `[${env.CMS_HOST}]` : env.CMS_HOST];
  return hosts.map((host) => new URL(`http://${host}:${env.CMS_PORT}`).origin);
}

/**
 * Secrets from the environment; for a local run, the missing ones are generated once into
 * `<dataDir>/secrets.json` (mode 600) and reused on every start.
 */
export function resolveSecrets(env: ReturnType<typeof parseEnvironment>): Record<SecretName, string> {
  const given = Object.fromEntries(SECRET_NAMES.filter((n) => env[n]).map((n) => [n, env[n] as string]));
  if (SECRET_NAMES.every((n) => given[n])) return given as Record<SecretName, string>;
  if (env.NODE_ENV === 'production') {
    throw new ConfigError('Secrets are required in production: see the messages for each variable.');
  }
  const file = path.join(env.dataDir, 'secrets.json');
  let stored: Partial<Record<SecretName, string>> = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<SecretName, string>>;
    } catch (error) {
      throw new ConfigError(`${file} is not valid JSON (${(error as Error).message}): fix it, or delete it to generate new local secrets.`);
    }
  }
  const make = () => randomBytes(24).toString('base64');
  let changed = false;
  for (const name of SECRET_NAMES) {
    if (!stored[name]) {
      stored[name] = name === 'APP_KEYS' ? [make(), make()].join(',') : make();
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(env.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { ...(stored as Record<SecretName, string>), ...given };
}

/** The cms/ folder, found from this file whether it runs from src/ (tests) or dist/src/ (Strapi). */
export function findCmsRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'cms') return dir;
  }
  throw new ConfigError(`Cannot find the cms/ folder above ${from}: run the CMS from the Cổng repository.`);
}

let cached: CmsEnvironment | undefined;

/** The CMS's environment, parsed on first use and then reused (config files call this). */
export function loadEnvironment(): CmsEnvironment {
  if (!cached) {
    const cmsRoot = findCmsRoot(__dirname);
    const rootDir = findRepoRoot(cmsRoot);
    // The root .env (and an older install's cms/.env), under the real environment: the same files every process reads.
    loadEnvFiles(rootDir);
    const parsed = parseEnvironment(process.env, path.join(cmsRoot, 'data'), rootDir);
    cached = { ...parsed, secrets: resolveSecrets(parsed) };
  }
  return cached;
}
