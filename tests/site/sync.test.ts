import { describe, expect, test } from 'vitest';
import { link } from '../../content-types/src/model';
import { ContentError, planSync, validateEntries } from '../../site/src/lib/sync';

describe('planSync', () => {
  test('fetches changed and new entries, drops unpublished or deleted ones, keeps the rest', () => {
    const previous = new Map([
      ['a', '2026-11-01T00:00:00.000Z'],
      ['b', '2026-11-02T00:00:00.000Z'],
      ['c', '2026-11-03T00:00:00.000Z'],
    ]);
    const plan = planSync(previous, [
      { documentId: 'a', version: '2026-11-01T00:00:00.000Z' },
      { documentId: 'b', version: '2026-11-20T00:00:00.000Z' },
      { documentId: 'd', version: '2026-11-21T00:00:00.000Z' },
    ]);
    expect(plan).toEqual({ keep: ['a'], fetch: ['b', 'd'], remove: ['c'] });
  });

  test('fetches everything on the first build', () => {
    expect(planSync(new Map(), [{ documentId: 'x', version: 't' }])).toEqual({ keep: [], fetch: ['x'], remove: [] });
  });
});

describe('validateEntries', () => {
  const base = { id: 1, createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', publishedAt: '2026-11-01T00:00:00Z' };

  test('returns typed entries when all are valid', () => {
    const [entry] = validateEntries(link, [{ ...base, documentId: 'l1', title: 'Chính phủ', url: 'https://chinhphu.vn', group: 'Trung ương', order: 1 }]);
    expect(entry?.group).toBe('Trung ương');
  });

  test('names the type, the documentId and the field of a bad entry', () => {
    const run = () => validateEntries(link, [{ ...base, documentId: 'bad1', title: 'Lỗi', url: 'javascript:alert(1)', group: 'Trung ương', order: 1 }]);
    expect(run).toThrow(ContentError);
    expect(run).toThrow('Liên kết website (link) documentId=bad1: field "url" must be an http:// or https:// address');
  });
});
