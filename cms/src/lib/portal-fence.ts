/**
 * Editors and build tokens fenced to their portals (issue 14, item 2), with Strapi's own admin RBAC.
 *
 * - Each portal has an admin role `cong-portal-<code>` ("Cổng: <agency name>") with no permissions
 *   of its own: giving an account that role (Settings → Users) makes it a member of the portal.
 *   Members also hold "Tác giả" or "Biên tập viên", whose permissions carry the conditions below.
 * - Super Admins and the role `cong-all-portals` ("Quản trị các cổng") see every portal.
 * - An account in no portal role sees the install's only portal when there is one portal (a
 *   one-portal install needs no extra step), and nothing once there are several.
 * - Permission conditions (registered at bootstrap): `api::portal-member` narrows a content-manager
 *   action to the user's portals' entries (`portal.id`), `api::portal-member-creator` to the user's
 *   own entries in them (an author's update: conditions of one permission are OR-ed, so "creator"
 *   AND "member" must be one condition), `api::portal-self` to the user's portals themselves (the
 *   Cổng type). Media files carry a portal too (extensions/upload): `api::portal-member` fences them.
 * - A document middleware refuses a create into, or a move to, a portal not the user's, and
 *   narrows every content-API read with a portal's build token to that portal.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentTypes, PORTAL_FIELD, portal as portalType, type ContentType } from '@cong/content-types';

export const PORTAL_UID = portalType.uid;
export const FILE_UID = 'plugin::upload.file';
export const PORTAL_ROLE_PREFIX = 'cong-portal-';
export const SUPER_ADMIN_CODE = 'strapi-super-admin';
export const ALL_PORTALS_ROLE = {
  code: 'cong-all-portals',
  name: 'Quản trị các cổng',
  description: 'Thấy và quản lý nội dung của mọi cổng (ví dụ: trung tâm công nghệ thông tin của tỉnh); gán thêm vai trò Tác giả hoặc Biên tập viên.',
};

/** The message an editor sees when an entry is put into a portal not theirs. */
export const NOT_YOUR_PORTAL = 'Cổng: bạn không được giao cổng này';
/** Refused to an account given no portal while the install has several. */
export const NO_PORTAL_GIVEN = 'Cổng: tài khoản chưa được giao cổng nào, hãy nhờ quản trị gán vai trò “Cổng: …”';
/** The message when an update would leave an entry without a portal. */
export const PORTAL_REQUIRED = 'Cổng: mỗi mục phải thuộc một cổng';

/** The role of a portal's members. */
export function portalRole(code: string, agencyName: string): { code: string; name: string; description: string } {
  return {
    code: `${PORTAL_ROLE_PREFIX}${code}`,
    name: `Cổng: ${agencyName}`.slice(0, 255),
    description: `Thành viên cổng ${agencyName}: chỉ thấy và sửa nội dung của cổng này; gán thêm vai trò Tác giả hoặc Biên tập viên.`,
  };
}

/** The portals an account may work in: every one, or these ids. */
export type PortalScope = 'all' | number[];

export interface AdminUser {
  id: number;
  roles?: Array<{ code?: string | null }>;
}

const scopes = new WeakMap<object, Promise<PortalScope>>();

/** Role codes that see every portal. */
const ALL_CODES = new Set([SUPER_ADMIN_CODE, ALL_PORTALS_ROLE.code]);

async function computeScope(strapi: Core.Strapi, user: AdminUser): Promise<PortalScope> {
  let roles = user.roles;
  if (!roles) {
    const row = (await strapi.db.query('admin::user').findOne({ where: { id: user.id }, populate: ['roles'] })) as AdminUser | null;
    roles = row?.roles ?? [];
  }
  const codes = roles.map((r) => r.code ?? '');
  if (codes.some((c) => ALL_CODES.has(c))) return 'all';
  const portalCodes = codes.filter((c) => c.startsWith(PORTAL_ROLE_PREFIX)).map((c) => c.slice(PORTAL_ROLE_PREFIX.length));
  const query = strapi.db.query(PORTAL_UID);
  if (portalCodes.length === 0) {
    // A one-portal install: accounts need no portal role.
    const all = (await query.findMany({ select: ['id'], limit: 2 })) as Array<{ id: number }>;
    return all.length === 1 ? [all[0]!.id] : [];
  }
  const rows = (await query.findMany({ where: { slug: { $in: portalCodes } }, select: ['id'], orderBy: { id: 'asc' } })) as Array<{ id: number }>;
  return rows.map((r) => r.id);
}

