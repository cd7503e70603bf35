/**
 * What the live release publishes, for the on-demand routes: they act only on articles the
 * release has a page for (no counters for made-up addresses).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when the release serving this request has the article `slug`. */
export function articleExists(slug: string): boolean {
  if (!SLUG.test(slug) || slug.length > 200) return false;
  const release = process.env.CONG_RELEASE_DIR;
  if (!release) return false;
  return existsSync(path.join(release, 'client', 'tin-tuc', slug, 'index.html'));
}

/** A whole number from the environment, or the default; a wrong value names the variable. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (got "${raw}")`);
  return value;
}
