/**
 * GET /api/cong/stamps/<plural name> (issue 15): a type's published entries as the stamps the
 * publisher fingerprints and the site's content sync compares (content-types/src/stamp.ts), in one
 * answer read with a few database queries: `{ stamps: [[documentId, version], …] }`, computed here
 * (the entries with their files' fields were ~10 times the bytes, parsed at every publish). Through
 * the REST API the same list took 100 pages at 10,000 articles (11-14 s), and every publish reads it. The token needs the type's `find`
 * permission, as for the REST API; a portal's build token gets its portal's entries only (the
 * portal fence narrows every Document Service read of a content-API request: portal-fence.ts).
 */
import type { Core, UID } from '@strapi/strapi';
import { contentTypes, stampPopulate, toStamp } from '@cong/content-types';

/** Entries per database read (a few reads at 10,000 articles, each bounded in memory). */
const BATCH = 5000;

export function registerStampsRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'content-api',
    prefix: '/cong',
    routes: contentTypes
      .filter((type) => type.kind === 'collectionType')
      .map((type) => ({
        method: 'GET',
        path: `/stamps/${type.pluralName}`,
        handler: async (ctx: { body: unknown }) => {
          const documents = strapi.documents(type.uid as UID.ContentType);
          const stamps: Array<[string, string]> = [];
          for (let start = 0; ; start += BATCH) {
            const batch = (await documents.findMany({ status: 'published', fields: ['updatedAt'], populate: stampPopulate(type), sort: 'documentId:asc', start, limit: BATCH } as never)) as unknown as Array<Parameters<typeof toStamp>[1]>;
            for (const entry of batch) {
              const { documentId, version } = toStamp(type, entry);
              stamps.push([documentId, version]);
            }
            if (batch.length < BATCH) break;
          }
          ctx.body = { stamps };
        },
        config: { auth: { scope: [`${type.uid}.find`] } },
      })),
  } as never);
}
