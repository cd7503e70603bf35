/**
 * Which files a media event names, and whether the public site shows one of them outside the
 * media fields the content fingerprint covers: an image placed in an article's Markdown body and
 * then replaced through the media library keeps its URL, so nothing the fingerprint sees changes,
 * yet the live release still holds the old bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fieldsOfKind } from '../../content-types/src/define.ts';
import { uploadFileUrls } from '../../content-types/src/private-files.ts';
import { contentTypes } from '../../content-types/src/model.ts';
import { createCmsClient } from '../../content-types/src/cms-client.ts';

/** A path Strapi's local provider serves a file at (the media mirror copies the same ones). */
const UPLOAD_PATH = /^\/uploads\/[A-Za-z0-9._\-/]+$/;

/**
 * The `/uploads/…` paths of a media event's file: the file and each of its formats (thumbnail,
 * small, …). Strapi sends `{ event: 'media.update', media: { url, formats: { small: { url } } } }`;
 * files of other providers (absolute URLs) are not in a release and give nothing.
 */
export function mediaEventPaths(media: unknown): string[] {
  return [...new Set(uploadFileUrls(media).filter((u) => UPLOAD_PATH.test(u) && !u.includes('..')))];
}

/**
 * The files among `paths` that the live release holds (`<release>/client<path>`, copied there
 * because a page references them) and whose bytes differ from the CMS's copy now, or that the
 * CMS no longer has: only those need a build. Throws when the CMS cannot be reached.
 */
export async function changedLiveFiles(releaseDir: string, cmsUrl: string, paths: readonly string[], fetchFn: typeof fetch = fetch): Promise<string[]> {
  const client = path.join(releaseDir, 'client');
  const changed: string[] = [];
  for (const urlPath of paths) {
    if (!UPLOAD_PATH.test(urlPath) || urlPath.includes('..')) continue;
    const live = path.join(client, urlPath);
    if (!live.startsWith(`${client}${path.sep}`) || !existsSync(live)) continue;
    const response = await fetchFn(`${cmsUrl.replace(/\/+$/, '')}${urlPath}`, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) {
      changed.push(urlPath); // deleted (404) or unreadable: the release shows what the CMS no longer serves
      continue;
    }
    if (!Buffer.from(await response.arrayBuffer()).equals(readFileSync(live))) changed.push(urlPath);
  }
  return changed;
}

/** Collection types with Markdown fields, and those fields. */
const TEXT_FIELDS = contentTypes
  .filter((type) => type.kind === 'collectionType')
  .map((type) => ({ type, fields: fieldsOfKind(type, 'richtext') }))
  .filter(({ fields }) => fields.length > 0);

/**
 * Whether a published entry's Markdown mentions one of `paths`. For forwarding to GitHub, where
 * no release is on this machine to look into. Throws when the CMS cannot be reached.
 */
export async function mentionedInPublishedText(cmsUrl: string, token: string, paths: readonly string[]): Promise<boolean> {
  if (paths.length === 0) return false;
  const client = createCmsClient({ baseUrl: cmsUrl, token, attempts: 2, retryDelayMs: 500 });
  for (const { type, fields } of TEXT_FIELDS) {
    const query = new URLSearchParams({ 'fields[0]': 'updatedAt', 'pagination[pageSize]': '1' });
    let i = 0;
    for (const field of fields) for (const urlPath of paths) query.set(`filters[$or][${i++}][${field}][$contains]`, urlPath);
    const body = (await client.getJson(`/api/${type.pluralName}?${query}`)) as { meta?: { pagination?: { total?: number } } };
    if ((body.meta?.pagination?.total ?? 0) > 0) return true;
  }
  return false;
}
