/**
 * The documents' derived data for a build, made once and shared by every page under /van-ban/
 * (20,000 documents: no page scans the list itself): groupings by filter, relations on both
 * sides, and the cache-key digest of the filter menus.
 */
import { createHash } from 'node:crypto';
import { getDocumentKinds, getDocuments, getSectors } from './content';
import { FACETS, groupDocuments, relationsBySlug, type DocumentGroups, type RelatedLink } from './documents';
import { vietnamDay } from './format';
import { perRender } from './render-scope';

/**
 * This build's document groupings, relations and the digest of the filter menus (today in Viet
 * Nam). Per render (render-scope.ts): a warm fast-path worker renders publish after publish.
 */
export const getDocumentData = perRender(async (): Promise<{ groups: DocumentGroups; relations: Map<string, RelatedLink[]>; menuKey: string }> => {
  const docs = await getDocuments();
  const groups = groupDocuments(docs, await getDocumentKinds(), await getSectors(), vietnamDay(new Date()));
  // The filter menus show every value's name (not counts): their key changes only with a new value.
  const menuKey = createHash('sha256')
    .update(JSON.stringify(FACETS.map((f) => groups.facets[f.key].map((g) => [g.slug, g.name]))))
    .digest('base64url');
  return { groups, relations: relationsBySlug(docs), menuKey };
});
