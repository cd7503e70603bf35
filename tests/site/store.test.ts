/**
 * The content store outside Astro's bundle (issue 15, site/src/lib/store.ts) and the picture files
 * named by rendering (site/src/lib/image-files.ts): what a loader leaves is what pages read, a
 * store of another format is loaded again from nothing, a failing loader fails the sync, and a
 * picture's file name depends only on what it is made from.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readCollection, syncStore, type StoreLoader } from '../../site/src/lib/store';
import { imageFile, namedImageFiles } from '../../site/src/lib/image-files';
import { storeDir } from '../../site/src/lib/site-env';

let cache: string;
const quiet = () => ({ info: () => undefined, warn: () => undefined });

beforeEach(() => {
  cache = mkdtempSync(path.join(tmpdir(), 'cong-store-'));
  process.env.SITE_CACHE_DIR = cache;
});
afterEach(() => {
  delete process.env.SITE_CACHE_DIR;
  rmSync(cache, { recursive: true, force: true });
});

/** A loader that adds `add`, deletes `remove` and counts its syncs in its meta. */
const loader = (add: Record<string, object>, remove: string[] = []): StoreLoader => ({
  name: 'test-loader',
  async load({ store, meta }) {
    for (const [id, data] of Object.entries(add)) store.set({ id, data: data as Record<string, unknown> });
    for (const id of remove) store.delete(id);
    meta.set('syncs', String(Number(meta.get('syncs') ?? '0') + 1));
  },
});

