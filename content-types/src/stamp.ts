/**
 * Entry stamps: what the site build's loader remembers of each entry to sync incrementally, and
 * what the publisher fingerprints to know whether the live release is out of date. Both must see
 * the same stamp, so it is computed here, once.
 */
import { createHash } from 'node:crypto';
import { fieldsOfKind, PORTAL_FIELD, type ContentType } from './define';

/**
 * What the build remembers of an entry: its id and a version that changes whenever what its
 * pages show changes — its `updatedAt`, for types with media the files it shows (editing a file
 * in the media library does not touch the entries that use it), and for types with relations the
 * `updatedAt` of each related entry (renaming a category does not touch its articles, whose
 * records carry its name).
 */
export interface Stamp {
  documentId: string;
  version: string;
}

/** What the pages show of a file, or depend on: a change to any of these must rebuild them. */
export const MEDIA_STAMP_FIELDS = ['url', 'hash', 'name', 'alternativeText', 'caption', 'mime', 'size', 'width', 'height', 'updatedAt'] as const;

/** Per type, once: toStamp() runs for each of 10,000 entries at every publish. */
function perType(pick: (type: ContentType) => string[]): (type: ContentType) => string[] {
  const known = new WeakMap<ContentType, string[]>();
  return (type) => {
    let fields = known.get(type);
    if (!fields) known.set(type, (fields = pick(type)));
    return fields;
  };
}

/** The media fields of a type (an article's cover, an announcement's attachments). */
export const mediaFieldsOf = perType((type) => fieldsOfKind(type, 'media'));

/**
 * The relation fields of a type whose related entry its pages show (an article's category). Not the
 * entry's portal: no record shows it, and a change to the portal's settings must not make every
 * entry's stamp move (the portal's own entry is stamped as an entry of its type).
 */
export const relationFieldsOf = perType((type) => fieldsOfKind(type, 'relation').filter((f) => f !== PORTAL_FIELD));

/** The query that lists a type's published entries as stamps: updatedAt, the files and the related entries each shows. */
export function stampQuery(type: ContentType): Record<string, string> {
  const query: Record<string, string> = { 'fields[0]': 'updatedAt' };
  for (const field of mediaFieldsOf(type)) {
    MEDIA_STAMP_FIELDS.forEach((name, i) => (query[`populate[${field}][fields][${i}]`] = name));
  }
  for (const field of relationFieldsOf(type)) query[`populate[${field}][fields][0]`] = 'updatedAt';
  return query;
}

/** The same as stampQuery(), as a Document Service `populate` (the CMS's stamps route, cms/src/lib/stamps-route.ts). */
export function stampPopulate(type: ContentType): Record<string, { fields: string[] }> {
  const populate: Record<string, { fields: string[] }> = {};
  for (const field of mediaFieldsOf(type)) populate[field] = { fields: [...MEDIA_STAMP_FIELDS] };
  for (const field of relationFieldsOf(type)) populate[field] = { fields: ['updatedAt'] };
  return populate;
}

/** Where the CMS lists a type's stamps at once (cms/src/lib/stamps-route.ts). */
export const stampsPath = (pluralName: string): string => `/api/cong/stamps/${pluralName}`;

/**
 * A type's published entries as stamps: from the CMS's stamps route (one answer, read in a few
 * database queries), else page by page through the REST API (a CMS from before that route).
 * Issue 15: at 10,000 articles the REST pages took 11-14 s; every publish reads them.
 */
export async function fetchStamps(
  client: { getJson(path: string): Promise<unknown>; getAll(pluralName: string, query?: Record<string, string>): Promise<unknown[]> },
  type: ContentType,
): Promise<Stamp[]> {
  let stamps: Stamp[];
  try {
    // The route's stamps, or (a CMS of the release before) its entries, stamped here.
    const answer = (await client.getJson(stampsPath(type.pluralName))) as { stamps?: Array<[string, string]>; data?: unknown[] };
    stamps = answer.stamps
      ? answer.stamps.map(([documentId, version]) => ({ documentId, version }))
      : (answer.data as Array<Parameters<typeof toStamp>[1]>).map((entry) => toStamp(type, entry));
  } catch (error) {
    if (!/\b404\b/.test((error as Error).message)) throw error;
    stamps = ((await client.getAll(type.pluralName, { ...stampQuery(type), sort: 'documentId:asc' })) as Array<Parameters<typeof toStamp>[1]>).map((entry) => toStamp(type, entry));
  }
  return stamps.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
}

/** The stamp of an entry as stampQuery() returns it. */
export function toStamp(type: ContentType, entry: { documentId: string; updatedAt: string } & Record<string, unknown>): Stamp {
  const fields = mediaFieldsOf(type);
  const relations = relationFieldsOf(type);
  if (fields.length === 0 && relations.length === 0) return { documentId: entry.documentId, version: entry.updatedAt };
  const pick = (file: unknown) =>
    file && typeof file === 'object' ? MEDIA_STAMP_FIELDS.map((name) => (file as Record<string, unknown>)[name] ?? null) : null;
  const media = fields.map((field) => {
    const value = entry[field];
    return Array.isArray(value) ? value.map(pick) : pick(value);
  });
  const related = relations.map((field) => {
    const value = entry[field];
    const version = (e: unknown) => (e && typeof e === 'object' ? ((e as Record<string, unknown>).updatedAt ?? null) : null);
    return Array.isArray(value) ? value.map(version) : version(value);
  });
  // Types without relations keep the digest they had (their stamps stay valid across this change).
  const parts = relations.length === 0 ? media : { media, related };
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
  return { documentId: entry.documentId, version: `${entry.updatedAt}#${digest}` };
}
