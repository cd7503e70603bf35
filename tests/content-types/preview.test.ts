/**
 * Signed draft-preview links (content-types/src/preview.ts): what the CMS makes, the public server
 * accepts for an hour, and nothing else — not a changed field, not an expired or far-off expiry,
 * not another secret, not a malformed parameter.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { PREVIEW_TTL_MS, previewPath, verifyPreview } from '../../content-types/src/preview';

const SECRET = 'preview-secret-0123456789abcdef';
const NOW = Date.UTC(2026, 10, 27, 1, 30, 0);
const DOC = 'k3j2h1g0f9e8d7c6b5a4z3y2';

const paramsOf = (link: string) => new URL(link, 'https://xatanhoa.example.vn').searchParams;
/** A link's parameters with some replaced (or removed with null). */
function tampered(link: string, changes: Record<string, string | null>): URLSearchParams {
  const params = paramsOf(link);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  return params;
}
const sign = (secret: string, kind: string, documentId: string, expires: number) =>
  createHmac('sha256', secret).update(`${kind}\n${documentId}\n${expires}`).digest('base64url');

describe('preview links', () => {
  test('a link made for each kind is accepted, for the document and kind it names', () => {
    for (const kind of ['tin-tuc', 'thong-bao', 'trang'] as const) {
      const link = previewPath(SECRET, kind, DOC, NOW);
      expect(link.startsWith('/xem-truoc/?')).toBe(true);
      expect(verifyPreview(SECRET, paramsOf(link), NOW)).toEqual({ kind, documentId: DOC });
    }
  });

  test('works until its expiry, to the millisecond, and not after', () => {
    const params = paramsOf(previewPath(SECRET, 'tin-tuc', DOC, NOW));
    expect(params.get('han')).toBe(String(NOW + PREVIEW_TTL_MS));
    expect(verifyPreview(SECRET, params, NOW + PREVIEW_TTL_MS)).not.toBeNull();
    expect(verifyPreview(SECRET, params, NOW + PREVIEW_TTL_MS + 1)).toBeNull();
  });

  test('another secret, or none, accepts nothing', () => {
    const params = paramsOf(previewPath(SECRET, 'tin-tuc', DOC, NOW));
    expect(verifyPreview(`${SECRET}x`, params, NOW)).toBeNull();
    expect(verifyPreview('', params, NOW)).toBeNull();
    // A link "signed" with an empty secret is not accepted by a server without one either.
    expect(verifyPreview('', paramsOf(previewPath('', 'tin-tuc', DOC, NOW)), NOW)).toBeNull();
  });

  test('changing any signed field breaks the signature', () => {
    const link = previewPath(SECRET, 'tin-tuc', DOC, NOW);
    expect(verifyPreview(SECRET, tampered(link, { loai: 'thong-bao' }), NOW)).toBeNull();
    expect(verifyPreview(SECRET, tampered(link, { ma: `${DOC.slice(0, -1)}x` }), NOW)).toBeNull();
    // A later expiry (to keep a link alive) is refused.
    expect(verifyPreview(SECRET, tampered(link, { han: String(NOW + 10 * PREVIEW_TTL_MS) }), NOW)).toBeNull();
    const ky = paramsOf(link).get('ky')!;
    expect(verifyPreview(SECRET, tampered(link, { ky: `${ky.slice(0, -1)}${ky.endsWith('A') ? 'B' : 'A'}` }), NOW)).toBeNull();
    expect(verifyPreview(SECRET, tampered(link, { ky: ky.slice(0, -1) }), NOW)).toBeNull(); // shorter: no timing-safe compare of unequal lengths
    expect(verifyPreview(SECRET, tampered(link, { ky: `${ky}A` }), NOW)).toBeNull();
  });

  test('a missing or malformed parameter is refused, not thrown', () => {
    const link = previewPath(SECRET, 'tin-tuc', DOC, NOW);
    for (const key of ['loai', 'ma', 'han', 'ky']) expect(verifyPreview(SECRET, tampered(link, { [key]: null }), NOW), key).toBeNull();
    expect(verifyPreview(SECRET, new URLSearchParams(), NOW)).toBeNull();
    for (const han of ['', 'abc', '1.5', '-1', '1e20', ' 1']) expect(verifyPreview(SECRET, tampered(link, { han }), NOW), han).toBeNull();
    expect(verifyPreview(SECRET, tampered(link, { ky: 'ký-tự-tiếng-Việt' }), NOW)).toBeNull();
  });

  test('only the kinds with a preview, and only documentId-shaped ids, even when correctly signed', () => {
    const expires = NOW + 1000;
    const signed = (kind: string, documentId: string) => new URLSearchParams({ loai: kind, ma: documentId, han: String(expires), ky: sign(SECRET, kind, documentId, expires) });
    expect(verifyPreview(SECRET, signed('tin-tuc', DOC), NOW)).toEqual({ kind: 'tin-tuc', documentId: DOC });
    for (const kind of ['binh-luan', 'TIN-TUC', 'tin-tuc/../trang', '']) expect(verifyPreview(SECRET, signed(kind, DOC), NOW), kind).toBeNull();
    for (const id of ['short', 'a'.repeat(41), 'ABCDEFGHIJKL', '../../admin', 'abcdefghij\n', 'thông-báo-số-1']) expect(verifyPreview(SECRET, signed('tin-tuc', id), NOW), id).toBeNull();
    expect(verifyPreview(SECRET, signed('tin-tuc', 'a'.repeat(10)), NOW)).not.toBeNull();
    expect(verifyPreview(SECRET, signed('tin-tuc', 'a'.repeat(40)), NOW)).not.toBeNull();
  });
});