describe('the content store', () => {
  test('pages read what the loaders left, and a later sync starts from it (entries and notes kept)', async () => {
    await syncStore({ articles: loader({ a: { title: 'Tin A' }, b: { title: 'Tin B' } }) }, quiet);
    expect(readCollection('articles')).toEqual([{ id: 'a', data: { title: 'Tin A' } }, { id: 'b', data: { title: 'Tin B' } }]);
    let seen: string | undefined;
    await syncStore({ articles: { name: 'x', load: async ({ store, meta }) => { seen = meta.get('syncs'); store.delete('a'); store.set({ id: 'c', data: { title: 'Tin C' } }); } } }, quiet);
    expect(seen).toBe('1');
    expect(readCollection('articles').map((e) => e.id)).toEqual(['b', 'c']);
    // Kept in the order of the ids, however they were synced: a sync of the changes leaves what a full sync leaves.
    await syncStore({ articles: loader({ a: { title: 'Tin A' } }) }, quiet);
    expect(readCollection('articles').map((e) => e.id)).toEqual(['a', 'b', 'c']);
    // Written whole by a rename: no temporary file stays behind.
    expect(readdirSync(storeDir())).toEqual(['articles.json']);
  });

  test('a sync that changes nothing leaves the file as it is; a file replaced on disk is read again', async () => {
    const file = () => path.join(storeDir(), 'links.json');
    await syncStore({ links: loader({ a: { title: 'Liên kết A' } }) }, quiet);
    const first = statSync(file()).ino;
    await syncStore({ links: { name: 'x', load: async ({ store, meta }) => {
      meta.set('syncs', meta.get('syncs')!); // the same value again
      store.keys();
    } } }, quiet);
    expect(statSync(file()).ino).toBe(first); // nothing set, deleted or changed: not rewritten
    await syncStore({ links: { name: 'x', load: async ({ meta }) => meta.set('cursor', 'next') } }, quiet);
    expect(statSync(file()).ino).not.toBe(first); // a note changed: rewritten
    // Another process (a full build) replaces the file: this one reads the new content, not what it remembers.
    writeFileSync(file(), JSON.stringify({ format: 1, meta: {}, entries: [['z', { title: 'Liên kết Z' }]] }));
    expect(readCollection('links')).toEqual([{ id: 'z', data: { title: 'Liên kết Z' } }]);
  });

  test('the file is the JSON of what the sync left: entries it kept are written as they were, the one it replaced anew', async () => {
    const file = path.join(storeDir(), 'articles.json');
    await syncStore({ articles: loader({ a: { title: 'Tin "A"', tags: ['x'] }, b: { title: 'Tin B' } }) }, quiet);
    await syncStore({ articles: loader({ b: { title: 'Tin B đã sửa', n: 2 } }) }, quiet);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    expect(JSON.parse(text)).toEqual({ format: 1, meta: { syncs: '2' }, entries: [['a', { title: 'Tin "A"', tags: ['x'] }], ['b', { title: 'Tin B đã sửa', n: 2 }]] });
    // An entry set again under the same id with its new content: never its old text.
    await syncStore({ articles: { name: 'x', load: async ({ store }) => store.set({ id: 'a', data: { ...store.get('a')!.data, title: 'Tin A mới' } }) } }, quiet);
    expect(readCollection('articles')[0]).toEqual({ id: 'a', data: { title: 'Tin A mới', tags: ['x'] } });
    expect(JSON.parse(readFileSync(file, 'utf8')).entries[0]).toEqual(['a', { title: 'Tin A mới', tags: ['x'] }]);
  });

  test('a large collection (more parts than one writev takes) is written whole, byte for byte its JSON', async () => {
    const file = path.join(storeDir(), 'articles.json');
    const many = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`bai-${String(i).padStart(4, '0')}`, { title: `Tin số ${i}: Ủy ban nhân dân xã`, n: i }]));
    await syncStore({ articles: loader(many) }, quiet);
    await syncStore({ articles: loader({ 'bai-1500': { title: 'Tin đã sửa' } }, ['bai-0007']) }, quiet);
    const text = readFileSync(file, 'utf8');
    const parsed = JSON.parse(text) as { entries: Array<[string, unknown]> };
    expect(text).toBe(JSON.stringify(parsed));
    expect(parsed.entries).toHaveLength(2999);
    expect(parsed.entries.find(([id]) => id === 'bai-1500')![1]).toEqual({ title: 'Tin đã sửa' });
    expect(readCollection('articles')).toEqual(parsed.entries.map(([id, data]) => ({ id, data })));
  });

  test('a collection never synced is an error that says to build with the CMS reachable', () => {
    expect(() => readCollection('links')).toThrow(/no collection "links".*astro build syncs first/);
  });

  test('a store of another format is loaded again from nothing', async () => {
    await syncStore({ links: loader({ old: { title: 'cũ' } }) }, quiet);
    writeFileSync(path.join(storeDir(), 'links.json'), JSON.stringify({ format: 0, meta: { syncs: '9' }, entries: [['old', {}]] }));
    let seen: string | undefined = 'unset';
    await syncStore({ links: { name: 'x', load: async ({ store, meta }) => { seen = meta.get('syncs'); expect(store.keys()).toEqual([]); } } }, quiet);
    expect(seen).toBeUndefined();
  });

  test('one failing loader fails the sync, after the others saved theirs', async () => {
    const failing: StoreLoader = { name: 'bad', load: async () => { throw new Error('CMS answered 500'); } };
    await expect(syncStore({ articles: loader({ a: { title: 'A' } }), links: failing }, quiet)).rejects.toThrow('CMS answered 500');
    expect(readCollection('articles')).toHaveLength(1);
  });
});

describe('picture file names', () => {
  const source = 'http://127.0.0.1:1337/uploads/le_khanh_thanh_ab12.jpg?v=2026-12-01T10%3A00%3A00.000Z';

  test('the same picture, width and format always give the same name; any of them changed, another', () => {
    const name = imageFile({ src: source, width: 640, format: 'webp' });
    expect(name).toMatch(/^\/_astro\/le_khanh_thanh_ab12_[A-Za-z0-9_-]{10}\.webp$/);
    expect(imageFile({ src: source, width: 640, format: 'webp' })).toBe(name);
    expect(imageFile({ src: source, width: 960, format: 'webp' })).not.toBe(name);
    expect(imageFile({ src: source, width: 640, format: 'jpg' })).not.toBe(name.replace('.webp', '.jpg'));
    expect(imageFile({ src: source.replace('10%3A00', '11%3A00'), width: 640, format: 'webp' })).not.toBe(name);
  });

  test('a page\'s picture files are found by name; Astro\'s own assets are left alone', () => {
    const name = imageFile({ src: source, width: 400, format: 'jpg' }).replace('/_astro/', '');
    const html = `<img srcset="/_astro/${name} 400w"><link href="/_astro/be-vietnam-pro-latin-400-normal.PpnXBOrz.woff2">`;
    expect(namedImageFiles(html, (n) => n === name)).toEqual([name]);
    expect(namedImageFiles(html, () => false)).toEqual([]);
  });
});
