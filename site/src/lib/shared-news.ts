/**
 * "Tin từ cơ sở" (issue 14, item 5): on a province's portal, the news its communes share. The
 * loader asks the CMS for them (GET /api/cong/shared-news, cms/src/lib/shared-news.ts); each record
 * links to the article's page on its commune's own portal, which stays canonical: the province
 * never copies the article.
 */
import type { StoreLoader } from './store';
import { createCmsClient, domainUrl } from '@cong/content-types';
import { parseSiteEnvironment } from './site-env';

export interface SharedNewsRecord {
  title: string;
  summary: string;
  /** The article's page on its commune's portal (absolute). */
  url: string;
  publishedAt: string;
  /** The commune's agency name. */
  portalName: string;
}

interface SharedNewsAnswer {
  data: Array<{ documentId: string; title: string; slug: string; summary: string | null; publishedAt: string; updatedAt: string; portal: { name: string; domains: string[] } }>;
}

/** The code of the portal this build is for: SITE_PORTAL, else the oldest portal the token reads. */
async function ownPortalCode(client: ReturnType<typeof createCmsClient>, named: string | undefined): Promise<string | null> {
  if (named) return named;
  const body = (await client.getJson('/api/portals?sort=id:asc&pagination[page]=1&pagination[pageSize]=1&fields[0]=slug')) as { data?: Array<{ slug: string }> };
  return body.data?.[0]?.slug ?? null;
}

export function sharedNewsLoader(): StoreLoader {
  return {
    name: 'cong-shared-news',
    async load({ store, logger }) {
      const env = parseSiteEnvironment(process.env);
      const client = createCmsClient({ baseUrl: env.cmsUrl, token: env.token });
      const code = await ownPortalCode(client, env.portal);
      store.clear();
      if (!code) return;
      const answer = (await client.getJson(`/api/cong/shared-news?portal=${encodeURIComponent(code)}`)) as SharedNewsAnswer;
      answer.data.forEach((item, order) => {
        // The commune's address as this install's readers reach it: this build's scheme and port (SITE_URL) on its first host name.
        const base = domainUrl(item.portal.domains, env.siteUrl);
        if (!base) return;
        store.set({
          id: item.documentId,
          data: { title: item.title, summary: item.summary ?? '', url: `${base}tin-tuc/${encodeURIComponent(item.slug)}/`, publishedAt: item.publishedAt, portalName: item.portal.name, order } satisfies SharedNewsRecord & { order: number },
        });
      });
      logger.info(`shared news from the communes: ${answer.data.length}`);
    },
  };
}
