/**
 * Signed draft-preview links, made by the CMS (Strapi's Preview button) and checked by the public
 * server: an HMAC of (kind, documentId, expiry) with PREVIEW_SECRET, so the link works for an hour
 * and a visitor without it gets 404. Shared by both sides so they cannot drift.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The types that have a preview, and the kind each has in the link. */
export const PREVIEW_KINDS = {
  'api::article.article': 'tin-tuc',
  'api::announcement.announcement': 'thong-bao',
  'api::page.page': 'trang',
} as const;

export type PreviewKind = (typeof PREVIEW_KINDS)[keyof typeof PREVIEW_KINDS];

/** How long a preview link works. */
export const PREVIEW_TTL_MS = 60 * 60 * 1000;

function signature(secret: string, kind: string, documentId: string, expires: number): string {
  return createHmac('sha256', secret).update(`${kind}\n${documentId}\n${expires}`).digest('base64url');
}

/** The preview address of a document: `/xem-truoc/?loai=…&ma=…&han=…&ky=…`. */
export function previewPath(secret: string, kind: PreviewKind, documentId: string, now = Date.now()): string {
  const expires = now + PREVIEW_TTL_MS;
  const query = new URLSearchParams({ loai: kind, ma: documentId, han: String(expires), ky: signature(secret, kind, documentId, expires) });
  return `/xem-truoc/?${query.toString()}`;
}

/** The document a preview address is for, or null (bad or missing signature, expired, unknown kind). */
export function verifyPreview(secret: string, params: URLSearchParams, now = Date.now()): { kind: PreviewKind; documentId: string } | null {
  const kind = params.get('loai') ?? '';
  const documentId = params.get('ma') ?? '';
  const expires = Number(params.get('han'));
  const given = params.get('ky') ?? '';
  if (!secret || !(Object.values(PREVIEW_KINDS) as string[]).includes(kind)) return null;
  if (!/^[a-z0-9]{10,40}$/.test(documentId) || !Number.isInteger(expires) || expires < now) return null;
  const expected = Buffer.from(signature(secret, kind, documentId, expires));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { kind: kind as PreviewKind, documentId };
}
