/**
 * What the live release publishes, for the on-demand routes: they act only on articles (and sectors) the
 * release has a page for (no counters for made-up addresses).
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** The sectors the live release offers in its question form (pages/hoi-dap/linh-vuc.json.ts), read once per release. */
let sectors: { release: string; list: ReleaseSector[] } | null = null;

export interface ReleaseSector {
  slug: string;
  name: string;
  /** The sector's documentId in the CMS. */
  id: string;
}

/** The sectors offered by the release serving this request (none when it has no list). */
export function releaseSectors(): ReleaseSector[] {
  const release = process.env.CONG_RELEASE_DIR;
  if (!release) return [];
  if (sectors?.release !== release) {
    const file = path.join(release, 'client', 'hoi-dap', 'linh-vuc.json');
    sectors = { release, list: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReleaseSector[]) : [] };
  }
  return sectors.list;
}

/** The CMS documentId of the sector `slug` offered by the release serving this request, or null. */
export function sectorId(slug: string): string | null {
  if (!SLUG.test(slug) || slug.length > 200) return null;
  return releaseSectors().find((s) => s.slug === slug)?.id ?? null;
}
