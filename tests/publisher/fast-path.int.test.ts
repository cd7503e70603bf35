/**
 * The fast publish path against a real Strapi (issue 15): publish, edit (title, category, cover),
 * unpublish and delete go live by rendering only the pages they change, and each such release
 * equals, file for file, both the full build that follows it (the consistency build, on the shared
 * cache) and a cold full build of the same content (a cache of its own). Changes that every page
 * shows (an announcement, a link) take the full path and say why; a burst of publishes during a
 * fast publish loses nothing; the search index's delta names what changed.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemoContent } from '../../cms/src/seed/index';
import { illustrationJpeg } from '../../cms/src/seed/demo-media';
import type { Publisher } from '../../scripts/publisher/publisher';
import { currentRelease } from '../../scripts/publisher/releases';
import { pageFile } from '../../scripts/publisher/fast/tree';
import { startCms, type CmsHarness } from '../helpers/cms-harness';
import { waitUntil } from '../helpers/conditions';
import { request } from '../helpers/http';
import { startPublishLoop, type PublishLoop } from '../helpers/publish-loop';
import { createSiteBuild, type SiteBuild } from '../helpers/site-build';

const SECRET = 'test-webhook-secret-fast-0123456789';
/** Below the demo's ~240 pages with a key: a change every page shows takes the full path. */
const FAST_MAX_PAGES = 150;
let cms: CmsHarness;
let loop: PublishLoop;
let publisher: Publisher;
let root: string;
let site: SiteBuild;
let cold = 0;
/** What the publisher logged. */
const logLines: string[] = [];

const articles = () => cms.strapi.documents('api::article.article');
const releaseDir = (name: string) => path.join(root, 'releases', name);

