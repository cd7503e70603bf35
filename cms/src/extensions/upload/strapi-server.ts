/**
 * The upload plugin, extended (Strapi 5 extension): a media file belongs to a portal too, like
 * every entry (issue 14). The media library lists only the files of the editor's portals
 * (condition `api::portal-member` in bootstrap/editor-roles.ts); a new file gets its uploader's
 * first portal, files from before portals existed the primary portal (lib/portal-sync.ts).
 */
import { portal } from '@cong/content-types';

type Populate = string[] | Record<string, unknown> | undefined;

interface UploadService {
  findOne(id: unknown, populate?: Populate): Promise<unknown>;
}

interface UploadPlugin {
  contentTypes: { file: { schema: { attributes: Record<string, unknown> } } };
  services: { upload: (deps: unknown) => UploadService };
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
  return plugin;
};
