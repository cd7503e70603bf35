/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page returned by
 * getStaticPaths with an unchanged `cacheKey` (and unchanged code) is copied from the previous
 * build instead of being rendered. A key must therefore cover everything the page shows that is
 * not code: its own records, the lists it shows (related news, comments, a page of a list) and
 * what every page shows (the layout's settings and the sidebar's announcements and links). A
 * page that shows something depending on today's date keys the result (an announcement's
 * "Hết hiệu lực"), not the date, so the cache survives midnight.
 */
import { createHash } from 'node:crypto';
import { getAnnouncements, getDossierReports, getLinks, getSettings, isExpired, type Item } from './content';
import { sidebarDisclosures } from './sidebar';
import { perRender } from './render-scope';

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * What every page's frame shows (header, menu, sidebar, footer), as one digest per build. Per
 * render (render-scope.ts): a warm fast-path worker renders publish after publish.
 */
const layoutKey = perRender(async (): Promise<string> => {
  // The sidebar's announcements, as it lists them (the unexpired ones, today in Viet Nam).
  const sidebar = (await getAnnouncements()).filter((a) => !isExpired(a.data)).slice(0, 5).map((a) => [a.data.slug, a.data.title]);
  // …its newest disclosures (Công khai minh bạch) and its latest month of dossier figures.
  const disclosures = (await sidebarDisclosures()).map((d) => [d.slug, d.title]);
  const dossiers = (await getDossierReports()).at(-1)?.data ?? null;
  return digest([await getSettings(), (await getLinks()).map((l) => l.data), sidebar, disclosures, dossiers]);
});

/**
 * Each object's digest, once per object. The content store hands the same record objects for the
 * entries a sync did not change from one render to the next (store.ts), so the fast path's warm
 * worker hashes only what changed (at 10,000 articles, hashing every page's records whole was
 * ~0.4 s of each publish). Records are never changed in place, nor is anything a page keys on.
 */
const digests = new WeakMap<object, string>();
function part(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(part);
  if (value === null || typeof value !== 'object') return value;
  let known = digests.get(value);
  if (known === undefined) {
    known = digest(value);
    digests.set(value, known);
  }
  return known;
}

/** This build's key function: the cache key of a page showing `parts` inside the common frame. */
export async function pageKeys(): Promise<(...parts: unknown[]) => string> {
  const frame = await layoutKey();
  return (...parts) => digest([frame, parts.map(part)]);
}

/** The part of a list item a list page shows, for a key (records carry `updatedAt` where they change). */
export const listed = <T>(items: Array<Item<T>>) => items.map((i) => i.data);
