/**
 * The publisher's and public server's environment, parsed once with messages naming the variable.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const port = (name: string, fallback: number) =>
  z.coerce.number({ invalid_type_error: `${name} must be a port number` }).int().min(1, `${name} must be between 1 and 65535`).max(65535, `${name} must be between 1 and 65535`).default(fallback);
const ms = (name: string, fallback: number) => z.coerce.number({ invalid_type_error: `${name} must be a number of milliseconds` }).int().min(0, `${name} cannot be negative`).default(fallback);

const Schema = z.object({
  PUBLISHER_HOST: z.string().default('127.0.0.1'),
  PUBLISHER_PORT: port('PUBLISHER_PORT', 4400),
  WEBHOOK_SECRET: z.string().min(16, 'WEBHOOK_SECRET must have at least 16 characters: generate one with `openssl rand -hex 32`').optional(),
  STATUS_TOKEN: z.string().min(16, 'STATUS_TOKEN must have at least 16 characters').optional(),
  RELEASES_DIR: z.string().optional(),
  RELEASES_KEEP: z.coerce.number({ invalid_type_error: 'RELEASES_KEEP must be a whole number' }).int().min(1, 'RELEASES_KEEP must keep at least 1 release').default(5),
  BUILD_QUIET_MS: ms('BUILD_QUIET_MS', 750),
  BUILD_MAX_WAIT_MS: ms('BUILD_MAX_WAIT_MS', 30_000),
  RECONCILE_INTERVAL_MS: ms('RECONCILE_INTERVAL_MS', 60_000),
  SITE_HOST: z.string().default('127.0.0.1'),
  SITE_PORT: port('SITE_PORT', 4321),
});

export type PublisherEnvironment = z.output<typeof Schema> & { releasesDir: string; webhookSecret: string };

/** Parses the environment; the local webhook secret is generated once into `dataDir`. */
export function parsePublisherEnvironment(raw: Record<string, string | undefined>, rootDir: string, dataDir: string, production: boolean): PublisherEnvironment {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const result = Schema.safeParse(cleaned);
  if (!result.success) throw new Error(`Invalid publisher environment:\n${result.error.issues.map((i) => `- ${i.message}`).join('\n')}`);
  const env = result.data;
  let webhookSecret = env.WEBHOOK_SECRET;
  if (!webhookSecret) {
    if (production) throw new Error('WEBHOOK_SECRET is required when NODE_ENV=production: generate one with `openssl rand -hex 32` and give the same value to the CMS');
    const file = path.join(dataDir, 'webhook-secret');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    webhookSecret = readFileSync(file, 'utf8').trim();
  }
  return { ...env, releasesDir: path.resolve(rootDir, env.RELEASES_DIR ?? 'releases'), webhookSecret };
}
