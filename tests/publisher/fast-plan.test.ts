/**
 * The fast path's pure parts (issue 15): which pages a publish renders from their cache keys, when
 * it must be a full build, where Astro writes each page, the hard-linked release copy, and when
 * the nightly consistency build runs.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { fullBuildReason, planPages } from '../../scripts/publisher/fast/plan';
import { linkRelease, linkTree, pageFile, pagePath, removePage } from '../../scripts/publisher/fast/tree';
import { msUntilVietnamHour } from '../../scripts/publisher/portal';
import { precompress } from '../../scripts/publisher/precompress';
import type { PageRecordEntry } from '../../site/src/lib/renderer-format';

const page = (pathname: string, key: string | null, component = 'src/pages/tin-tuc/[slug].astro'): PageRecordEntry => [pathname, component, key];

describe('planPages', () => {
  const live = [page('/tin-tuc/a', 'k1'), page('/tin-tuc/b', 'k2'), page('/tin-tuc/c', 'k3'), page('/', null, 'src/pages/index.astro'), page('/rss.xml', null, 'src/pages/rss.xml.ts'), page('/du-lieu-mo/tin-tuc.csv', 'd1', 'src/pages/du-lieu-mo/[dataset].csv.ts')];

  test('renders the pages whose key changed, the new ones and every page without a key; lists the removed ones', () => {
    const now = [page('/tin-tuc/a', 'k1'), page('/tin-tuc/b', 'k2-changed'), page('/tin-tuc/d', 'k4'), page('/', null, 'src/pages/index.astro'), page('/rss.xml', null, 'src/pages/rss.xml.ts'), page('/du-lieu-mo/tin-tuc.csv', 'd2', 'src/pages/du-lieu-mo/[dataset].csv.ts')];
    const plan = planPages(live, now);
    expect(plan.render.sort()).toEqual(['/', '/du-lieu-mo/tin-tuc.csv', '/rss.xml', '/tin-tuc/b', '/tin-tuc/d']);
    expect(plan.removed).toEqual(['/tin-tuc/c']);
    expect(plan.changed).toBe(3);
    expect(plan.changedPaths.sort()).toEqual(['/du-lieu-mo/tin-tuc.csv', '/tin-tuc/b', '/tin-tuc/d']);
    expect(plan).toMatchObject({ keyed: 4, framed: 3, framedChanged: 2 });
  });

  test('nothing changed: only the pages without a key are rendered (and written only if their bytes differ)', () => {
    const plan = planPages(live, live);
    expect(plan.render.sort()).toEqual(['/', '/rss.xml']);
    expect(plan).toMatchObject({ removed: [], changed: 0, changedPaths: [], keyed: 4, framed: 3, framedChanged: 0 });
  });
});

describe('fullBuildReason', () => {
  test('the fast path publishes up to FAST_PATH_MAX_PAGES changed pages', () => {
    expect(fullBuildReason({ render: [], removed: [], changedPaths: [], changed: 2000, keyed: 11_000, framed: 10_000, framedChanged: 2000 }, { maxPages: 2000 })).toBeNull();
  });

  test('more changed pages than the limit: a full build, saying how many', () => {
    expect(fullBuildReason({ render: [], removed: [], changedPaths: [], changed: 2001, keyed: 11_000, framed: 10_000, framedChanged: 2001 }, { maxPages: 2000 })).toBe('2,001 pages change, more than the fast path renders (FAST_PATH_MAX_PAGES=2000)');
  });

  test('nearly every HTML page changed (the English pages have their own frame): still "every page"', () => {
    expect(fullBuildReason({ render: [], removed: [], changedPaths: [], changed: 9_950, keyed: 11_000, framed: 10_000, framedChanged: 9_000 }, { maxPages: 2000 })).toMatch(/^every page changes \(9,950\)/);
  });

  test('every page changed (the frame every page shows): a full build that says so', () => {
    expect(fullBuildReason({ render: [], removed: [], changedPaths: [], changed: 11_000, keyed: 11_000, framed: 10_000, framedChanged: 10_000 }, { maxPages: 2000 })).toMatch(/^every page changes \(11,000\): what every page shows \(menu, sidebar, footer/);
  });
});

describe('where pages are written', () => {
  test('as astro build names them with build.format "directory"', () => {
    expect(pageFile('/', 'page')).toBe('index.html');
    expect(pageFile('/tin-tuc/mot-bai', 'page')).toBe('tin-tuc/mot-bai/index.html');
    expect(pageFile('/tin-tuc/trang/2', 'page')).toBe('tin-tuc/trang/2/index.html');
    expect(pageFile('/404', 'page')).toBe('404.html');
    expect(pageFile('/en/404', 'page')).toBe('en/404/index.html');
    expect(pageFile('/rss.xml', 'endpoint')).toBe('rss.xml');
    expect(pageFile('/du-lieu-mo/tin-tuc.csv', 'endpoint')).toBe('du-lieu-mo/tin-tuc.csv');
  });

  test('the path readers ask for (trailing slash on pages)', () => {
    expect(pagePath('/', 'page')).toBe('/');
    expect(pagePath('/tin-tuc/mot-bai', 'page')).toBe('/tin-tuc/mot-bai/');
    expect(pagePath('/rss.xml', 'endpoint')).toBe('/rss.xml');
  });
});

describe('release copies', () => {
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cong-fast-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  test('linkTree shares every file by inode; removePage takes a page, its .br/.gz and the folders it empties', () => {
    const live = temp();
    mkdirSync(path.join(live, 'tin-tuc', 'bai-a'), { recursive: true });
    mkdirSync(path.join(live, 'tin-tuc', 'bai-b'), { recursive: true });
    for (const name of ['bai-a', 'bai-b']) {
      writeFileSync(path.join(live, 'tin-tuc', name, 'index.html'), `<p>${name}</p>`);
      writeFileSync(path.join(live, 'tin-tuc', name, 'index.html.gz'), 'gz');
      writeFileSync(path.join(live, 'tin-tuc', name, 'index.html.br'), 'br');
    }
    const next = path.join(temp(), 'release');
    expect(linkTree(live, next)).toBe(6);
    expect(statSync(path.join(next, 'tin-tuc', 'bai-a', 'index.html')).ino).toBe(statSync(path.join(live, 'tin-tuc', 'bai-a', 'index.html')).ino);
    // The same with cp -al, into a folder that does not exist yet.
    const copied = path.join(temp(), 'by-cp');
    linkRelease(live, copied);
    expect(statSync(path.join(copied, 'tin-tuc', 'bai-b', 'index.html.br')).ino).toBe(statSync(path.join(live, 'tin-tuc', 'bai-b', 'index.html.br')).ino);
    removePage(next, 'tin-tuc/bai-a/index.html');
    expect(existsSync(path.join(next, 'tin-tuc', 'bai-a'))).toBe(false);
    expect(existsSync(path.join(next, 'tin-tuc', 'bai-b', 'index.html.br'))).toBe(true);
    // The live release keeps its page.
    expect(readFileSync(path.join(live, 'tin-tuc', 'bai-a', 'index.html'), 'utf8')).toBe('<p>bai-a</p>');
  });

  test('precompress with `only` compresses just the written files and leaves the others\' linked copies', async () => {
    const dir = temp();
    const big = (text: string) => text.repeat(200);
    writeFileSync(path.join(dir, 'new.html'), big('<p>mới</p>'));
    writeFileSync(path.join(dir, 'old.html'), big('<p>cũ</p>'));
    writeFileSync(path.join(dir, 'old.html.gz'), 'linked');
    linkSync(path.join(dir, 'old.html.gz'), path.join(dir, 'kept.gz'));
    const result = await precompress(dir, { only: ['new.html'] });
    expect(result.files).toBe(1);
    expect(existsSync(path.join(dir, 'new.html.br'))).toBe(true);
    expect(readFileSync(path.join(dir, 'old.html.gz'), 'utf8')).toBe('linked');
  });
});

describe('msUntilVietnamHour', () => {
  test('the next 02:00 in Viet Nam (UTC+7)', () => {
    // 18:30 UTC is 01:30 in Viet Nam: half an hour to go.
    expect(msUntilVietnamHour(2, new Date('2026-12-01T18:30:00Z'))).toBe(30 * 60_000);
    // 19:00 UTC is 02:00 exactly: the next one is a day later.
    expect(msUntilVietnamHour(2, new Date('2026-12-01T19:00:00Z'))).toBe(86_400_000);
    // 20:00 UTC is 03:00: 23 hours to go.
    expect(msUntilVietnamHour(2, new Date('2026-12-01T20:00:00Z'))).toBe(23 * 3_600_000);
  });
});