/** The portals `user` may work in (computed once per user object, i.e. once per request). */
export function portalScopeOf(strapi: Core.Strapi, user: AdminUser): Promise<PortalScope> {
  let scope = scopes.get(user);
  if (!scope) {
    scope = computeScope(strapi, user);
    scopes.set(user, scope);
  }
  return scope;
}

/** The ids in `scope`, or none (an impossible id: the condition then matches nothing). */
const idsOf = (scope: number[]) => ({ $in: scope.length > 0 ? scope : [-1] });

export const PORTAL_CONDITIONS = {
  member: 'api::portal-member',
  memberCreator: 'api::portal-member-creator',
  self: 'api::portal-self',
} as const;

/** Registers the conditions with Strapi's condition provider; call from `bootstrap()` before permissions are assigned. */
export async function registerPortalConditions(strapi: Core.Strapi): Promise<void> {
  const provider = (strapi.service('admin::permission') as unknown as { conditionProvider: { register(c: unknown): Promise<unknown>; has(id: string): boolean } }).conditionProvider;
  const conditions = [
    {
      name: 'portal-member',
      displayName: 'Thuộc cổng của mình',
      category: 'Cổng',
      handler: async (user: AdminUser) => {
        const scope = await portalScopeOf(strapi, user);
        return scope === 'all' ? true : { 'portal.id': idsOf(scope) };
      },
    },
    {
      name: 'portal-member-creator',
      displayName: 'Do mình tạo, thuộc cổng của mình',
      category: 'Cổng',
      handler: async (user: AdminUser) => {
        const scope = await portalScopeOf(strapi, user);
        return scope === 'all' ? { 'createdBy.id': user.id } : { 'createdBy.id': user.id, 'portal.id': idsOf(scope) };
      },
    },
    {
      name: 'portal-self',
      displayName: 'Là cổng của mình',
      category: 'Cổng',
      handler: async (user: AdminUser) => {
        const scope = await portalScopeOf(strapi, user);
        return scope === 'all' ? true : { id: idsOf(scope) };
      },
    },
  ];
  for (const condition of conditions) {
    if (!provider.has(`api::${condition.name}`)) await provider.register(condition);
  }
}

/** Makes (or renames) one role per portal and the all-portals role; none has permissions of its own. */
export async function ensurePortalRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role') as unknown as {
    findOne(where: Record<string, unknown>): Promise<{ id: number; name: string; description: string } | null>;
    create(attributes: Record<string, unknown>): Promise<{ id: number }>;
    update(where: Record<string, unknown>, attributes: Record<string, unknown>): Promise<unknown>;
  };
  const portals = (await strapi.db.query(PORTAL_UID).findMany({ select: ['slug', 'agencyName'], orderBy: { id: 'asc' } })) as Array<{ slug: string; agencyName: string }>;
  for (const role of [ALL_PORTALS_ROLE, ...portals.filter((p) => p.slug).map((p) => portalRole(p.slug, p.agencyName))]) {
    const found = await roles.findOne({ code: role.code });
    if (!found) {
      // Role names are unique in Strapi: two portals of the same name get the code added.
      const clash = await strapi.db.query('admin::role').findOne({ where: { name: role.name } });
      await roles.create({ ...role, name: clash ? `${role.name} (${role.code})` : role.name });
    } else if (found.name !== role.name || found.description !== role.description) {
      const clash = await strapi.db.query('admin::role').findOne({ where: { name: role.name, id: { $ne: found.id } } });
      await roles.update({ id: found.id }, { name: clash ? `${role.name} (${role.code})` : role.name, description: role.description });
    }
  }
}

/** Removes the role of a deleted portal (kept, with a warning, while accounts still hold it). */
export async function removePortalRole(strapi: Core.Strapi, code: string): Promise<void> {
  const role = (await strapi.db.query('admin::role').findOne({ where: { code: `${PORTAL_ROLE_PREFIX}${code}` }, populate: ['users'] })) as { id: number; users?: unknown[] } | null;
  if (!role) return;
  if (role.users && role.users.length > 0) {
    strapi.log.warn(`[portals] the role of the deleted portal "${code}" is kept: ${role.users.length} account(s) still hold it; remove it from them in Settings → Users, then delete the role`);
    return;
  }
  await strapi.db.query('admin::role').delete({ where: { id: role.id } });
}

