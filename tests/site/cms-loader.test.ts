/**
 * The CMS loader's incremental sync (site/src/lib/cms-loader.ts) against a small stand-in CMS on
 * loopback: only new or changed entries are fetched, and an entry whose cached body was lost is
 * fetched again (issue 15: the bodies' folder is read once per sync, not checked file by file).
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { page } from '../../content-types/src/model';
import { cmsLoader, readBody } from '../../site/src/lib/cms-loader';
import { readCollection, syncStore } from '../../site/src/lib/store';
import { toPageRecord } from '../../site/src/lib/records';
import { bodyCacheDir } from '../../site/src/lib/site-env';

const entry = (n: number, updatedAt = '2026-12-01T00:00:00.000Z') => ({ id: n, documentId: `trang${n}`, title: `Trang ${n}`, slug: `trang-${n}`, body: `Nội dung trang **${n}**.`, createdAt: updatedAt, updatedAt, publishedAt: updatedAt, locale: null });
let entries = [entry(1), entry(2), entry(3)];
/** The documentIds each full read asked for. */
const fetched: string[] = [];
let server: Server;
let cache: string;
const env = { ...process.env };

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/api/cong/stamps/pages') return void res.end(JSON.stringify({ stamps: entries.map((e) => [e.documentId, e.updatedAt]) }));
    if (url.pathname === '/api/pages') {
      const ids = [...url.searchParams.entries()].filter(([k]) => k.startsWith('filters[documentId][$in]')).map(([, v]) => v);
      fetched.push(...ids);
      const data = entries.filter((e) => ids.includes(e.documentId));
      return void res.end(JSON.stringify({ data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } }));
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ error: { status: 404 } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cache = mkdtempSync(path.join(tmpdir(), 'cong-loader-'));
  const { port } = server.address() as { port: number };
  Object.assign(process.env, { CONG_ENV_FILE: '/dev/null', CMS_URL: `http://127.0.0.1:${port}`, CMS_TOKEN: 'a'.repeat(64), SITE_URL: 'https://xa.example.vn', SITE_CACHE_DIR: cache });
});

afterAll(async () => {
  process.env = env;
  await new Promise((resolve) => server.close(resolve));
  rmSync(cache, { recursive: true, force: true });
});

const sync = () => syncStore({ pages: cmsLoader({ type: page, toData: toPageRecord, bodyField: 'body' }) }, () => ({ info: () => undefined, warn: () => undefined }));

describe('the CMS loader', () => {
  test('fetches only what is new or changed, and again an entry whose body the cache lost', async () => {
    await sync();
    expect(fetched.sort()).toEqual(['trang1', 'trang2', 'trang3']);
    expect(readCollection('pages').map((e) => e.id)).toEqual(['trang1', 'trang2', 'trang3']);
    fetched.length = 0;
    entries = [entry(1), entry(2, '2026-12-02T00:00:00.000Z'), entry(3)];
    await sync();
    expect(fetched).toEqual(['trang2']);
    // A body file lost (a cache folder cleaned by hand): that entry is fetched again, the others not.
    fetched.length = 0;
    rmSync(path.join(bodyCacheDir(), 'pages', 'trang3.md'));
    await sync();
    expect(fetched).toEqual(['trang3']);
    expect(readBody('pages', 'trang3')).toBe('Nội dung trang **3**.');
    expect(readdirSync(path.join(bodyCacheDir(), 'pages')).sort()).toEqual(['trang1.md', 'trang2.md', 'trang3.md']);
  });
});
