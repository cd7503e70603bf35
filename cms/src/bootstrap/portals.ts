/**
 * Portals as data (issue 14). Every entry of every owned type belongs to exactly one portal.
 *
 * On every start (idempotent):
 * - an install without a portal gets its first one: from the settings it kept before portals
 *   existed ("Cấu hình cổng", the hidden legacy single type, copied whole: components, emblem,
 *   map picture), else a placeholder the operator or the demo seed fills in;
 * - every entry without a portal (an upgraded install: all of them) becomes the first portal's,
 *   written straight into the relation's link tables in batches (10,000 articles in seconds).
 *
 * The first portal (the oldest) is the install's primary one: its releases stay where a
 * one-portal install always had them, and an entry saved without a portal gets it unless its
 * editor belongs to another (cms/src/lib/portals.ts).
 */
import type { Core, UID } from '@strapi/strapi';
import { contentTypes, createSlug, PORTAL_FIELD, PORTAL_LEVELS, portal } from '@cong/content-types';

export const PORTAL_UID = portal.uid;
const LEGACY_SETTINGS_UID = 'api::site-setting.site-setting';

/** The name of a portal no one has named yet (a new install without demo content). */
export const PLACEHOLDER_PORTAL_NAME = 'Cổng thông tin điện tử';

type Row = Record<string, unknown> & { id: number; documentId: string };

/** An agency's name without the words every local committee's name starts with: "Ủy ban nhân dân xã Tân Hòa" → "xã Tân Hòa". */
function agencyShortName(name: string): string {
  return name.normalize('NFC').replace(/^\s*(ủy|uỷ) ban nhân dân\s+/i, '').replace(/^\s*UBND\s+/i, '').trim();
}

/**
 * A portal's code (Mã cổng) from its agency's name: "Ủy ban nhân dân xã Tân Hòa" → "xa-tan-hoa".
 * The words every agency shares are dropped, so codes stay short.
 */
export function portalCodeOf(name: string): string {
  return createSlug(agencyShortName(name)) || 'cong';
}

/**
 * The level a name suggests, by what the agency is once "Ủy ban nhân dân" is dropped ("tỉnh …",
 * "Sở …", "xã …"), else by the unit it names (a commune's name often names its province too),
 * else a commune's.
 */
export function portalLevelOf(name: string): (typeof PORTAL_LEVELS)[number] {
  const n = agencyShortName(name).toLowerCase();
  if (/^(sở|ban|văn phòng|thanh tra|chi cục|trung tâm)\s/.test(n)) return 'Sở, ban, ngành';
  if (/^(tỉnh|thành phố)\s/.test(n)) return 'Tỉnh, thành phố';
  if (/(^|\s)(xã|phường|đặc khu|thị trấn)\s/.test(n)) return 'Xã, phường, đặc khu';
  if (/(^|\s)(tỉnh|thành phố)\s/.test(n)) return 'Tỉnh, thành phố';
  return 'Xã, phường, đặc khu';
}

/** Component and media values of an entry, as a create accepts them (no ids of the source's rows). */
function copyable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyable);
  if (value && typeof value === 'object') {
    const row = value as Row & { mime?: string };
    if (typeof row.mime === 'string') return row.id; // a media file: link the same file
    return Object.fromEntries(Object.entries(row).filter(([k]) => !['id', 'documentId', '__component'].includes(k)).map(([k, v]) => [k, copyable(v)]));
  }
  return value;
}

/** The primary portal (the oldest), or null before the first start has made one. */
export async function primaryPortal(strapi: Core.Strapi): Promise<Row | null> {
  return (await strapi.db.query(PORTAL_UID).findOne({ orderBy: { id: 'asc' } })) as Row | null;
}