/** Every file of a release's client folder a reader gets, but the search indexes and precompressed copies. */
function readerFiles(client: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(client, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(client, path.join(entry.parentPath, entry.name));
    if (/^pagefind(-delta)?\//.test(relative) || /\.(br|gz)$/.test(relative)) continue;
    files.set(relative, readFileSync(path.join(client, relative)));
  }
  return files;
}

/** The files that differ between two client folders (missing on either side, or other bytes). */
function differences(a: string, b: string): string[] {
  const left = readerFiles(a);
  const right = readerFiles(b);
  const out: string[] = [];
  for (const [file, bytes] of left) {
    const other = right.get(file);
    if (!other) out.push(`only in the first: ${file}`);
    else if (!other.equals(bytes)) out.push(`differs: ${file}`);
  }
  for (const file of right.keys()) if (!left.has(file)) out.push(`only in the second: ${file}`);
  return out.sort();
}

/**
 * Makes `change` in the CMS and waits for it to go live by the fast path; checks that the release
 * equals a cold full build of the same content, that the pages it rendered as changed are exactly
 * the pages whose output differs from the release before (the page-dependency rules: none missed,
 * none rendered for nothing), and that the full build after it equals it too. Returns its plan.
 */
async function fastPublish(change: () => Promise<unknown>): Promise<{ release: string; changed: string[]; removed: string[] }> {
  const before = currentRelease(root)!;
  await change();
  await loop.settle();
  const fast = publisher.lastBuild()!;
  expect(fast.path, `expected the fast path; the publish took the full one: ${fast.why}`).toBe('fast');
  const release = fast.release!;
  expect(release).not.toBe(before);
  // /status says which path the publish took, why, and what it rendered.
  const status = await request(`${publisher.url}/status`);
  expect(status.body.lastBuild).toMatchObject({ release, path: 'fast', why: 'only the pages whose content changed were rendered' });
  expect(status.body.lastBuild.pages.rendered).toBeGreaterThan(0);
  const plan = JSON.parse(readFileSync(path.join(releaseDir(release), 'renderer', 'plan.json'), 'utf8')) as { changed: string[]; removed: string[] };
  // The consistency build: a full build once the portal is idle (on the shared cache), equal to the fast release.
  await waitUntil(() => {
    const last = publisher.lastBuild();
    if (last?.result === 'failure') throw new Error(`the consistency build failed: ${last.error}`);
    return (last?.release !== release && last?.path === 'full' && last.result === 'success') || 'the consistency build has not run yet';
  }, { timeoutMs: 120_000, what: 'the full build after the fast publish' });
  expect(publisher.lastBuild()!.why).toBe('a consistency build after fast publishes');
  const consistency = publisher.lastBuild()!.release!;
  keep(release, consistency);
  expect(differences(path.join(releaseDir(release), 'client'), path.join(releaseDir(consistency), 'client'))).toEqual([]);
  // A cold full build of the same content (its own cache): the reference.
  cold += 1;
  await site.build({ out: `cold-${cold}`, cache: `cold-cache-${cold}` });
  const reference = path.join(site.work, `cold-${cold}`);
  expect(differences(path.join(releaseDir(release), 'client'), path.join(reference, 'client'))).toEqual([]);
  // The pages with a key whose output differs from the release the fast path started from (the one
  // before it: a burst may have made several): exactly what it rendered as changed.
  const releases = readdirSync(path.join(root, 'releases')).filter((n) => !n.startsWith('.')).sort();
  const from = releases[releases.indexOf(release) - 1]!;
  const keyed = (JSON.parse(readFileSync(path.join(reference, 'renderer', 'pages.json'), 'utf8')) as Array<[string, string, string | null]>).filter(([, , key]) => key !== null);
  const differing = keyed
    .filter(([pathname, component]) => {
      const file = pageFile(pathname, /\.(ts|js)$/.test(component) ? 'endpoint' : 'page');
      const old = path.join(releaseDir(from), 'client', file);
      return !existsSync(old) || !readFileSync(old).equals(readFileSync(path.join(reference, 'client', file)));
    })
    .map(([pathname]) => pathname);
  expect([...plan.changed].sort()).toEqual(differing.sort());
  rmSync(reference, { recursive: true, force: true });
  rmSync(path.join(site.work, `cold-cache-${cold}`), { recursive: true, force: true });
  kept.length = 0;
  return { release, ...plan };
}

/** The pages with a cache key of a release that show `text` (HTML, CSV or JSON). */
function keyedPagesShowing(release: string, text: string): string[] {
  const pages = JSON.parse(readFileSync(path.join(releaseDir(release), 'renderer', 'pages.json'), 'utf8')) as Array<[string, string, string | null]>;
  return pages
    .filter(([pathname, component, key]) => {
      if (key === null) return false;
      const file = path.join(releaseDir(release), 'client', pageFile(pathname, /\.(ts|js)$/.test(component) ? 'endpoint' : 'page'));
      return existsSync(file) && readFileSync(file, 'utf8').includes(text);
    })
    .map(([pathname]) => pathname)
    .sort();
}

/** The releases of the check running now: a failed one leaves them for a person (CONG_KEEP_FAILED=1, afterAll). */
const kept: string[] = [];
function keep(...releases: string[]): void {
  kept.splice(0, kept.length, ...releases);
}

async function uploadJpeg(name: string, seed: number): Promise<{ id: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cong-media-'));
  try {
    const filepath = path.join(dir, name);
    writeFileSync(filepath, await illustrationJpeg(seed));
    const upload = cms.strapi.plugin('upload').service('upload') as { upload(input: unknown): Promise<Array<{ id: number }>> };
    return (await upload.upload({ data: { fileInfo: { name, alternativeText: 'Ảnh minh họa buổi lễ' } }, files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size: statSync(filepath).size } }))[0]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  cms = await startCms('sqlite');
  await seedDemoContent(cms.strapi, { log: () => undefined });
  loop = await startPublishLoop(cms, 'fast', { secret: SECRET, keep: 10, quietMs: 500, fastMaxPages: FAST_MAX_PAGES, fullAfter: { mode: 'idle', idleMs: 4000 }, log: (m) => logLines.push(m) });
  ({ publisher, root } = loop);
  site = createSiteBuild(cms, 'fast-reference');
  // The first release is a full build (nothing was live): it keeps its compiled pages for the fast path.
  expect(publisher.lastBuild()).toMatchObject({ result: 'success', path: 'full', why: 'no live release yet' });
  expect(existsSync(path.join(root, 'current', 'renderer', 'renderer.json'))).toBe(true);
}, 240_000);

afterAll(async () => {
  // CONG_KEEP_FAILED=1: the releases and the reference build of a failed check, copied for a person to compare.
  if (process.env.CONG_KEEP_FAILED === '1' && kept.length > 0) {
    cpSync(root, path.join(tmpdir(), 'cong-kept', 'releases'), { recursive: true, verbatimSymlinks: true });
    cpSync(site.work, path.join(tmpdir(), 'cong-kept', 'reference'), { recursive: true });
  }
  await loop?.close();
  site?.dispose();
  await cms?.close();
});

