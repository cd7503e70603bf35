/**
 * "Tin từ cơ sở" (issue 14, item 5): the news a province's communes (its child portals) mark
 * "Chia sẻ lên cổng cấp trên", for the province portal's build. Published articles only; each
 * names its commune and the commune's host names: the site links to the article on the commune's
 * first domain (with its own SITE_URL's scheme and port), where it stays canonical (the province
 * links to it, never copies it).
 *
 * GET /api/cong/shared-news?portal=<code> with a token that reads articles (the build token).
 * What it answers is public anyway: each article is live on its commune's portal.
 */
import type { Core } from '@strapi/strapi';
import { parseDomains, PORTAL_FIELD } from '@cong/content-types';

/** How many shared articles the province shows at most (the newest). */
export const SHARED_NEWS_LIMIT = 200;

export interface SharedNewsItem {
  documentId: string;
  title: string;
  slug: string;
  summary: string | null;
  publishedAt: string;
  updatedAt: string;
  /** The commune: its code, its agency's name and host names (the first is its address). */
  portal: { code: string; name: string; domains: string[] };
}

type PortalRow = { id: number; slug: string; agencyName: string; domains: string | null; enabled: boolean | null };

/** The shared news of `code`'s child portals, newest first; null when no portal has that code. */
export async function sharedNewsOf(strapi: Core.Strapi, code: string): Promise<SharedNewsItem[] | null> {
  const parent = (await strapi.db.query('api::portal.portal').findOne({ where: { slug: code }, select: ['id'] })) as { id: number } | null;
  if (!parent) return null;
  const children = (await strapi.db.query('api::portal.portal').findMany({
    where: { parent: { id: parent.id }, enabled: { $ne: false } },
    select: ['id', 'slug', 'agencyName', 'domains', 'enabled'],
  })) as PortalRow[];
  if (children.length === 0) return [];
  const byId = new Map(children.map((c) => [c.id, c]));
  const rows = (await strapi.db.query('api::article.article').findMany({
    where: { publishedAt: { $notNull: true }, shareWithParent: true, [PORTAL_FIELD]: { id: { $in: [...byId.keys()] } } },
    select: ['documentId', 'title', 'slug', 'summary', 'publishedAt', 'firstPublishedAt', 'updatedAt'],
    populate: { [PORTAL_FIELD]: { select: ['id'] } },
    // First publication (cms/config/features.ts), as the commune's own lists: an edit does not move an article up.
    orderBy: [{ firstPublishedAt: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }],
    limit: SHARED_NEWS_LIMIT,
  })) as Array<{ documentId: string; title: string; slug: string; summary: string | null; publishedAt: string | Date; firstPublishedAt: string | Date | null; updatedAt: string | Date; portal: { id: number } | null }>;
  return rows.flatMap((row) => {
    const commune = row.portal ? byId.get(row.portal.id) : undefined;
    if (!commune) return [];
    const domains = parseDomains(commune.domains);
    if (domains.length === 0) return []; // a commune without a domain has no public address to link to
    return [{
      documentId: row.documentId,
      title: row.title,
      slug: row.slug,
      summary: row.summary,
      publishedAt: new Date(row.firstPublishedAt ?? row.publishedAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
      portal: { code: commune.slug, name: commune.agencyName, domains },
    }];
  });
}

/** Registers GET /api/cong/shared-news; call from `register()`. */
export function registerSharedNewsRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'content-api',
    prefix: '/cong',
    routes: [
      {
        method: 'GET',
        path: '/shared-news',
        handler: async (ctx: { query: Record<string, unknown>; body: unknown; status: number }) => {
          const code = typeof ctx.query.portal === 'string' ? ctx.query.portal : '';
          const items = code ? await sharedNewsOf(strapi, code) : null;
          if (!items) {
            ctx.status = 404;
            ctx.body = { error: { status: 404, message: `no portal with the code "${code}": pass ?portal=<code> (Mã cổng)` } };
            return;
          }
          ctx.body = { data: items };
        },
        config: { auth: { scope: ['api::article.article.find'] } },
      },
    ],
  } as never);
}
