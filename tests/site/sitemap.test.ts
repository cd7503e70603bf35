import { describe, expect, test } from 'vitest';
import { allPages, SITEMAP_MAX_URLS, sitemapFileKey, sitemapFiles, sitemapIndexXml, urlsetXml, type SitemapEntry } from '../../site/src/lib/sitemap';

const page = (path: string): SitemapEntry => ({ path });
const article = (n: number): SitemapEntry => ({ path: `/tin-tuc/tin-${n}/`, lastmod: `2026-11-${String((n % 28) + 1).padStart(2, '0')}T08:00:00.000Z` });
/** Articles newest first, as the portal lists them. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, i) => article(count - i));

describe('sitemap past 50,000 addresses (sitemaps.org limit; issue 15 at 50,000 articles)', () => {
  test('one file while every address fits: the articles after the news lists, as always', () => {
    const pages = { pages: [page('/'), page('/tin-tuc/'), page('/thong-bao/')], articles: newestFirst(2), articlesAt: 2 };
    expect(sitemapFiles(pages)).toBeNull();
    expect(allPages(pages).map((e) => e.path)).toEqual(['/', '/tin-tuc/', '/tin-tuc/tin-2/', '/tin-tuc/tin-1/', '/thong-bao/']);
    expect(SITEMAP_MAX_URLS).toBe(50_000);
  });

  test('past the limit: files of at most that many addresses, the other pages first, then the articles from the oldest', () => {
    const files = sitemapFiles({ pages: [page('/'), page('/thong-bao/')], articles: newestFirst(5) }, 3)!;
    expect(files.map((f) => f.map((e) => e.path))).toEqual([
      ['/', '/thong-bao/'],
      ['/tin-tuc/tin-1/', '/tin-tuc/tin-2/', '/tin-tuc/tin-3/'],
      ['/tin-tuc/tin-4/', '/tin-tuc/tin-5/'],
    ]);
    expect(files.every((f) => f.length <= 3)).toBe(true);
  });

  test('a new article changes only the last file', () => {
    const before = sitemapFiles({ pages: [page('/')], articles: newestFirst(7) }, 3)!;
    const after = sitemapFiles({ pages: [page('/')], articles: newestFirst(8) }, 3)!;
    expect(after.map(sitemapFileKey).slice(0, -1)).toEqual(before.map(sitemapFileKey).slice(0, -1));
    expect(after.at(-1)!.map((e) => e.path)).toEqual(['/tin-tuc/tin-7/', '/tin-tuc/tin-8/']);
  });

  test('the index names each file; each file is a urlset with its dates', () => {
    const index = sitemapIndexXml('https://tanhoa.test', 2);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).toContain('<sitemap><loc>https://tanhoa.test/sitemap-1.xml</loc></sitemap>');
    expect(index).toContain('<sitemap><loc>https://tanhoa.test/sitemap-2.xml</loc></sitemap>');
    expect(index).not.toContain('sitemap-3.xml');
    const urlset = urlsetXml('https://tanhoa.test', [page('/'), article(3)]);
    expect(urlset).toContain('<url><loc>https://tanhoa.test/</loc></url>');
    expect(urlset).toContain('<url><loc>https://tanhoa.test/tin-tuc/tin-3/</loc><lastmod>2026-11-04</lastmod></url>');
  });
});
