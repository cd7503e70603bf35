/**
 * The benchmark's documents part (`npm run bench -- --documents N`): seeding to N published
 * documents (văn bản), site builds at that volume (cold, nothing changed, one document edited),
 * and the size of the list page's search index (/van-ban/chi-muc.json) a reader downloads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { rootDir } from '../lib/cms.ts';
import { adminHeaders, measure, startCms } from './cms.ts';
import { guarded, type Bench } from './context.ts';
import { benchSiteBuild } from './site-build.ts';

/** Edits and republishes one document through the admin API, as an editor would. */
async function editOneDocument(bench: Bench): Promise<void> {
  const headers = await adminHeaders(bench);
  const api = `${bench.url}/content-manager/collection-types/api::legal-document.legal-document`;
  const ok = async (res: Response) => {
    if (!res.ok) throw new Error(`the admin API answered ${res.status} to ${res.url}: ${(await res.text()).slice(0, 120)}`);
    return res;
  };
  const list = (await (await ok(await fetch(`${api}?page=2&pageSize=10&sort=id:ASC`, { headers }))).json()) as { results: Array<{ documentId: string; abstract: string }> };
  const doc = list.results[0]!;
  await ok(await fetch(`${api}/${doc.documentId}`, { method: 'PUT', headers, body: JSON.stringify({ abstract: `${doc.abstract} (đã sửa)` }) }));
  await ok(await fetch(`${api}/${doc.documentId}/actions/publish`, { method: 'POST', headers, body: '{}' }));
}

/** Seeds to `documents` published documents and measures the builds at that volume. */
export async function benchDocuments(bench: Bench, documents: number): Promise<void> {
  const { rows, env, url } = bench;
  const n = documents.toLocaleString('en');
  const seed = await measure(['--import', 'tsx', 'scripts/seed.ts', '--one-portal', '--documents', String(documents)], env, rootDir);
  rows.push([`Seed to ${n} published documents (SQLite)`, `${seed.seconds.toFixed(1)} s`, `${(documents / seed.seconds).toFixed(0)} documents/s (demo included), peak ${seed.peakMb.toFixed(0)} MB`]);
  const stop = await startCms(env, url);
  try {
    const out = await benchSiteBuild(bench, `Site build, ${n} documents (cold)`, 'cache-documents');
    const index = readFileSync(path.join(out, 'client', 'van-ban', 'chi-muc.json'));
    rows.push([`Document search index, ${n} documents`, '-', `${(index.length / 1024).toFixed(0)} KB, ${(gzipSync(index).length / 1024).toFixed(0)} KB gzip (loaded at the first search or filter)`]);
    await benchSiteBuild(bench, `Site build, ${n} documents (nothing changed)`, 'cache-documents');
    await guarded(rows, `Site build, ${n} documents (one document edited)`, async () => {
      await editOneDocument(bench);
      await benchSiteBuild(bench, `Site build, ${n} documents (one document edited)`, 'cache-documents');
    });
  } finally {
    await stop();
  }
}
