/**
 * Two admin roles for a two-person rule that the free edition lacks as a workflow:
 * "Tác giả" writes drafts and cannot publish; "Biên tập viên" reviews and publishes.
 * Permissions are reset to exactly these on every start (idempotent).
 *
 * Every action on content carries a portal condition (lib/portal-fence.ts): an account sees and
 * changes only its portals' entries, files and portal settings; "Quản trị các cổng" and Super
 * Admins see all. Nobody but a Super Admin creates or deletes portals.
 */
import type { Core } from '@strapi/strapi';
import { authoredTypes, components, contentTypes, PORTAL_FIELD, portal, type ContentType } from '@cong/content-types';
import { PORTAL_CONDITIONS } from '../lib/portal-fence';

/** Role codes, stable across renames in the admin. */
export const AUTHOR_ROLE = { code: 'cong-tac-gia', name: 'Tác giả', description: 'Viết và sửa bản nháp của mình; không đăng được bài.' };
export const EDITOR_ROLE = { code: 'cong-bien-tap-vien', name: 'Biên tập viên', description: 'Duyệt, sửa và đăng mọi nội dung; kiểm duyệt bình luận.' };

const CM = 'plugin::content-manager.explorer';

interface Permission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] };
  conditions?: string[];
}

/** Every field path of a type, components expanded (`mainMenu.label`). */
function fieldsOf(type: ContentType): string[] {
  return Object.entries(type.attributes).flatMap(([name, field]) => {
    if (field.strapi.type !== 'component') return [name];
    const component = components.find((c) => c.uid === field.strapi.component);
    return component ? Object.keys(component.attributes).map((sub) => `${name}.${sub}`) : [name];
  });
}

const AUTHOR_TYPES = new Set<string>(authoredTypes.map((t) => t.uid));

const MEMBER = [PORTAL_CONDITIONS.member];
const MEMBER_CREATOR = [PORTAL_CONDITIONS.memberCreator];
const SELF = [PORTAL_CONDITIONS.self];

/** Media files belong to portals too (extensions/upload): a member sees and uses their portals' files. */
function mediaPermissions(ownOnly: boolean): Permission[] {
  return [
    { action: 'plugin::upload.read', conditions: MEMBER },
    { action: 'plugin::upload.configure-view' },
    { action: 'plugin::upload.assets.create' },
    { action: 'plugin::upload.assets.update', conditions: ownOnly ? MEMBER_CREATOR : MEMBER },
    { action: 'plugin::upload.assets.download', conditions: MEMBER },
    { action: 'plugin::upload.assets.copy-link', conditions: MEMBER },
  ];
}

const owned = (type: ContentType) => PORTAL_FIELD in type.attributes;

/** The portal's fields only an operator changes: a Biên tập viên who set another portal's host name would take its readers. */
export const PORTAL_OPERATOR_FIELDS: readonly string[] = ['slug', 'domains', 'parent', 'level', 'enabled'];

/** What a "Tác giả" may do: create and edit own drafts, read their portals' entries; never publish or delete. */
export function authorPermissions(): Permission[] {
  const perms: Permission[] = [];
  for (const type of contentTypes) {
    const fields = fieldsOf(type);
    if (type.uid === portal.uid) {
      perms.push({ action: `${CM}.read`, subject: type.uid, properties: { fields }, conditions: SELF });
      continue;
    }
    perms.push({ action: `${CM}.read`, subject: type.uid, properties: { fields }, ...(owned(type) ? { conditions: MEMBER } : {}) });
    if (AUTHOR_TYPES.has(type.uid)) {
      perms.push({ action: `${CM}.create`, subject: type.uid, properties: { fields } });
      perms.push({ action: `${CM}.update`, subject: type.uid, properties: { fields }, conditions: owned(type) ? MEMBER_CREATOR : ['admin::is-creator'] });
    }
  }
  return [...perms, ...mediaPermissions(true)];
}

/** What a "Biên tập viên" may do: everything on their portals' content, publishing included; their portals' settings, read and update. */
export function editorPermissions(): Permission[] {
  const perms: Permission[] = [];
  for (const type of contentTypes) {
    const fields = fieldsOf(type);
    if (type.uid === portal.uid) {
      // The agency's settings, not what places the portal in the install (its code, host names,
      // parent, level, on/off): those are the operator's (`npm run portal`, a Super Admin).
      perms.push({ action: `${CM}.read`, subject: type.uid, properties: { fields }, conditions: SELF });
      perms.push({ action: `${CM}.update`, subject: type.uid, properties: { fields: fields.filter((f) => !PORTAL_OPERATOR_FIELDS.includes(f)) }, conditions: SELF });
      continue;
    }
    const conditions = owned(type) ? { conditions: MEMBER } : {};
    perms.push({ action: `${CM}.create`, subject: type.uid, properties: { fields } });
    for (const action of ['read', 'update']) perms.push({ action: `${CM}.${action}`, subject: type.uid, properties: { fields }, ...conditions });
    perms.push({ action: `${CM}.delete`, subject: type.uid, ...conditions });
    if (type.draftAndPublish) perms.push({ action: `${CM}.publish`, subject: type.uid, ...conditions });
  }
  return [...perms, ...mediaPermissions(false)];
}

interface RoleService {
  findOne(where: Record<string, unknown>): Promise<{ id: number } | null>;
  create(attributes: Record<string, unknown>): Promise<{ id: number }>;
  update(where: Record<string, unknown>, attributes: Record<string, unknown>): Promise<unknown>;
  assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
}

/** Creates or updates both roles and sets their permissions. */
export async function ensureEditorRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  for (const [role, permissions] of [
    [AUTHOR_ROLE, authorPermissions()],
    [EDITOR_ROLE, editorPermissions()],
  ] as const) {
    let found = await roles.findOne({ code: role.code });
    if (!found) found = await roles.create({ ...role });
    else await roles.update({ id: found.id }, { name: role.name, description: role.description });
    await roles.assignPermissions(found.id, permissions);
  }
}
