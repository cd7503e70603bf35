/**
 * The upload plugin, extended (Strapi 5 extension): a media file belongs to a portal too, like
 * every entry (issue 14). The media library lists only the files of the editor's portals
 * (condition `api::portal-member` in bootstrap/editor-roles.ts); a new file gets its uploader's
 * first portal, files from before portals existed the primary portal (lib/portal-sync.ts).
 */
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { portal } from '@cong/content-types';
import { portalScopeOf, type AdminUser } from '../../lib/portal-fence';
import { translateUploadError } from '../../lib/upload-errors';

/** Refused to a fenced editor's bulk delete or move that touches what is not their portal's. */
export const MEDIA_NOT_YOURS = 'Thư viện ảnh: chỉ được xóa hoặc chuyển tệp của cổng mình; thư mục dùng chung chỉ quản trị các cổng được xóa hoặc chuyển';

interface BulkContext {
  state: { user?: AdminUser };
  request: { body?: { fileIds?: unknown[]; folderIds?: unknown[] } };
}

/**
 * The media library's bulk delete and move check only the right to update files, not each file:
 * a fenced editor may touch only their portals' files, and no folder (folders are shared by every
 * portal, and deleting one deletes the files in it).
 */
async function assertBulkInScope(strapi: Core.Strapi, ctx: BulkContext): Promise<void> {
  const user = ctx.state.user;
  if (!user) return;
  const scope = await portalScopeOf(strapi, user);
  if (scope === 'all') return;
  const fileIds = (ctx.request.body?.fileIds ?? []).map(Number);
  const folderIds = ctx.request.body?.folderIds ?? [];
  if (folderIds.length > 0) throw new errors.ForbiddenError(MEDIA_NOT_YOURS);
  if (fileIds.length === 0) return;
  const inside = await strapi.db.query('plugin::upload.file').count({ where: { id: { $in: fileIds }, portal: { id: { $in: scope.length ? scope : [-1] } } } });
  if (inside !== new Set(fileIds).size) throw new errors.ForbiddenError(MEDIA_NOT_YOURS);
}

type Populate = string[] | Record<string, unknown> | undefined;

interface UploadService {
  findOne(id: unknown, populate?: Populate): Promise<unknown>;
}

type Action = (ctx: BulkContext) => Promise<unknown>;
type Controller = Record<string, Action>;

interface UploadPlugin {
  contentTypes: { file: { schema: { attributes: Record<string, unknown> } } };
  services: { upload: (deps: unknown) => UploadService };
  controllers: Record<string, Controller | ((deps: unknown) => Controller)>;
}

/** Every action of `controller` answers the upload plugin's English refusals in Vietnamese (lib/upload-errors.ts). */
function inVietnamese(controller: Controller): Controller {
  for (const [name, action] of Object.entries(controller)) {
    if (typeof action !== 'function') continue;
    const original = action.bind(controller);
    controller[name] = async (ctx) => {
      try {
        return await original(ctx);
      } catch (error) {
        const strapi = (globalThis as unknown as { strapi: Core.Strapi }).strapi;
        throw translateUploadError(error, (strapi.config.get('plugin::upload') as { sizeLimit?: number }).sizeLimit);
      }
    };
  }
  return controller;
}

/** `populate` with the file's portal added. */
export function withPortal(populate: Populate): Populate {
  if (Array.isArray(populate)) return populate.includes('portal') ? populate : [...populate, 'portal'];
  if (populate && typeof populate === 'object') return 'portal' in populate ? populate : { ...populate, portal: true };
  return ['portal'];
}

export default (plugin: UploadPlugin): UploadPlugin => {
  plugin.contentTypes.file.schema.attributes.portal = {
    type: 'relation',
    relation: 'manyToOne',
    target: portal.uid,
    configurable: false,
  };
  // Strapi checks the conditions of a single file (read, update, delete, replace) on the file as
  // its upload service loads it, with `createdBy` and `folder` only: without its portal, an editor
  // would be refused their own portal's files.
  const factory = plugin.services.upload;
  plugin.services.upload = (deps: unknown) => {
    const service = factory(deps);
    const findOne = service.findOne.bind(service);
    service.findOne = (id, populate) => findOne(id, withPortal(populate));
    return service;
  };
  // Editors upload through the admin (admin-upload) and, with a token, the API (content-api).
  for (const [name, controller] of Object.entries(plugin.controllers)) {
    plugin.controllers[name] = typeof controller === 'function' ? (deps: unknown) => inVietnamese(controller(deps)) : inVietnamese(controller);
  }
  const bulk = plugin.controllers['admin-folder-file'] as Controller | undefined;
  if (!bulk?.deleteMany || !bulk.moveMany) throw new Error('The upload plugin has no bulk delete/move controller: check cms/src/extensions/upload after a Strapi upgrade');
  for (const action of ['deleteMany', 'moveMany'] as const) {
    const original = bulk[action]!.bind(bulk);
    bulk[action] = async (ctx) => {
      await assertBulkInScope((globalThis as unknown as { strapi: Core.Strapi }).strapi, ctx);
      return original(ctx);
    };
  }
  return plugin;
};
