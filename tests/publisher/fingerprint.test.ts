/**
 * The content fingerprint (scripts/publisher/reconcile.ts `fingerprintOf`, over the stamps of
 * content-types/src/stamp.ts): the publisher compares it with the live release's to know whether the
 * site is behind the CMS. Anything a page shows must move it; nothing else may.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { announcement, article } from '../../content-types/src/model';
import { fingerprintOf, type PublishedState } from '../../scripts/publisher/reconcile';
import { toStamp } from '../../content-types/src/stamp';

const UPDATED = '2026-11-27T01:30:00.000Z';
const cover = { url: '/uploads/cau_dong_3f2a.jpg', hash: 'cau_dong_3f2a', name: 'Cầu Đông.jpg', alternativeText: 'Cầu Đông mùa lũ', caption: null, mime: 'image/jpeg', size: 81.2, width: 1200, height: 800, updatedAt: UPDATED };
const category = { updatedAt: UPDATED };
const anArticle = (changes: Record<string, unknown> = {}) => ({ documentId: 'a1b2c3d4e5f6g7h8i9j0k1l2', updatedAt: UPDATED, cover, category, ...changes });
const anAnnouncement = { documentId: 'z9y8x7w6v5u4t3s2r1q0p9o8', updatedAt: UPDATED, attachments: [] };

/** `portalVersion`: the stamp of the portal's own entry (its settings), null when the token reads none. */
function state(articleEntry = anArticle(), portalVersion: string | null = UPDATED): PublishedState {
  return {
    entries: [
      { type: 'articles', ...toStamp(article, articleEntry) },
      { type: 'announcements', ...toStamp(announcement, anAnnouncement) },
      ...(portalVersion === null ? [] : [{ type: 'portals', documentId: 'p0r7a1x2y3z4a5b6c7d8e9f0', version: portalVersion }]),
    ],
    day: '2026-11-27',
  };
}

describe('fingerprintOf', () => {
  test('is the SHA-256 of one "type:documentId:version" line per entry (the portal\'s own among them) and the day line', () => {
    const expected = createHash('sha256').update('articles:abc0123456:v1\nportals:p1:s1\nday:2026-11-27\n').digest('hex');
    const entries = [{ type: 'articles', documentId: 'abc0123456', version: 'v1' }, { type: 'portals', documentId: 'p1', version: 's1' }];
    expect(fingerprintOf({ entries, day: '2026-11-27' })).toBe(expected);
    expect(fingerprintOf({ entries: [], day: '2026-11-27' })).toBe(createHash('sha256').update('day:2026-11-27\n').digest('hex'));
  });

  test('moves with the day in Viet Nam: pages that show validity, expiry, this week or today are rebuilt after midnight', async () => {
    expect(fingerprintOf({ ...state(), day: '2026-11-28' })).not.toBe(fingerprintOf(state()));
    const { vietnamDayAt } = await import('../../content-types/src/calendar');
    // 23:59 on 27/11 in Viet Nam is 16:59 UTC; a minute later it is 28/11 there, still 27/11 in UTC.
    expect(vietnamDayAt(new Date('2026-11-27T16:59:00Z'))).toBe('2026-11-27');
    expect(vietnamDayAt(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
  });

  test('the same content gives the same fingerprint', () => {
    expect(fingerprintOf(state())).toBe(fingerprintOf(state()));
    expect(fingerprintOf(state())).toMatch(/^[0-9a-f]{64}$/);
  });

  test('moves with each thing a page shows: the entry, its cover, its category, the portal\'s settings', () => {
    const base = fingerprintOf(state());
    const changed = [
      state(anArticle({ updatedAt: '2026-11-27T01:30:00.001Z' })),
      state(anArticle({ cover: { ...cover, alternativeText: 'Cầu Đông sau khi sửa' } })),
      state(anArticle({ cover: { ...cover, url: '/uploads/cau_dong_9c1d.jpg', hash: 'cau_dong_9c1d' } })),
      state(anArticle({ cover: null })),
      state(anArticle({ category: { updatedAt: '2026-11-28T00:00:00.000Z' } })),
      state(anArticle({ category: null })),
      state(anArticle(), '2026-11-28T00:00:00.000Z'),
      state(anArticle(), null),
    ].map(fingerprintOf);
    for (const [i, fingerprint] of changed.entries()) expect(fingerprint, `change ${i}`).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  test('moves when an entry is published, unpublished, or is another type than before', () => {
    const base = state();
    const one = { type: 'articles', documentId: 'b2c3d4e5f6g7h8i9j0k1l2m3', version: UPDATED };
    expect(fingerprintOf({ ...base, entries: [...base.entries, one] })).not.toBe(fingerprintOf(base));
    expect(fingerprintOf({ ...base, entries: base.entries.slice(1) })).not.toBe(fingerprintOf(base));
    expect(fingerprintOf({ ...base, entries: base.entries.map((e) => ({ ...e, type: e.type === 'articles' ? 'pages' : e.type })) })).not.toBe(fingerprintOf(base));
  });

  test('a file field the pages do not show (its formats, its provider) does not move it', () => {
    const withExtras = anArticle({ cover: { ...cover, formats: { thumbnail: { url: '/uploads/thumbnail_cau_dong_3f2a.jpg' } }, provider: 'local', id: 42 } });
    expect(fingerprintOf(state(withExtras))).toBe(fingerprintOf(state()));
  });

  test('field order in what the CMS returned does not matter, the entries\' order does (the CMS lists them by documentId)', () => {
    const reordered = Object.fromEntries(Object.entries(cover).reverse());
    expect(fingerprintOf(state(anArticle({ cover: reordered })))).toBe(fingerprintOf(state()));
    const base = state();
    expect(fingerprintOf({ ...base, entries: [...base.entries].reverse() })).not.toBe(fingerprintOf(base));
  });
});
