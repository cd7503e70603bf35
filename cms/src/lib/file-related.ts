/**
 * A media-library file's `related` relation (a morph relation to every entry that uses the file)
 * points at the draft rows of articles and announcements as well as the published ones, and
 * Strapi's content API populates it for anyone allowed to `find` files or the entries that show
 * them: `GET /api/upload/files?populate=*`, or
 * `/api/articles?populate[cover][populate][related][on][api::article.article][fields][0]=body`,
 * handed draft bodies to the build and comment tokens. published-only.ts guards only our own
 * types' routes and query keys; this removes `related` from every file in every content-API
 * answer, whatever the route and however the populate was written. Nothing outside the admin
 * needs it: the site reads a file's own fields (URL, size, formats, …), and the admin's media
 * library uses its own routes, which content-API sanitizers do not touch.
 */
import type { Core } from '@strapi/strapi';
import { traverseEntity } from '@strapi/utils';

export const FILE_UID = 'plugin::upload.file';
/** The file attributes no content-API answer may carry. */
export const HIDDEN_FILE_ATTRIBUTES = ['related'];

type Schema = Parameters<typeof traverseEntity>[1]['schema'];
type GetModel = (uid: string) => Schema;

/** Removes the hidden attributes from every file in `data`, at any depth (media fields, relations, components). */
export function hideFileRelations(getModel: GetModel) {
  return (schema: Schema) => async (data: unknown): Promise<unknown> => {
    if (data === null || typeof data !== 'object') return data;
    if (Array.isArray(data)) return Promise.all(data.map((item) => hideFileRelations(getModel)(schema)(item)));
    return traverseEntity(
      ({ key, schema: current }: { key: string; schema: Schema }, { remove }: { remove(key: string): void }) => {
        if (current.uid === FILE_UID && HIDDEN_FILE_ATTRIBUTES.includes(key)) remove(key);
      },
      { schema, getModel },
      data as never,
    );
  };
}

/** Registers the sanitizer for every content-API answer (core controllers and the upload plugin's alike). */
export function registerFileRelationSanitizer(strapi: Core.Strapi): void {
  strapi.sanitizers.add('content-api.output', hideFileRelations((uid) => strapi.getModel(uid as never) as unknown as Schema) as never);
}
