import { describe, expect, test } from 'vitest';
import { announcement, article, link } from '../../content-types/src/model';
import { fetchStamps, stampQuery, toStamp } from '../../content-types/src/stamp';

describe('stamps (issue 10 finding 12)', () => {
  const cover = { id: 3, url: '/uploads/a_1.jpg', hash: 'a_1', name: 'a.jpg', alternativeText: 'Mô tả cũ', caption: null, mime: 'image/jpeg', size: 10.5, width: 1200, height: 675, updatedAt: '2026-11-01T00:00:00.000Z' };
  const entry = { documentId: 'a1', updatedAt: '2026-11-02T00:00:00.000Z', cover };

  test("an entry's version changes with the entry and with any file it shows", () => {
    const base = toStamp(article, entry);
    expect(base.documentId).toBe('a1');
    expect(toStamp(article, structuredClone(entry)).version).toBe(base.version);
    const changes = [{ alternativeText: 'Mô tả mới' }, { caption: 'Chú thích' }, { name: 'b.jpg' }, { url: '/uploads/b_2.jpg' }, { hash: 'b_2' }, { size: 11 }, { width: 800 }, { updatedAt: '2026-11-05T00:00:00.000Z' }];
    for (const change of changes) expect(toStamp(article, { ...entry, cover: { ...cover, ...change } }).version, JSON.stringify(change)).not.toBe(base.version);
    expect(toStamp(article, { ...entry, cover: null }).version).not.toBe(base.version);
    expect(toStamp(article, { ...entry, updatedAt: '2026-11-03T00:00:00.000Z' }).version).not.toBe(base.version);
    expect(toStamp(announcement, { documentId: 'n', updatedAt: 't', attachments: [cover] }).version).not.toBe(toStamp(announcement, { documentId: 'n', updatedAt: 't', attachments: [cover, { ...cover, id: 4 }] }).version);
  });

  test("an article's version changes when its category changes (issue 11, item 2)", () => {
    const withCategory = { ...entry, category: { documentId: 'c1', updatedAt: '2026-11-01T00:00:00.000Z' } };
    const base = toStamp(article, withCategory);
    expect(toStamp(article, structuredClone(withCategory)).version).toBe(base.version);
    expect(toStamp(article, { ...withCategory, category: { documentId: 'c1', updatedAt: '2026-11-09T00:00:00.000Z' } }).version).not.toBe(base.version);
    expect(toStamp(article, { ...withCategory, category: null }).version).not.toBe(base.version);
    expect(stampQuery(article)['populate[category][fields][0]']).toBe('updatedAt');
  });

  test('a type without media keeps its updatedAt as the version', () => {
    expect(toStamp(link, { documentId: 'l', updatedAt: 't' })).toEqual({ documentId: 'l', version: 't' });
    expect(stampQuery(link)).toEqual({ 'fields[0]': 'updatedAt' });
  });

  test('the stamp query asks for what the pages show of each file', () => {
    const query = stampQuery(announcement);
    expect(query['fields[0]']).toBe('updatedAt');
    const fields = Object.entries(query).filter(([key]) => key.startsWith('populate[attachments][fields]')).map(([, value]) => value);
    expect(fields).toEqual(expect.arrayContaining(['url', 'hash', 'name', 'alternativeText', 'caption', 'size', 'updatedAt']));
  });
});

describe('fetchStamps: what the publisher and the content sync read of each type (issue 15)', () => {
  const cover = { url: '/uploads/a_1.jpg', hash: 'a_1', name: 'a.jpg', alternativeText: null, caption: null, mime: 'image/jpeg', size: 1, width: 10, height: 10, updatedAt: 't0' };
  const entries = [
    { documentId: 'b2', updatedAt: 't2', cover: null, category: null },
    { documentId: 'a1', updatedAt: 't1', cover, category: { updatedAt: 'c1' } },
  ];
  const client = (answer: (path: string) => unknown) => ({
    getJson: async (path: string) => answer(path),
    getAll: async () => entries,
  });
  const expected = [toStamp(article, entries[1]!), toStamp(article, entries[0]!)];

  test("the CMS's stamps route answers the stamps themselves, ordered by documentId", async () => {
    const stamps = await fetchStamps(client(() => ({ stamps: expected.map((s) => [s.documentId, s.version]).reverse() })), article);
    expect(stamps).toEqual(expected);
  });

  test('a CMS whose route answers entries (the release before), or has no route (404: the REST API), gives the same stamps', async () => {
    expect(await fetchStamps(client(() => ({ data: entries })), article)).toEqual(expected);
    expect(await fetchStamps(client(() => { throw new Error('GET /api/cong/stamps/articles: 404 Not Found'); }), article)).toEqual(expected);
  });
});
