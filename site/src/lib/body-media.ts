/**
 * The pictures that Markdown bodies show, as the CMS's media library describes them (size, type,
 * when the file last changed), fetched once per build. Their size lets a body picture go through
 * the image pipeline (images.ts); their version is part of the page's cache key and of the
 * derived files' names, so a file replaced in the CMS under the same URL is rendered again.
 */
import { createCmsClient } from '@cong/content-types';
import { getAnnouncements, getArticles, getPages } from './content';
import type { ImageSource } from './images';
import { parseSiteEnvironment } from './site-env';
import { perRender } from './render-scope';

interface UploadFile {
  url: string;
  width?: number | null;
  height?: number | null;
  mime: string;
  updatedAt?: string | null;
}

/**
 * Every picture a published body shows, by its `/uploads/…` path; a path the CMS does not know is
 * left out. Per render (render-scope.ts): a warm fast-path worker renders publish after publish.
 */
export const getBodyMedia = perRender(async (): Promise<Map<string, ImageSource>> => {
  const records = [...(await getArticles()), ...(await getAnnouncements()), ...(await getPages())];
  const paths = [...new Set(records.flatMap((r) => r.data.bodyImages ?? []))].sort();
  const media = new Map<string, ImageSource>();
  if (paths.length === 0) return media;
  const env = parseSiteEnvironment(process.env);
  const client = createCmsClient({ baseUrl: env.cmsUrl, token: env.token });
  for (let i = 0; i < paths.length; i += 50) {
    const query = new URLSearchParams({ 'fields[0]': 'url', 'fields[1]': 'width', 'fields[2]': 'height', 'fields[3]': 'mime', 'fields[4]': 'updatedAt' });
    paths.slice(i, i + 50).forEach((p, k) => query.set(`filters[url][$in][${k}]`, p));
    const files = (await client.getJson(`/api/upload/files?${query}`)) as UploadFile[];
    for (const f of files) media.set(f.url, { url: f.url, width: f.width ?? null, height: f.height ?? null, mime: f.mime, version: f.updatedAt ?? null });
  }
  return media;
});

/** The versions of the pictures one body shows, for its page's cache key. */
export function bodyMediaKey(bodyImages: string[] | undefined, media: Map<string, ImageSource>): Array<string | null> {
  return (bodyImages ?? []).map((p) => media.get(p)?.version ?? null);
}