/** Makes the first portal when there is none: from the legacy settings, else a placeholder. Returns it. */
export async function ensureFirstPortal(strapi: Core.Strapi): Promise<Row> {
  const existing = await primaryPortal(strapi);
  if (existing) return existing;
  const legacy = (await strapi.documents(LEGACY_SETTINGS_UID as UID.ContentType).findFirst({ populate: '*' }).catch(() => null)) as Row | null;
  const settings: Record<string, unknown> = {};
  if (legacy) {
    for (const [name] of Object.entries(portal.attributes)) {
      if (name in legacy && !['slug', 'level', 'parent', 'domains', 'enabled'].includes(name)) settings[name] = copyable(legacy[name]);
    }
  }
  const agencyName = String(settings.agencyName ?? '') || PLACEHOLDER_PORTAL_NAME;
  const created = (await strapi.documents(PORTAL_UID).create({
    data: { ...settings, agencyName, slug: portalCodeOf(agencyName), level: portalLevelOf(agencyName), enabled: true } as never,
  })) as unknown as Row;
  strapi.log.info(legacy ? `[portals] the settings "${agencyName}" became the first portal (${created.slug as string})` : `[portals] made the first portal (${created.slug as string}); name it in the admin under "Cổng"`);
  return (await primaryPortal(strapi))!;
}

interface LinkTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

/**
 * Links every row of `uid` that has no portal to `portalId`, straight into the `portal` relation's
 * link table, 500 rows at a time (an upgrade of 10,000 articles takes seconds). Returns how many
 * rows (drafts and published versions count apart) it linked.
 */
export async function linkOrphansToPortal(strapi: Core.Strapi, uid: string, portalId: number): Promise<number> {
  const knex = strapi.db.connection;
  const meta = strapi.db.metadata.get(uid as UID.ContentType);
  const link = (meta.attributes[PORTAL_FIELD] as { joinTable?: LinkTable } | undefined)?.joinTable;
  if (!link) throw new Error(`${uid}.${PORTAL_FIELD} has no link table: cannot assign its entries to a portal`);
  const table = meta.tableName;
  let total = 0;
  for (;;) {
    const rows = (await knex(table)
      .select(`${table}.id`)
      .whereNotExists(knex(link.name).select(1).whereRaw('??.?? = ??.??', [link.name, link.joinColumn.name, table, 'id']))
      .orderBy(`${table}.id`)
      .limit(500)) as Array<{ id: number }>;
    if (rows.length === 0) return total;
    await knex(link.name).insert(
      rows.map((r) => ({
        [link.joinColumn.name]: r.id,
        [link.inverseJoinColumn.name]: portalId,
        ...(link.inverseOrderColumnName ? { [link.inverseOrderColumnName]: 1 } : {}),
      })),
    );
    total += rows.length;
  }
}

/** Gives every entry without a portal to `portalId`. Returns how many rows it assigned, by type. */
export async function assignOrphans(strapi: Core.Strapi, portalId: number): Promise<Record<string, number>> {
  const assigned: Record<string, number> = {};
  for (const type of contentTypes) {
    if (!(PORTAL_FIELD in type.attributes)) continue;
    const count = await linkOrphansToPortal(strapi, type.uid, portalId);
    if (count > 0) assigned[type.singularName] = count;
  }
  return assigned;
}

/** The start step: a first portal, and every entry owned. */
export async function ensurePortals(strapi: Core.Strapi): Promise<Row> {
  const first = await ensureFirstPortal(strapi);
  const assigned = await assignOrphans(strapi, first.id);
  const total = Object.values(assigned).reduce((a, b) => a + b, 0);
  if (total > 0) strapi.log.info(`[portals] ${total} entries without a portal now belong to "${String(first.agencyName)}" (${Object.entries(assigned).map(([t, n]) => `${t} ${n}`).join(', ')})`);
  // Media files belong to portals too (cms/src/extensions/upload).
  const files = await linkOrphansToPortal(strapi, 'plugin::upload.file', first.id);
  if (files > 0) strapi.log.info(`[portals] ${files} media files without a portal now belong to "${String(first.agencyName)}"`);
  return first;
}
