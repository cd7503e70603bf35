/**
 * The admin home page's "entries" widget (GET /content-manager/homepage/count-documents, Strapi
 * 5.54's content-manager homepage service) counts drafts, published and modified documents with
 * plain SQL over whole tables, past the permission conditions: a commune's editor saw every
 * portal's totals. For an account fenced to some portals they are counted here, the same way, over
 * the documents of those portals only (an entry's `portal` relation; the Cổng type by id). Types
 * without a portal are counted as Strapi does. The recent-documents widgets need nothing: they read
 * through the permission checker, whose portal conditions fence them already.
 */
import type { Core, UID } from '@strapi/strapi';
import { contentTypes as strapiTypes } from '@strapi/utils';
import { PORTAL_FIELD } from '@cong/content-types';
import { currentAdminUser, PORTAL_UID, portalScopeOf } from './portal-fence';

export interface DocumentCounts {
  draft: number;
  published: number;
  modified: number;
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/** The content types the user may read in the content manager and that it shows (as Strapi's widget picks them). */
async function readableTypes(strapi: Core.Strapi, userId: number): Promise<string[]> {
  const permissions = (await strapi.db.query('admin::permission').findMany({
    where: { action: 'plugin::content-manager.explorer.read', role: { users: { id: userId } } },
    select: ['subject'],
  })) as Array<{ subject: string | null }>;
  const subjects = permissions.map((p) => p.subject).filter((s): s is string => {
    const type = s ? (strapi.contentTypes as unknown as Record<string, { pluginOptions?: Record<string, { visible?: boolean }> }>)[s] : undefined;
    return !!type && type.pluginOptions?.['content-manager']?.visible !== false;
  });
  return [...new Set(subjects)];
}

/** Drafts, published and modified documents of `uids`, only those of the portals `scope` where a type has a portal. */
export async function countDocumentsInScope(strapi: Core.Strapi, uids: readonly string[], scope: readonly number[]): Promise<DocumentCounts> {
  const knex = strapi.db.connection;
  const ids = scope.length > 0 ? [...scope] : [-1];
  const totals: DocumentCounts = { draft: 0, published: 0, modified: 0 };
  for (const uid of uids) {
    const meta = strapi.db.metadata.get(uid as UID.ContentType);
    const table = meta.tableName;
    const relation = meta.attributes[PORTAL_FIELD] as { joinTable?: JoinTable } | undefined;
    /** The documents in scope (null: the type belongs to no portal). */
    let inScope: ReturnType<typeof knex> | null = null;
    if (uid === PORTAL_UID) inScope = knex(table).select('document_id').whereIn('id', ids);
    else if (relation?.joinTable) {
      const link = relation.joinTable;
      inScope = knex(`${table} as t`).join(`${link.name} as l`, `l.${link.joinColumn.name}`, 't.id').whereIn(`l.${link.inverseJoinColumn.name}`, ids).select('t.document_id');
    }
    const rows = () => (inScope ? knex(table).whereIn('document_id', inScope) : knex(table));
    if (!strapiTypes.hasDraftAndPublish(strapi.contentType(uid as UID.ContentType))) {
      const row = (await rows().countDistinct('document_id as count').first()) as { count?: unknown } | undefined;
      totals.published += Number(row?.count) || 0;
      continue;
    }
    // As Strapi's widget: each document in one bucket, by its draft and published rows.
    const classified = rows()
      .select('document_id')
      .select(knex.raw(`CASE
        WHEN MAX(CASE WHEN published_at IS NOT NULL THEN 1 ELSE 0 END) = 0 THEN 'draft'
        WHEN MAX(CASE WHEN published_at IS NULL THEN updated_at END) = MAX(CASE WHEN published_at IS NOT NULL THEN updated_at END) THEN 'published'
        ELSE 'modified'
      END AS bucket`))
      .groupBy('document_id');
    const counts = (await knex
      .from(classified.as('classified'))
      .select(knex.raw(`COUNT(CASE WHEN bucket = 'draft' THEN 1 END) AS draft, COUNT(CASE WHEN bucket = 'published' THEN 1 END) AS published, COUNT(CASE WHEN bucket = 'modified' THEN 1 END) AS modified`))
      .first()) as Record<string, unknown> | undefined;
    totals.draft += Number(counts?.draft) || 0;
    totals.published += Number(counts?.published) || 0;
    totals.modified += Number(counts?.modified) || 0;
  }
  return totals;
}

/** The widget's counts for the signed-in account: its portals' documents when it is fenced, else `unfenced()` (Strapi's own). */
export async function homepageCounts(strapi: Core.Strapi, unfenced: () => Promise<DocumentCounts>): Promise<DocumentCounts> {
  const user = currentAdminUser(strapi);
  if (!user) return unfenced();
  const scope = await portalScopeOf(strapi, user);
  if (scope === 'all') return unfenced();
  return countDocumentsInScope(strapi, await readableTypes(strapi, user.id), scope);
}