/** The pids of the portal's fast-path workers that loaded compiled pages (each links them into the cache: fast/protocol.ts). */
const loadedWorkers = () => {
  const dir = path.join(root, 'cache', 'fast-worker');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('the fast path, type by type', () => {
  let slug = '';
  let documentId = '';

  test('a full build leaves the portal\'s worker ready: it loads the new release\'s pages before any publish, and the next publish is its job', async () => {
    // Only the warm-up can have loaded pages: no fast publish has run yet.
    await waitUntil(() => loadedWorkers().length === 1 || 'no worker has loaded the live release\'s pages', { timeoutMs: 60_000, what: 'the warm-up after the first full build' });
    const [ready] = loadedWorkers();
    expect(() => process.kill(Number(ready), 0)).not.toThrow();
    // The processes that publish (build.pid: the fast path's worker, or astro build), as the publish runs.
    const seen = new Set<string>();
    const watch = setInterval(() => {
      const file = path.join(root, 'build.pid');
      if (existsSync(file)) seen.add(readFileSync(file, 'utf8').trim());
    }, 10);
    try {
      await fastPublish(() => articles().create({ data: { title: 'Thôn Đông họp bàn làm đường giao thông nông thôn', body: 'Nhân dân góp **ngày công** làm đường.' } as never, status: 'published' }));
    } finally {
      clearInterval(watch);
    }
    expect(seen).toContain(ready);
    // After the consistency build, one worker has the live release's pages (the same one when its compiled pages came out the same).
    await waitUntil(() => loadedWorkers().length === 1 || 'no worker has the consistency build\'s pages', { timeoutMs: 60_000, what: 'the warm-up after the consistency build' });
  }, 240_000);

  test('article: a new one goes live rendering only what shows it, says so in /status, and equals the full builds', async () => {
    const { release, changed } = await fastPublish(async () => {
      ({ slug, documentId } = (await articles().create({ data: { title: 'Xã Tân Hòa khánh thành nhà văn hóa thôn Đông', body: 'Nhà văn hóa mới có **300 chỗ ngồi**.' } as never, status: 'published' })) as unknown as { documentId: string; slug: string });
    });
    expect(readFileSync(path.join(releaseDir(release), 'client', 'tin-tuc', slug, 'index.html'), 'utf8')).toContain('Xã Tân Hòa khánh thành nhà văn hóa thôn Đông');
    expect(changed).toContain(`/tin-tuc/${slug}/`);
    // Only a part of the portal was rendered: the archive pages of the news list kept their articles.
    const total = JSON.parse(readFileSync(path.join(releaseDir(release), 'renderer', 'pages.json'), 'utf8')).length as number;
    expect(changed.length).toBeLessThan(total / 10);
  }, 240_000);

  test('article: a title edit re-renders exactly the pages that show the article', async () => {
    const showing = keyedPagesShowing(currentRelease(root)!, 'Xã Tân Hòa khánh thành nhà văn hóa thôn Đông');
    const { changed } = await fastPublish(async () => {
      await articles().update({ documentId, data: { title: 'Xã Tân Hòa khánh thành nhà văn hóa thôn Đông mới' } as never });
      await articles().publish({ documentId });
    });
    expect(changed.sort()).toEqual(showing);
  }, 240_000);

  test('article: editing an old one keeps its date and its place: only the pages that show it change', async () => {
    // Strapi sets publishedAt anew on every publish: without firstPublishedAt (cms/config/features.ts) the
    // article would become the newest, move to the top of every list and shift every archive page between.
    const old = ((await articles().findMany({ status: 'published', sort: 'publishedAt:asc', limit: 40 })) as unknown as Array<{ documentId: string; title: string; slug: string; publishedAt: string; firstPublishedAt: string }>)[30]!;
    const showing = keyedPagesShowing(currentRelease(root)!, old.title);
    const page = () => readFileSync(path.join(root, 'current', 'client', 'tin-tuc', old.slug, 'index.html'), 'utf8');
    const dateShown = /<time[^>]*datetime="([^"]+)"/.exec(page())?.[1];
    expect(dateShown).toBeTruthy();
    const { changed } = await fastPublish(async () => {
      await articles().update({ documentId: old.documentId, data: { title: `${old.title} (đã sửa)` } as never });
      await articles().publish({ documentId: old.documentId });
    });
    expect(changed.sort()).toEqual(showing);
    const after = (await articles().findOne({ documentId: old.documentId, status: 'published' })) as unknown as { publishedAt: string; firstPublishedAt: string };
    expect(after.publishedAt).not.toBe(old.publishedAt);
    expect(after.firstPublishedAt).toBe(old.firstPublishedAt);
    expect(page()).toContain(`(đã sửa)`);
    expect(/<time[^>]*datetime="([^"]+)"/.exec(page())?.[1]).toBe(dateShown);
  }, 240_000);

  test('article: moving it to another category updates both categories\' lists', async () => {
    const categories = (await cms.strapi.documents('api::category.category').findMany({})) as unknown as Array<{ documentId: string; slug: string }>;
    const target = categories[categories.length - 1]!;
    const { release, changed } = await fastPublish(async () => {
      await articles().update({ documentId, data: { category: target.documentId } as never });
      await articles().publish({ documentId });
    });
    expect(changed.some((p) => p.startsWith(`/chuyen-muc/${target.slug}`))).toBe(true);
    expect(readFileSync(path.join(releaseDir(release), 'client', 'chuyen-muc', target.slug, 'index.html'), 'utf8')).toContain(`/tin-tuc/${slug}/`);
  }, 240_000);

  test('article: a cover image; the picture files are made and named by the new pages', async () => {
    const { release } = await fastPublish(async () => {
      const file = await uploadJpeg('khanh-thanh.jpg', 7);
      await articles().update({ documentId, data: { cover: file.id, coverAlt: 'Lễ khánh thành nhà văn hóa' } as never });
      await articles().publish({ documentId });
    });
    const html = readFileSync(path.join(releaseDir(release), 'client', 'tin-tuc', slug, 'index.html'), 'utf8');
    const pictures = [...html.matchAll(/\/_astro\/(khanh_thanh[A-Za-z0-9_-]*\.(?:webp|jpg))/g)].map((m) => m[1]!);
    expect(pictures.length).toBeGreaterThan(0);
    for (const picture of pictures) expect(existsSync(path.join(releaseDir(release), 'client', '_astro', picture)), picture).toBe(true);
  }, 240_000);

  test('comment approval: the article\'s page shows it', async () => {
    const { changed } = await fastPublish(async () => {
      const comment = (await cms.strapi.documents('api::comment.comment').create({ data: { name: 'Nguyễn Văn Bình', content: 'Nhà văn hóa rất đẹp, cảm ơn xã.', article: documentId } as never })) as unknown as { documentId: string };
      await cms.strapi.documents('api::comment.comment').publish({ documentId: comment.documentId });
    });
    expect(changed).toEqual([`/tin-tuc/${slug}/`]);
  }, 240_000);

  test('category: a new description changes its own pages', async () => {
    const category = ((await cms.strapi.documents('api::category.category').findMany({})) as unknown as Array<{ documentId: string; slug: string }>)[0]!;
    const { changed } = await fastPublish(async () => {
      await cms.strapi.documents('api::category.category').update({ documentId: category.documentId, data: { description: 'Tin về các hoạt động của chính quyền xã.' } as never });
    });
    expect(changed).toContain(`/chuyen-muc/${category.slug}/`);
  }, 240_000);

  test('page (trang tĩnh): an edit changes its own page', async () => {
    const page = ((await cms.strapi.documents('api::page.page').findMany({ status: 'published' })) as unknown as Array<{ documentId: string; slug: string }>)[0]!;
    const { changed } = await fastPublish(async () => {
      await cms.strapi.documents('api::page.page').update({ documentId: page.documentId, data: { body: 'Nội dung giới thiệu đã cập nhật.' } as never });
      await cms.strapi.documents('api::page.page').publish({ documentId: page.documentId });
    });
    expect(changed).toContain(`/${page.slug}/`);
  }, 240_000);

  test('article: unpublishing removes the page and takes it out of the lists and search', async () => {
    const { release, removed } = await fastPublish(() => articles().unpublish({ documentId }));
    expect(removed).toEqual([`/tin-tuc/${slug}/`]);
    expect(existsSync(path.join(releaseDir(release), 'client', 'tin-tuc', slug))).toBe(false);
    const stale = JSON.parse(readFileSync(path.join(releaseDir(release), 'client', 'pagefind-delta', 'stale.json'), 'utf8')) as { stale: string[] };
    expect(stale.stale).toContain(`/tin-tuc/${slug}/`);
    // The full build after it has a complete index again and an empty delta.
    expect(JSON.parse(readFileSync(path.join(root, 'current', 'client', 'pagefind-delta', 'stale.json'), 'utf8'))).toEqual({ stale: [], delta: false });
  }, 240_000);

  test('article: deleting a published one removes its page', async () => {
    let doc = { documentId: '', slug: '' };
    await fastPublish(async () => {
      doc = (await articles().create({ data: { title: 'Tin sẽ bị xóa khỏi cổng', body: 'Nội dung tạm.' } as never, status: 'published' })) as unknown as typeof doc;
    });
    const { release, removed } = await fastPublish(() => articles().delete({ documentId: doc.documentId }));
    expect(removed).toContain(`/tin-tuc/${doc.slug}/`);
    expect(existsSync(path.join(releaseDir(release), 'client', 'tin-tuc', doc.slug))).toBe(false);
  }, 240_000);

  test('search: the delta holds a new page, marked as the fresh one', async () => {
    let doc = { slug: '' };
    const { release } = await fastPublish(async () => {
      doc = (await articles().create({ data: { title: 'Lễ hội đua thuyền truyền thống xã Tân Hòa', body: 'Mười hai đội thuyền rồng tranh tài trên sông.' } as never, status: 'published' })) as unknown as typeof doc;
    });
    const delta = path.join(releaseDir(release), 'client', 'pagefind-delta');
    expect(JSON.parse(readFileSync(path.join(delta, 'stale.json'), 'utf8'))).toMatchObject({ delta: true });
    expect(existsSync(path.join(delta, 'pagefind.js'))).toBe(true);
    const state = JSON.parse(readFileSync(path.join(releaseDir(release), 'renderer', 'search-delta.json'), 'utf8')) as { pages: string[] };
    expect(state.pages).toContain(`/tin-tuc/${doc.slug}/`);
  }, 240_000);
});

