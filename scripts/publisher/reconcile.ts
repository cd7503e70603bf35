/**
 * Reconciliation: a webhook lost while the publisher was down must not leave the site stale.
 * The publisher fingerprints what the CMS publishes (every entry's stamp: documentId, updatedAt
 * and the files it shows, as the site build's loader sees them) and compares it with the
 * fingerprint recorded in the live release; a difference schedules a build. A media event is
 * checked the same way: it builds only when a file a published entry shows has changed.
 *
 * The fingerprint also holds the calendar day in Viet Nam: pages show what depends on it (a
 * document's validity, an announcement's expiry, the current week of the work schedule, today's
 * items on the home page), so the first reconciliation after midnight rebuilds (incrementally:
 * only the pages whose output changed are rendered).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentTypes } from '../../content-types/src/model.ts';
import { createCmsClient } from '../../content-types/src/cms-client.ts';
import { fetchStamps } from '../../content-types/src/stamp.ts';
import { vietnamDayAt } from '../../content-types/src/calendar.ts';
import { RELEASE_MANIFEST } from './releases.ts';

const COLLECTIONS = contentTypes.filter((t) => t.kind === 'collectionType');

/** What the fingerprint covers: each published entry's stamp by type (the portal's own entry, its settings, among them). */
export interface PublishedState {
  /** Per collection type (plural name), its entries' stamps in the order the CMS listed them (documentId ascending). */
  entries: ReadonlyArray<{ type: string; documentId: string; version: string }>;
  /** The calendar day in Viet Nam the pages are built for (YYYY-MM-DD). */
  day: string;
}

/** A hash of (type, documentId, version) of everything published, and the day. */
export function fingerprintOf(state: PublishedState): string {
  const hash = createHash('sha256');
  for (const { type, documentId, version } of state.entries) hash.update(`${type}:${documentId}:${version}\n`);
  hash.update(`day:${state.day}\n`);
  return hash.digest('hex');
}

export interface StateOptions {
  /**
   * The code of the token's portal when other portals name it their parent (the registry's
   * `parent`): its pages list their shared news ("Tin từ cơ sở"), which the fingerprint then
   * covers. Unset for every other portal: nothing to ask the CMS.
   */
  sharedNewsOf?: string;
  /** For tests: the moment whose calendar day in Viet Nam the pages are built for. */
  now?: Date;
}

/** What the CMS publishes now (as the token reads it), on today's date in Viet Nam. */
export async function publishedState(cmsUrl: string, token: string, options: StateOptions = {}): Promise<PublishedState> {
  const client = createCmsClient({ baseUrl: cmsUrl, token, attempts: 2, retryDelayMs: 500 });
  // Every type at once (a publish waits for this): the CMS answers them in parallel; the order stays the types'.
  const lists = await Promise.all(COLLECTIONS.map(async (type) => (await fetchStamps(client, type)).map((stamp) => ({ type: type.pluralName, ...stamp }))));
  const entries: Array<PublishedState['entries'][number]> = lists.flat();
  if (options.sharedNewsOf) entries.push(...(await sharedNewsStamps(client, options.sharedNewsOf)));
  return { entries, day: vietnamDayAt(options.now ?? new Date()) };
}

/**
 * "Tin từ cơ sở": the shared news of `code`'s child portals (its pages list them, each linking to
 * the commune's first domain), as stamps, so a commune's shared article published while the webhook
 * was lost still rebuilds its province.
 */
async function sharedNewsStamps(client: ReturnType<typeof createCmsClient>, code: string): Promise<Array<PublishedState['entries'][number]>> {
  const answer = (await client.getJson(`/api/cong/shared-news?portal=${encodeURIComponent(code)}`)) as { data?: Array<{ documentId: string; updatedAt: string; portal: { domains: string[] } }> };
  return (answer.data ?? []).map((item) => ({ type: 'shared-news', documentId: item.documentId, version: `${item.updatedAt} ${item.portal.domains.join(' ')}` }));
}

/** The fingerprint of what the CMS publishes now, on today's date in Viet Nam. */
export async function contentFingerprint(cmsUrl: string, token: string, options: StateOptions = {}): Promise<string> {
  return fingerprintOf(await publishedState(cmsUrl, token, options));
}

const manifest = (releaseDir: string) => path.join(releaseDir, RELEASE_MANIFEST);

/**
 * Records what a release was built from: the fingerprint, and the documentIds of the entries it
 * shows, so an unpublish or delete (whose webhook does not name the entry's portal) goes to the
 * portals whose live release shows the entry (publisher.ts).
 */
export function writeReleaseManifest(releaseDir: string, data: { fingerprint: string; builtAt: string; documents?: readonly string[]; path?: 'fast' | 'full' }): void {
  writeFileSync(manifest(releaseDir), JSON.stringify(data, null, 2));
}

const documentsCache = new Map<string, ReadonlySet<string>>();

/** The documentIds a release was built from (a release older than this record: none). Releases never change: cached. */
export function releaseDocuments(releaseDir: string): ReadonlySet<string> {
  const cached = documentsCache.get(releaseDir);
  if (cached) return cached;
  let documents: ReadonlySet<string> = new Set();
  if (existsSync(manifest(releaseDir))) {
    const list = (JSON.parse(readFileSync(manifest(releaseDir), 'utf8')) as { documents?: unknown }).documents;
    if (Array.isArray(list)) documents = new Set(list.filter((d): d is string => typeof d === 'string'));
  }
  if (documentsCache.size > 500) documentsCache.clear();
  documentsCache.set(releaseDir, documents);
  return documents;
}

/** The fingerprint a release was built from, or null. */
/** How a release was made: 'fast' (the fast path, from the release before it), else 'full'. */
export function readReleasePath(releaseDir: string): 'fast' | 'full' {
  if (!existsSync(manifest(releaseDir))) return 'full';
  return (JSON.parse(readFileSync(manifest(releaseDir), 'utf8')) as { path?: string }).path === 'fast' ? 'fast' : 'full';
}

export function readReleaseFingerprint(releaseDir: string): string | null {
  if (!existsSync(manifest(releaseDir))) return null;
  return (JSON.parse(readFileSync(manifest(releaseDir), 'utf8')) as { fingerprint?: string }).fingerprint ?? null;
}
