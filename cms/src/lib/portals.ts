/**
 * Which portal an entry belongs to when it is saved (issue 14). An entry created without one gets
 * a portal here, so no entry is ever without: its editor's first portal (an admin account that
 * belongs to portals, lib/portal-fence.ts), else the primary portal (the install's oldest).
 */
import type { Core } from '@strapi/strapi';
import { PORTAL_FIELD, portal } from '@cong/content-types';
import { userDefaultPortal } from './portal-fence';

type Data = Record<string, unknown>;

/** True when `data` names a portal in any of the shapes Strapi takes for a relation. */
export function namesPortal(data: Data): boolean {
  const value = data[PORTAL_FIELD];
  if (value === undefined || value === null) return false;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { connect, set } = value as { connect?: unknown[]; set?: unknown[] };
    if (Array.isArray(set)) return set.length > 0;
    if (Array.isArray(connect)) return connect.length > 0;
  }
  return true;
}

/** The documentId of the portal an entry created without one belongs to. */
export async function defaultPortal(strapi: Core.Strapi): Promise<string | null> {
  const first = (await strapi.db.query(portal.uid).findOne({ select: ['documentId'], orderBy: { id: 'asc' } })) as { documentId: string } | null;
  return first?.documentId ?? null;
}

/** Gives `data` (a create of an owned type) its default portal when it names none: the editor's first, else the primary. */
export async function withDefaultPortal(strapi: Core.Strapi, data: Data): Promise<Data> {
  if (namesPortal(data)) return data;
  const documentId = (await userDefaultPortal(strapi)) ?? (await defaultPortal(strapi));
  return documentId ? { ...data, [PORTAL_FIELD]: documentId } : data;
}
