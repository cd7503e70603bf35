/**
 * The portal registry shared by the CMS, the publisher and the public server (issue 14).
 *
 * The CMS writes `<CMS data dir>/portals.json` at every start and whenever a portal is created,
 * updated or deleted: every portal, ordered by id (the primary portal first), with the file (relative
 * to the data dir) holding its fenced read-only build token. The publisher copies it (without
 * `tokenFile`) to `RELEASES_DIR/portals.json` for the public server and `npm run nginx-config`.
 *
 * Where a portal's releases live: the primary portal keeps `RELEASES_DIR` itself (as a one-portal
 * install always did); every other portal uses `RELEASES_DIR/portals/<code>/` with the same layout.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface PortalInfo {
  /** The portal's code ("Mã cổng", its slug), e.g. `xa-tan-hoa`. */
  code: string;
  /** The agency's name, e.g. "Ủy ban nhân dân xã Tân Hòa". */
  name: string;
  /** One of PORTAL_LEVELS. */
  level: string;
  /** The parent portal's code, or null. */
  parent: string | null;
  /** Host names, lower-case, the first the main one. */
  domains: string[];
  enabled: boolean;
  /** The install's first portal (oldest id): it keeps RELEASES_DIR itself and answers localhost. */
  primary: boolean;
  /** The file, relative to the CMS data dir, holding the portal's read-only build token (CMS registry only). */
  tokenFile?: string;
}

export interface PortalRegistry {
  portals: PortalInfo[];
}

/** The registry's file name, in the CMS data dir and in RELEASES_DIR. */
export const PORTAL_REGISTRY_FILE = 'portals.json';

/** The folder (relative to the CMS data dir) of the per-portal build token files. */
export const PORTAL_TOKENS_DIR = 'portal-tokens';

/** The token file of a portal, relative to the CMS data dir. */
export function portalTokenFile(code: string): string {
  return `${PORTAL_TOKENS_DIR}/${code}`;
}

/** A domains field (one host name per line, commas and spaces tolerated) as clean lower-case host names. */
export function parseDomains(text: string | null | undefined): string[] {
  if (!text) return [];
  const hosts = text
    .split(/[\s,;]+/)
    .map((line) => normaliseHost(line.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '')))
    .filter((host) => host !== '');
  return [...new Set(hosts)];
}

/** A Host header or host name as compared: port stripped, lower-case, no trailing dot, IPv6 without brackets (also `normalizeHost`). */
export function normaliseHost(host: string | null | undefined): string {
  let value = (host ?? '').trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    value = end === -1 ? value.slice(1) : value.slice(1, end);
  } else if ((value.match(/:/g) ?? []).length === 1) {
    value = value.slice(0, value.indexOf(':'));
  }
  return value.replace(/\.+$/, '');
}

/** Host names the primary portal answers besides its domains. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'] as const;
export const PRIMARY_LOCAL_HOSTS: readonly string[] = LOOPBACK_HOSTS;
export const normalizeHost = (host: string): string => normaliseHost(host);

/**
 * The enabled portal serving `host` (a Host header: port and case do not matter): the first whose
 * domains include it; else the primary portal for a loopback name or `primary` (SITE_URL, whose host
 * it answers, or a list of host names); else null. A disabled portal answers nothing.
 */
export function portalForHost(portals: readonly PortalInfo[], host: string | null | undefined, primary?: string | readonly string[]): PortalInfo | null {
  const name = normaliseHost(host);
  if (!name) return null;
  const enabled = portals.filter((p) => p.enabled);
  const byDomain = enabled.find((p) => p.domains.some((d) => normaliseHost(d) === name));
  if (byDomain) return byDomain;
  const first = enabled.find((p) => p.primary);
  if (!first) return null;
  const primaryHosts = typeof primary === 'string' ? [hostOfUrl(primary)] : (primary ?? []).map((h) => normaliseHost(h));
  if ((LOOPBACK_HOSTS as readonly string[]).includes(name) || primaryHosts.includes(name)) return first;
  return null;
}

function hostOfUrl(url: string): string | null {
  try {
    return normaliseHost(new URL(url).host);
  } catch {
    return null;
  }
}

/**
 * The public URL (with a trailing slash) of the first of `domains`, a portal's host names:
 * `<SITE_URL's scheme>://<first domain>[:<SITE_URL's port>]/`, so one install's portals share a
 * scheme and, on a demo machine, a port; null when there is no domain.
 */
