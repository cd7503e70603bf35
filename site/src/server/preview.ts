/**
 * Draft preview on the public server: fetches a draft from Strapi (server to server, with the
 * preview token, the only token the CMS lets read drafts; the public never reaches Strapi) and
 * turns it into the record the public pages use.
 */
import { announcement, article, createCmsClient, page, type ContentType, type EntryOf, type PreviewKind } from '@cong/content-types';
import { ANNOUNCEMENT_POPULATE, ARTICLE_POPULATE, toAnnouncementRecord, toArticleRecord, type AnnouncementRecord, type ArticleRecord } from '../lib/records';
import { parsePreviewEnvironment } from '../lib/site-env';

export type PreviewDocument =
  | { kind: 'tin-tuc'; record: ArticleRecord; body: string }
  | { kind: 'thong-bao'; record: AnnouncementRecord; body: string }
  | { kind: 'trang'; record: { title: string; slug: string }; body: string };

const QUERIES: Record<PreviewKind, { type: ContentType; populate: Record<string, string> }> = {
  'tin-tuc': { type: article, populate: ARTICLE_POPULATE },
  'thong-bao': { type: announcement, populate: ANNOUNCEMENT_POPULATE },
  trang: { type: page, populate: {} },
};

/** A draft that cannot be shown: `fields` are the Vietnamese labels of what is missing or wrong. */
export class DraftNotReady extends Error {
  constructor(readonly fields: string[]) {
    super(`draft not ready: ${fields.join(', ')}`);
  }
}

/** The draft of `documentId`, or null when there is none. */
export async function fetchDraft(kind: PreviewKind, documentId: string): Promise<PreviewDocument | null> {
  const env = parsePreviewEnvironment(process.env);
  const client = createCmsClient({ baseUrl: env.cmsUrl, token: env.token, tokenHint: 'preview token (CMS_PREVIEW_TOKEN or CMS_PREVIEW_TOKEN_FILE, cms/data/preview-token)', attempts: 2, retryDelayMs: 300 });
  const { type, populate } = QUERIES[kind];
  const query = new URLSearchParams({ 'filters[documentId][$eq]': documentId, status: 'draft', ...populate });
  const body = (await client.getJson(`/api/${type.pluralName}?${query}`)) as { data: unknown[] };
  const entry = body.data[0];
  if (!entry) return null;
  const parsed = type.entrySchema.safeParse(entry);
  if (!parsed.success) {
    const fields = type.attributes as Record<string, { label: string }>;
    throw new DraftNotReady([...new Set(parsed.error.issues.map((i) => fields[String(i.path[0])]?.label ?? String(i.path[0])))]);
  }
  const text = String((entry as Record<string, unknown>).body ?? '');
  if (kind === 'tin-tuc') return { kind, record: toArticleRecord(parsed.data as EntryOf<typeof article>), body: text };
  if (kind === 'thong-bao') return { kind, record: toAnnouncementRecord(parsed.data as EntryOf<typeof announcement>), body: text };
  const p = parsed.data as EntryOf<typeof page>;
  return { kind, record: { title: p.title, slug: p.slug }, body: text };
}

const cmsBase = () => (process.env.CMS_PUBLIC_URL || process.env.CMS_URL || '').replace(/\/+$/, '');

/** A draft's media are not yet copied into a release: /uploads/… loads from the CMS (CMS_PUBLIC_URL). */
export function cmsMediaUrl(url: string): string {
  return url.startsWith('/uploads/') ? `${cmsBase()}${url}` : url;
}

/** The same for the media in rendered Markdown. */
export function mediaFromCms(html: string): string {
  return html.replace(/(src|href)="(\/uploads\/[^"]*)"/g, (_m, attr: string, url: string) => `${attr}="${cmsMediaUrl(url)}"`);
}
