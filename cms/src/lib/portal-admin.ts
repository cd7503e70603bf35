/**
 * The operator's portal commands (`npm run portal -- add|list|disable|enable`, scripts/portal.ts),
 * over the Document Service so that everything a portal entry's save sets off runs as in the admin
 * (its members' role, its build token, the registry the publisher and public server read).
 * Input problems are thrown as PortalInputError naming the option and what to do.
 */
import type { Core } from '@strapi/strapi';
import { parseDomains, PORTAL_LEVELS, SLUG_PATTERN, type PortalInfo } from '@cong/content-types';
import { portalCodeOf, PORTAL_UID } from '../bootstrap/portals';
import { portalRole } from './portal-fence';

export class PortalInputError extends Error {}

/** What `--level` accepts: the model's values or a short word. */
const LEVEL_ALIASES: Record<string, (typeof PORTAL_LEVELS)[number]> = {
  tinh: 'Tỉnh, thành phố',
  province: 'Tỉnh, thành phố',
  so: 'Sở, ban, ngành',
  'so-nganh': 'Sở, ban, ngành',
  department: 'Sở, ban, ngành',
  xa: 'Xã, phường, đặc khu',
  phuong: 'Xã, phường, đặc khu',
  'xa-phuong': 'Xã, phường, đặc khu',
  commune: 'Xã, phường, đặc khu',
};

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export interface PortalInput {
  name: string;
  domains: string[];
  parent?: string;
  level?: string;
  code?: string;
}

/** A portal as the commands show it: its registry entry (PortalInfo) with its id, without what the registry adds. */
export type PortalSummary = Omit<PortalInfo, 'primary' | 'tokenFile'> & { id: number };

type PortalRow = { id: number; documentId: string; slug: string; agencyName: string; level: string; domains: string | null; enabled: boolean | null; parent?: { slug: string } | null };

const summary = (row: PortalRow): PortalSummary => ({
  id: row.id,
  code: row.slug,
  name: row.agencyName,
  level: row.level,
  parent: row.parent?.slug ?? null,
  domains: parseDomains(row.domains),
  enabled: row.enabled !== false,
});

/** Every portal, oldest (the primary) first. */
export async function listPortals(strapi: Core.Strapi): Promise<PortalSummary[]> {
  const rows = (await strapi.db.query(PORTAL_UID).findMany({ orderBy: { id: 'asc' }, populate: { parent: { select: ['slug'] } } })) as PortalRow[];
  return rows.map(summary);
}

/** The level `--level` names (or the model's own value); throws naming the option. */
export function parseLevel(value: string | undefined): (typeof PORTAL_LEVELS)[number] | undefined {
  if (value === undefined) return undefined;
  const known = (PORTAL_LEVELS as readonly string[]).includes(value) ? (value as (typeof PORTAL_LEVELS)[number]) : LEVEL_ALIASES[value.toLowerCase()];
  if (!known) throw new PortalInputError(`--level must be one of tinh, so-nganh, xa-phuong (or "${PORTAL_LEVELS.join('", "')}"); got "${value}"`);
  return known;
}

/** Adds a portal; returns it. */
export async function addPortal(strapi: Core.Strapi, input: PortalInput): Promise<PortalSummary> {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new PortalInputError('--name is required: the agency\'s name, e.g. --name "Ủy ban nhân dân xã Tân Hòa"');
  if (name.length > 160) throw new PortalInputError(`--name must be at most 160 characters (got ${name.length})`);
  const domains = input.domains.map((d) => d.trim().toLowerCase()).filter(Boolean);
  if (domains.length === 0) throw new PortalInputError('--domain is required: the host name readers use, e.g. --domain tanhoa.lamgiang.gov.vn (repeat it for more names)');
  for (const domain of domains) {
    if (!HOST.test(domain) || !domain.includes('.')) throw new PortalInputError(`--domain "${domain}" is not a host name such as tanhoa.lamgiang.gov.vn (letters, digits, hyphens and dots; no scheme, port or path)`);
  }
  const code = input.code ?? portalCodeOf(name);
  if (!SLUG_PATTERN.test(code)) throw new PortalInputError(`--code "${code}" must be lower-case letters, digits and single hyphens, e.g. tan-hoa`);
  const existing = await listPortals(strapi);
  if (existing.some((p) => p.code === code)) throw new PortalInputError(`a portal with the code "${code}" exists already: choose another with --code`);
  for (const domain of domains) {
    const owner = existing.find((p) => p.domains.includes(domain));
    if (owner) throw new PortalInputError(`--domain ${domain} is the portal "${owner.code}"'s already: a host name serves one portal`);
  }
  let parentId: string | undefined;
  if (input.parent) {
    const parent = (await strapi.db.query(PORTAL_UID).findOne({ where: { slug: input.parent }, select: ['documentId'] })) as { documentId: string } | null;
    if (!parent) throw new PortalInputError(`--parent "${input.parent}" is no portal's code: see \`npm run portal -- list\``);
    parentId = parent.documentId;
  }
  const level = parseLevel(input.level) ?? (parentId ? 'Xã, phường, đặc khu' : 'Tỉnh, thành phố');
  const created = (await strapi.documents(PORTAL_UID).create({
    data: { agencyName: name, slug: code, level, domains: domains.join('\n'), enabled: true, ...(parentId ? { parent: parentId } : {}) } as never,
  })) as unknown as { documentId: string };
  const row = (await strapi.db.query(PORTAL_UID).findOne({ where: { documentId: created.documentId }, populate: { parent: { select: ['slug'] } } })) as PortalRow;
  return summary(row);
}

/** What `npm run portal -- add` prints once the portal is saved: what it is, and what happens next. */
export function addedPortalReport(portal: PortalSummary): string {
  return [
    `added the portal "${portal.name}" (code ${portal.code}, ${portal.level}${portal.parent ? `, under ${portal.parent}` : ''}) for ${portal.domains.join(', ')}`,
    `next: a running publisher builds it at once (it watches the portal registry; one started later builds it at its start unless RECONCILE_INTERVAL_MS=0), and the public server serves it at ${portal.domains[0]} as soon as that first build is live`,
    `then give its editors the role "${portalRole(portal.code, portal.name).name}" with Tác giả or Biên tập viên in the admin (Settings → Users)`,
  ].join('\n');
}

/** Turns a portal off (never built, never served; its content kept) or on again. */
export async function setPortalEnabled(strapi: Core.Strapi, code: string, enabled: boolean): Promise<PortalSummary> {
  const portals = await listPortals(strapi);
  const portal = portals.find((p) => p.code === code);
  if (!portal) throw new PortalInputError(`--code "${code}" is no portal's code: see \`npm run portal -- list\``);
  if (!enabled && portal.id === portals[0]!.id) throw new PortalInputError(`"${code}" is the install's first portal, which cannot be disabled (it owns what is saved without a portal)`);
  const row = (await strapi.db.query(PORTAL_UID).findOne({ where: { id: portal.id }, select: ['documentId'] })) as { documentId: string };
  await strapi.documents(PORTAL_UID).update({ documentId: row.documentId, data: { enabled } as never });
  return { ...portal, enabled };
}