// ---------------------------------------------------------------------------------------------
// Who is asking: the admin user of the current request, or a portal's build token.

interface RequestState {
  user?: AdminUser;
  auth?: { strategy?: { name?: string }; credentials?: { id?: unknown; name?: unknown } };
}

function requestState(strapi: Core.Strapi): RequestState | null {
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
  return ctx?.state ?? null;
}

/** The admin user of the current request (the admin panel's session), or null. */
export function currentAdminUser(strapi: Core.Strapi): AdminUser | null {
  const state = requestState(strapi);
  if (!state?.user || state.auth?.strategy?.name !== 'admin') return null;
  return state.user;
}

/** Build tokens by id: the portal each one reads. Filled by the token bootstrap (build-token.ts). */
const tokenPortals = new Map<number, number>();

/** Records that the API token `tokenId` reads only the portal `portalId`. */
export function fenceToken(tokenId: number, portalId: number): void {
  tokenPortals.set(tokenId, portalId);
}

/** Forgets a token (its portal was deleted). */
export function unfenceToken(tokenId: number): void {
  tokenPortals.delete(tokenId);
}

const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

/** The name prefix of a non-primary portal's build token ("Cổng build: <code>", build-token.ts). */
const PORTAL_TOKEN_NAME_PREFIX = 'Cổng build: ';

/**
 * The portal the current request's API token is fenced to, or null (no token, or one not fenced).
 * A portal's token made by another process (`npm run portal -- add` boots its own CMS) is not in
 * this process's map: it is known by its name, and a portal token whose portal is gone reads
 * nothing (-1), never everything.
 */
export async function currentTokenPortal(strapi: Core.Strapi): Promise<number | null> {
  const auth = requestState(strapi)?.auth;
  if (!auth?.strategy?.name || !TOKEN_STRATEGIES.has(auth.strategy.name)) return null;
  const tokenId = Number(auth.credentials?.id);
  const known = tokenPortals.get(tokenId);
  if (known !== undefined) return known;
  const name = typeof auth.credentials?.name === 'string' ? auth.credentials.name : '';
  if (!name.startsWith(PORTAL_TOKEN_NAME_PREFIX)) return null;
  const portal = (await strapi.db.query(PORTAL_UID).findOne({ where: { slug: name.slice(PORTAL_TOKEN_NAME_PREFIX.length) }, select: ['id'] })) as { id: number } | null;
  if (!portal) return -1;
  tokenPortals.set(tokenId, portal.id);
  return portal.id;
}

// ---------------------------------------------------------------------------------------------
// Which portal a save names.

type Data = Record<string, unknown>;

/** The portal ids a relation value names (documentId, id, `{ connect }`, `{ set }`); null when it does not touch the relation. */
export async function portalIdsNamed(strapi: Core.Strapi, value: unknown): Promise<{ ids: number[]; cleared: boolean } | null> {
  if (value === undefined) return null;
  if (value === null) return { ids: [], cleared: true };
  let cleared = false;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as { connect?: unknown[]; set?: unknown[]; disconnect?: unknown[] };
    if (Array.isArray(v.set)) cleared = v.set.length === 0;
    else if (Array.isArray(v.connect) || Array.isArray(v.disconnect)) {
      if ((v.connect ?? []).length === 0) {
        if ((v.disconnect?.length ?? 0) === 0) return null;
        cleared = true;
      }
    }
  }
  const { ids, documentIds } = connectedRefs(value);
  if (documentIds.length > 0) {
    const rows = (await strapi.db.query(PORTAL_UID).findMany({ where: { documentId: { $in: documentIds } }, select: ['id'] })) as Array<{ id: number }>;
    ids.push(...rows.map((r) => r.id));
    if (rows.length < new Set(documentIds).size) ids.push(-1); // a portal that does not exist: never "yours"
  }
  return { ids, cleared };
}

/** The documentId of the first portal in an admin user's scope, or null (all portals, or none). */
export async function userDefaultPortal(strapi: Core.Strapi): Promise<string | null> {
  const user = currentAdminUser(strapi);
  if (!user) return null;
  const scope = await portalScopeOf(strapi, user);
  if (scope === 'all' || scope.length === 0) return null;
  const row = (await strapi.db.query(PORTAL_UID).findOne({ where: { id: scope[0] }, select: ['documentId'] })) as { documentId: string } | null;
  return row?.documentId ?? null;
}

