/**
 * The portal registry (issue 14, shared contract): the CMS writes `<CMS data dir>/portals.json`
 * (with each portal's build-token file), the publisher copies it to `RELEASES_DIR/portals.json`
 * (without `tokenFile`), and the public server and `npm run nginx-config` read that copy. Ordered
 * by id: the primary portal (the install's first) comes first.
 *
 * Where a portal's releases live (`portalRoot`): the primary portal keeps RELEASES_DIR itself
 * (`releases/`, `current`, `cache/`, `queue.json` as before portals existed); every other portal
 * has the same layout under `RELEASES_DIR/portals/<code>/`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface PortalInfo {
  /** Mã cổng, e.g. "xa-tan-hoa": lower-case letters, digits and single dashes. */
  code: string;
  name: string;
  level: string;
  /** The parent portal's code, or null. */
  parent: string | null;
  /** Host names, the main one first. */
  domains: string[];
  enabled: boolean;
  /** The install's first portal (oldest id). */
  primary: boolean;
  /** The portal's read-only build token file, relative to the CMS data dir (not in the publisher's copy). */
  tokenFile?: string;
}

export interface PortalRegistry {
  portals: PortalInfo[];
}

export const PORTAL_REGISTRY_FILE = 'portals.json';
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/** A host name as matched: port stripped, brackets of an IPv6 address removed, lower-case, no trailing dot. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) h = h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']'));
  else if (h.split(':').length === 2) h = h.slice(0, h.indexOf(':'));
  return h.replace(/\.$/, '');
}

/** Checks a parsed registry, naming the file, the entry and the field that is wrong. */
function validRegistry(value: unknown, file: string): PortalRegistry {
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}. The CMS (and the publisher's copy) rewrite this file: restart them, or fix the entry`);
  };
  if (!value || typeof value !== 'object' || !Array.isArray((value as PortalRegistry).portals)) fail('expected { "portals": [...] }');
  const seen = new Set<string>();
  const portals = (value as PortalRegistry).portals.map((p, i) => {
    const where = `portals[${i}]`;
    if (!p || typeof p !== 'object') return fail(`${where} is not an object`);
    if (typeof p.code !== 'string' || !CODE.test(p.code)) fail(`${where}.code must be a portal code such as "xa-tan-hoa" (got ${JSON.stringify(p.code)})`);
    if (seen.has(p.code)) fail(`${where}.code "${p.code}" appears twice`);
    seen.add(p.code);
    if (!Array.isArray(p.domains) || p.domains.some((d) => typeof d !== 'string')) fail(`${where}.domains (portal ${p.code}) must be a list of host names`);
    const domains = p.domains.map(normalizeHost).filter(Boolean);
    const bad = domains.find((d) => !HOST.test(d));
    if (bad !== undefined) fail(`${where}.domains (portal ${p.code}) has "${bad}", which is not a host name`);
    return {
      code: p.code,
      name: typeof p.name === 'string' ? p.name : p.code,
      level: typeof p.level === 'string' ? p.level : '',
      parent: typeof p.parent === 'string' ? p.parent : null,
      domains,
      enabled: p.enabled !== false,
      primary: p.primary === true,
      ...(typeof p.tokenFile === 'string' ? { tokenFile: p.tokenFile } : {}),
    } satisfies PortalInfo;
  });
  // The contract puts the primary first; a file without a flag names the first entry.
  if (portals.length > 0 && !portals.some((p) => p.primary)) portals[0]!.primary = true;
  return { portals };
}

/** The registry in `dir` (the CMS data dir, or RELEASES_DIR for the publisher's copy), or null when there is none. */
export function readPortalRegistry(dir: string): PortalRegistry | null {
  const file = path.join(dir, PORTAL_REGISTRY_FILE);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}). The CMS (and the publisher's copy) rewrite this file: restart them`);
  }
  return validRegistry(parsed, file);
}

/** Writes the registry into `dir` whole (a temporary file renamed into place: readers never see half of it). */
export function writePortalRegistry(dir: string, registry: PortalRegistry): void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, PORTAL_REGISTRY_FILE);
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, `${JSON.stringify(registry, null, 2)}\n`);
  renameSync(draft, file);
}

/** The folder holding a portal's releases (`current`, `releases/`, `cache/`, `queue.json`). */
export function portalRoot(releasesDir: string, portal: Pick<PortalInfo, 'code' | 'primary'>): string {
  return portal.primary ? releasesDir : path.join(releasesDir, 'portals', portal.code);
}

/** Host names the primary portal answers besides its domains (plus SITE_URL's host, given by the caller). */
export const PRIMARY_LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/**
 * The enabled portal answering `host` (a Host header: the port and case do not matter), or null.
 * The primary portal also answers localhost, 127.0.0.1, ::1 and `primaryHosts` (SITE_URL's host).
 * A disabled portal answers nothing.
 */
export function portalForHost(portals: readonly PortalInfo[], host: string, primaryHosts: readonly string[] = []): PortalInfo | null {
  const name = normalizeHost(host);
  if (!name) return null;
  const enabled = portals.filter((p) => p.enabled);
  const byDomain = enabled.find((p) => p.domains.includes(name));
  if (byDomain) return byDomain;
  const primary = enabled.find((p) => p.primary);
  if (primary && (PRIMARY_LOCAL_HOSTS.includes(name) || primaryHosts.map(normalizeHost).includes(name))) return primary;
  return null;
}