export function domainUrl(domains: readonly string[], siteUrl: string): string | null {
  const [first] = domains;
  if (!first) return null;
  const site = new URL(siteUrl);
  const host = first.includes(':') ? `[${first}]` : first;
  return `${site.protocol}//${host}${site.port ? `:${site.port}` : ''}/`;
}

/** A portal's public URL: SITE_URL for the primary portal (or one with no domain), else its `domainUrl`. */
export function portalUrl(portal: Pick<PortalInfo, 'primary' | 'domains'>, siteUrl: string): string {
  return (portal.primary ? null : domainUrl(portal.domains, siteUrl)) ?? new URL(siteUrl).href;
}

/** Whether some portal (enabled or not) names `code` as its parent: only such a portal shows "Tin từ cơ sở". */
export function hasChildPortals(portals: readonly Pick<PortalInfo, 'parent'>[], code: string): boolean {
  return portals.some((p) => p.parent === code);
}

/** Where a portal's releases live: RELEASES_DIR for the primary portal, `RELEASES_DIR/portals/<code>` otherwise. */
export function portalRoot(releasesDir: string, portal: Pick<PortalInfo, 'code' | 'primary'>): string {
  return portal.primary ? releasesDir : path.join(releasesDir, 'portals', portal.code);
}

/** A host name as a registry may list it (an IPv4/IPv6 literal passes as well). */
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|[0-9a-f:.]+)$/;

/** Checks one registry entry's shape; throws naming the entry and field. */
function checkPortal(value: unknown, index: number, file: string): PortalInfo {
  const where = `${file}: portals[${index}]`;
  if (!value || typeof value !== 'object') throw new Error(`${where} is not an object: rewrite the file (the CMS rewrites it at start).`);
  const v = value as Record<string, unknown>;
  const text = (key: string): string => {
    if (typeof v[key] !== 'string' || v[key] === '') throw new Error(`${where}.${key} must be a non-empty string: rewrite the file (the CMS rewrites it at start).`);
    return v[key] as string;
  };
  const code = text('code');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(code)) throw new Error(`${where}.code "${code}" is not a portal code (lower-case letters, digits, hyphens).`);
  if (!Array.isArray(v.domains) || v.domains.some((d) => typeof d !== 'string')) throw new Error(`${where}.domains must be a list of host names.`);
  const badHost = (v.domains as string[]).map((d) => normaliseHost(d)).find((d) => d !== '' && !HOST_NAME.test(d));
  if (badHost !== undefined) throw new Error(`${where}.domains (portal ${code}) has "${badHost}", which is not a host name: fix the portal's Tên miền in the CMS.`);
  if (v.parent !== null && v.parent !== undefined && typeof v.parent !== 'string') throw new Error(`${where}.parent must be a portal code or null.`);
  if (v.tokenFile !== undefined && typeof v.tokenFile !== 'string') throw new Error(`${where}.tokenFile must be a path relative to the CMS data dir.`);
  return {
    code,
    name: text('name'),
    level: typeof v.level === 'string' ? v.level : '',
    parent: typeof v.parent === 'string' ? v.parent : null,
    domains: (v.domains as string[]).map((d) => normaliseHost(d)).filter(Boolean),
    enabled: v.enabled !== false,
    primary: v.primary === true,
    ...(typeof v.tokenFile === 'string' ? { tokenFile: v.tokenFile } : {}),
  };
}

/** Reads `<dir>/portals.json`; null when there is none. Throws naming the file and entry when it is malformed. */
export function readPortalRegistry(dir: string): PortalRegistry | null {
  const file = path.join(dir, PORTAL_REGISTRY_FILE);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}): delete it and restart the CMS, which rewrites it.`);
  }
  const list = (parsed as { portals?: unknown } | null)?.portals;
  if (!Array.isArray(list)) throw new Error(`${file} has no "portals" list: delete it and restart the CMS, which rewrites it.`);
  return { portals: list.map((entry, index) => checkPortal(entry, index, file)) };
}

/** Writes `<dir>/portals.json` atomically (a temp file renamed), mode 600 like everything in the data folders (the services run as one user). */
export function writePortalRegistry(dir: string, registry: PortalRegistry): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, PORTAL_REGISTRY_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(registry, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return file;
}