function refuse(message: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: [PORTAL_FIELD], message, name: 'ValidationError' }] });
}

/** The message when a relation would link an entry of another portal (its field's label first). */
export const OTHER_PORTAL_ENTRY = 'mục được chọn thuộc cổng khác, bạn không được giao cổng đó';

/** The ids and documentIds a relation value connects (`{ connect }`, `{ set }`, an id, a documentId, a list). */
function connectedRefs(value: unknown): { ids: number[]; documentIds: string[] } {
  const ids: number[] = [];
  const documentIds: string[] = [];
  if (value === undefined || value === null) return { ids, documentIds };
  let refs: unknown[];
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as { connect?: unknown[]; set?: unknown[] };
    refs = Array.isArray(v.set) ? v.set : Array.isArray(v.connect) ? v.connect : [v];
  } else refs = Array.isArray(value) ? value : [value];
  for (const ref of refs) {
    const r = ref && typeof ref === 'object' ? (ref as { id?: unknown; documentId?: unknown }) : { [typeof ref === 'number' ? 'id' : 'documentId']: ref };
    if (typeof r.documentId === 'string') documentIds.push(r.documentId);
    else if (typeof r.id === 'number' || (typeof r.id === 'string' && /^\d+$/.test(r.id))) ids.push(Number(r.id));
    else if (typeof r.id === 'string') documentIds.push(r.id);
  }
  return { ids, documentIds };
}

/**
 * Refuses (naming the field) a create or update by an admin user that puts the entry into a portal
 * not theirs, or links it to an entry of a portal not theirs (a category of another commune: its
 * build token would then read it through the article).
 */
export async function assertPortalAllowed(strapi: Core.Strapi, type: ContentType, data: Data, action: 'create' | 'update'): Promise<void> {
  const user = currentAdminUser(strapi);
  if (!user) return;
  const scope = await portalScopeOf(strapi, user);
  if (scope === 'all') return;
  // An account given no portal, once there are several, creates nothing (it would land in the first portal).
  if (action === 'create' && scope.length === 0) refuse(NO_PORTAL_GIVEN);
  const named = await portalIdsNamed(strapi, data[PORTAL_FIELD]);
  if (named?.cleared && action === 'update') refuse(PORTAL_REQUIRED);
  if (named?.ids.some((id) => !scope.includes(id))) refuse(NOT_YOUR_PORTAL);
  for (const [name, field] of Object.entries(type.attributes)) {
    const target = field.strapi.target as string | undefined;
    if (name === PORTAL_FIELD || field.strapi.type !== 'relation' || !target || !ownedUids.has(target) || !(name in data)) continue;
    const { ids, documentIds } = connectedRefs(data[name]);
    if (ids.length === 0 && documentIds.length === 0) continue;
    const which = [...(ids.length ? [{ id: { $in: ids } }] : []), ...(documentIds.length ? [{ documentId: { $in: documentIds } }] : [])];
    const outside = await strapi.db.query(target as UID.ContentType).count({ where: { $and: [{ $or: which }, { [PORTAL_FIELD]: { id: { $notIn: scope.length ? scope : [-1] } } }] } });
    if (outside > 0) {
      const message = `${field.label}: ${OTHER_PORTAL_ENTRY}`;
      throw new errors.ValidationError(message, { errors: [{ path: [name], message, name: 'ValidationError' }] });
    }
  }
  await assertFilesInScope(strapi, type, data, scope);
}