describe('changes every page shows take the full path and say why', () => {
  const everyPage = async (change: () => Promise<unknown>) => {
    await change();
    await loop.settle();
    const last = publisher.lastBuild()!;
    expect(last.path).toBe('full');
    expect(last.why).toMatch(/^every page changes \(\d+\): what every page shows/);
  };

  test('announcement: a new one is in the sidebar of every page', () =>
    everyPage(() => cms.strapi.documents('api::announcement.announcement').create({ data: { title: 'Thông báo lịch tiếp công dân tháng 12', body: 'Tiếp công dân vào thứ Năm hằng tuần.' } as never, status: 'published' })), 240_000);

  test('link: a new one is in the links box of every page', () =>
    everyPage(() => cms.strapi.documents('api::link.link').create({ data: { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn/' } as never, status: 'published' })), 240_000);

  test('site settings: the portal\'s hotline is in every page\'s footer', async () => {
    const portal = ((await cms.strapi.documents('api::portal.portal').findMany({})) as unknown as Array<{ documentId: string }>)[0]!;
    await everyPage(() => cms.strapi.documents('api::portal.portal').update({ documentId: portal.documentId, data: { hotline: '0239 3888 999' } as never }));
  }, 240_000);
});

describe('bursts', () => {
  test('publishes during a fast publish are all published by the next one, and the result equals the full builds', async () => {
    let first = { slug: '' };
    const more: string[] = [];
    const { release } = await fastPublish(async () => {
      first = (await articles().create({ data: { title: 'Tin đầu của loạt đăng', body: 'Nội dung.' } as never, status: 'published' })) as unknown as typeof first;
      await waitUntil(() => publisher.queue.status().building || 'the fast publish has not started', { timeoutMs: 30_000, what: 'a publish running' });
      for (let i = 1; i <= 5; i += 1) more.push(((await articles().create({ data: { title: `Tin thứ ${i + 1} đăng trong lúc dựng`, body: 'Nội dung.' } as never, status: 'published' })) as unknown as { slug: string }).slug);
    });
    for (const s of [first.slug, ...more]) expect(existsSync(path.join(releaseDir(release), 'client', 'tin-tuc', s, 'index.html')), s).toBe(true);
  }, 240_000);

  test('a publish during the consistency build stops it: the publish goes live by the fast path at once, the full build runs again after it and equals it', async () => {
    await articles().create({ data: { title: 'Hội nghị tổng kết công tác dân vận năm 2026', body: 'Nội dung.' } as never, status: 'published' });
    await loop.settle();
    expect(publisher.lastBuild()!.path).toBe('fast');
    // The consistency build (the portal is idle) has started its astro build.
    const pidFile = path.join(root, 'build.pid');
    await waitUntil(() => (publisher.lastBuild()?.result === 'running' && existsSync(pidFile)) || 'the consistency build\'s astro build has not started', { timeoutMs: 60_000, what: 'the consistency build' });
    const astro = Number(readFileSync(pidFile, 'utf8'));
    const from = logLines.length;
    const { release } = await fastPublish(() => articles().create({ data: { title: 'Thông tin đăng trong lúc dựng lại toàn bộ cổng', body: 'Nội dung.' } as never, status: 'published' }));
    expect(logLines.slice(from).join('\n')).toMatch(/consistency build stopped after [\d.]+ s: a publish came in/);
    expect(() => process.kill(astro, 0)).toThrow();
    expect(readFileSync(path.join(releaseDir(release), 'client', 'tin-tuc', 'index.html'), 'utf8')).toContain('Thông tin đăng trong lúc dựng lại toàn bộ cổng');
  }, 300_000);
});