/** The ids of the media files a media field's value names (an id, `{ id }`, or a list of them). */
function fileIdsOf(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.map((v) => (typeof v === 'object' && v !== null ? Number((v as { id?: unknown }).id) : Number(v))).filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * Refuses (naming the field) a save whose cover, attachments or emblem name a media file of a
 * portal not the editor's: the file would show on their portal and its token read it.
 */
async function assertFilesInScope(strapi: Core.Strapi, type: ContentType, data: Data, scope: number[]): Promise<void> {
  for (const [name, field] of Object.entries(type.attributes)) {
    if (field.strapi.type !== 'media' || !(name in data)) continue;
    const ids = [...new Set(fileIdsOf(data[name]))];
    if (ids.length === 0) continue;
    const inside = await strapi.db.query(FILE_UID).count({ where: { id: { $in: ids }, portal: { id: { $in: scope.length ? scope : [-1] } } } });
    if (inside < ids.length) {
      const message = `${field.label}: ${OTHER_PORTAL_FILE}`;
      throw new errors.ValidationError(message, { errors: [{ path: [name], message, name: 'ValidationError' }] });
    }
  }
}

/** The message when a media field names another portal's file (its field's label first). */
export const OTHER_PORTAL_FILE = 'tệp được chọn thuộc thư viện ảnh của cổng khác';

/** For the Cổng type itself (its emblem, its map picture): an editor uses only their portals' files. */
export async function assertPortalFilesAllowed(strapi: Core.Strapi, type: ContentType, data: Data): Promise<void> {
  const user = currentAdminUser(strapi);
  if (!user) return;
  const scope = await portalScopeOf(strapi, user);
  if (scope !== 'all') await assertFilesInScope(strapi, type, data, scope);
}

// ---------------------------------------------------------------------------------------------
// The document middleware.

const ownedUids = new Set<string>(contentTypes.filter((t) => PORTAL_FIELD in t.attributes).map((t) => t.uid));
const modelTypes = new Map<string, ContentType>(contentTypes.map((t) => [t.uid, t]));
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

function isCount(value: unknown): boolean {
  return !!value && typeof value === 'object' && (value as { count?: unknown }).count === true;
}

function andFilter(filters: unknown, extra: Record<string, unknown>): Record<string, unknown> {
  if (!filters || (typeof filters === 'object' && Object.keys(filters as object).length === 0)) return extra;
  return { $and: [filters, extra] };
}

/** Registers the fence on the Document Service; call from `register()` before the model's middleware. */
export function registerPortalFence(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const uid = context.uid as string;
    const owned = ownedUids.has(uid);
    if (!owned && uid !== PORTAL_UID) return next();
    const params = context.params as { data?: Data; documentId?: string; filters?: unknown; populate?: unknown };

    // The content manager answers a create, update or publish with the document populated "as
    // counts" for to-one relations (`portal: { count: 1 }`), then filters that answer through the
    // read permission, whose condition reads `portal.id`: with a count there, every field would be
    // stripped and the edit form emptied. Its single-entry read populates the condition's relation
    // in full; so do these.
    const populate = params.populate as Record<string, unknown> | undefined;
    if (owned && populate && typeof populate === 'object' && !Array.isArray(populate) && isCount(populate[PORTAL_FIELD]) && currentAdminUser(strapi)) {
      params.populate = { ...populate, [PORTAL_FIELD]: true };
    }

    // A portal's build token reads its portal only.
    if (READS.has(context.action)) {
      const portalId = await currentTokenPortal(strapi);
      if (portalId === null) return next();
      const fence = uid === PORTAL_UID ? { id: portalId } : { [PORTAL_FIELD]: { id: portalId } };
      if (context.action === 'findOne') {
        const result = await next();
        const documentId = (result as { documentId?: string } | null)?.documentId;
        if (!documentId) return result;
        const inside = await strapi.db.query(uid as UID.ContentType).count({ where: { documentId, ...fence } });
        return inside > 0 ? result : null;
      }
      params.filters = andFilter(params.filters, fence);
      return next();
    }

    // An editor saves only into their own portals.
    if (owned && (context.action === 'create' || context.action === 'update') && params.data) {
      await assertPortalAllowed(strapi, modelTypes.get(uid)!, params.data, context.action);
    }
    if (uid === PORTAL_UID && context.action === 'update' && params.data) await assertPortalFilesAllowed(strapi, modelTypes.get(uid)!, params.data);
    // A copy ("clone" in the content manager, which checks only the right to create) is a create:
    // of an entry in the editor's portals, into the editor's portals.
    if (owned && (context.action as string) === 'clone') {
      const user = currentAdminUser(strapi);
      const scope = user ? await portalScopeOf(strapi, user) : 'all';
      if (scope !== 'all') {
        const source = params.documentId ? await strapi.db.query(uid as UID.ContentType).count({ where: { documentId: params.documentId, [PORTAL_FIELD]: { id: { $in: scope.length ? scope : [-1] } } } }) : 0;
        if (source === 0) refuse(NOT_YOUR_PORTAL);
        await assertPortalAllowed(strapi, modelTypes.get(uid)!, params.data ?? {}, 'create');
      }
    }
    return next();
  });
}

