/**
 * Paginated lists (site/src/lib/pagination.ts): which items each page holds at the page-size
 * boundaries, the addresses, and the window of page links with its gaps; the news archive whose
 * pages never shift (issue 15).
 */
import { describe, expect, test } from 'vitest';
import { archivePages, PAGE_SIZE, pageLinks, pageUrl, paginate } from '../../site/src/lib/pagination';
import { relatedArticles } from '../../site/src/lib/content';

const items = (n: number) => Array.from({ length: n }, (_, i) => `Tin số ${i + 1}`);

describe('paginate', () => {
  test('an empty list still has its first page, at the list address', () => {
    expect(paginate([], '/tin-tuc/')).toEqual([{ page: 1, pageCount: 1, items: [], url: '/tin-tuc/' }]);
  });

  test.each([
    [1, [1]],
    [PAGE_SIZE - 1, [PAGE_SIZE - 1]],
    [PAGE_SIZE, [PAGE_SIZE]],
    [PAGE_SIZE + 1, [PAGE_SIZE, 1]],
    [2 * PAGE_SIZE, [PAGE_SIZE, PAGE_SIZE]],
    [2 * PAGE_SIZE + 1, [PAGE_SIZE, PAGE_SIZE, 1]],
  ])('%i items make pages of %j', (count, sizes) => {
    const pages = paginate(items(count), '/tin-tuc/');
    expect(pages.map((p) => p.items.length)).toEqual(sizes);
    expect(pages.every((p) => p.pageCount === sizes.length)).toBe(true);
  });

  test('every item is on exactly one page, in order', () => {
    const list = items(5 * PAGE_SIZE + 7);
    const pages = paginate(list, '/tin-tuc/');
    expect(pages.flatMap((p) => p.items)).toEqual(list);
    expect(pages[1]!.items[0]).toBe(`Tin số ${PAGE_SIZE + 1}`);
  });

  test('page 1 at the list address, page n under trang/n/, for any list (Vietnamese category slugs included)', () => {
    const pages = paginate(items(3 * PAGE_SIZE), '/chuyen-muc/cai-cach-hanh-chinh/');
    expect(pages.map((p) => p.url)).toEqual(['/chuyen-muc/cai-cach-hanh-chinh/', '/chuyen-muc/cai-cach-hanh-chinh/trang/2/', '/chuyen-muc/cai-cach-hanh-chinh/trang/3/']);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pageUrl('/thong-bao/', 1)).toBe('/thong-bao/');
    expect(pageUrl('/thong-bao/', 12)).toBe('/thong-bao/trang/12/');
  });
});

describe('archivePages', () => {
  /** Newest first, as lists are: "Tin số n" is the n-th published. */
  const news = (n: number) => Array.from({ length: n }, (_, i) => `Tin số ${n - i}`);

  test('a short list is one page at the list address, without navigation', () => {
    expect(archivePages([], '/tin-tuc/')).toEqual([{ url: '/tin-tuc/', number: 0, items: [], newer: null, older: null }]);
    expect(archivePages(news(2 * PAGE_SIZE - 1), '/tin-tuc/')).toEqual([{ url: '/tin-tuc/', number: 0, items: news(2 * PAGE_SIZE - 1), newer: null, older: null }]);
  });

  test('pages are counted from the oldest; the newest page holds the newest block and what follows it', () => {
    const pages = archivePages(news(3 * PAGE_SIZE + 5), '/tin-tuc/');
    expect(pages.map((p) => [p.url, p.items.length, p.items.at(-1), p.items[0], p.newer, p.older])).toEqual([
      ['/tin-tuc/', PAGE_SIZE + 5, 'Tin số 25', 'Tin số 41', null, '/tin-tuc/trang/2/'],
      ['/tin-tuc/trang/2/', PAGE_SIZE, 'Tin số 13', 'Tin số 24', '/tin-tuc/', '/tin-tuc/trang/1/'],
      ['/tin-tuc/trang/1/', PAGE_SIZE, 'Tin số 1', 'Tin số 12', '/tin-tuc/trang/2/', null],
    ]);
    expect(pages.flatMap((p) => p.items)).toEqual(news(3 * PAGE_SIZE + 5));
  });

  test('a new article changes the newest page only; a full block adds one page and changes its neighbour\'s link', () => {
    const before = archivePages(news(4 * PAGE_SIZE + 3), '/tin-tuc/');
    const after = archivePages(news(4 * PAGE_SIZE + 4), '/tin-tuc/');
    const same = (a: typeof before, b: typeof before) => a.filter((p) => p.number > 0 && b.some((q) => JSON.stringify(q) === JSON.stringify(p))).length;
    expect(same(after, before)).toBe(3); // every archive page is unchanged
    const full = archivePages(news(5 * PAGE_SIZE), '/tin-tuc/');
    const previous = archivePages(news(5 * PAGE_SIZE - 1), '/tin-tuc/');
    expect(full.filter((p) => p.number > 0).map((p) => p.url)).toEqual(['/tin-tuc/trang/4/', '/tin-tuc/trang/3/', '/tin-tuc/trang/2/', '/tin-tuc/trang/1/']);
    expect(same(full, previous)).toBe(2); // trang/1 and trang/2 unchanged; trang/3 now links to trang/4, which is new
  });
});

describe('relatedArticles', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(n - i), data: n - i }));

  test('the five published before the article in its category', () => {
    const list = items(20);
    expect(relatedArticles(list, list[3]!).map((i) => i.id)).toEqual(['16', '15', '14', '13', '12']);
  });

  test('the nearest newer ones when fewer are older; a new article changes no box of an article with five older', () => {
    const list = items(8);
    expect(relatedArticles(list, list[6]!).map((i) => i.id)).toEqual(['1', '3', '4', '5', '6']);
    const grown = [{ id: '9', data: 9 }, ...list];
    expect(relatedArticles(grown, grown[3]!)).toEqual(relatedArticles(list, list[2]!));
  });

  test('every article of a large category: each list entry read about once, not once per article before it (issue 15: 50,000 articles)', () => {
    const list = items(2000);
    let reads = 0;
    const counted = new Proxy(list, { get: (target, key, receiver) => ((typeof key === 'string' && /^\d+$/.test(key) && (reads += 1)), Reflect.get(target, key, receiver)) });
    const boxes = list.map((item) => relatedArticles(counted, item).map((i) => i.id));
    expect(boxes[0]).toEqual(['1999', '1998', '1997', '1996', '1995']);
    expect(boxes[1999]).toEqual(['2', '3', '4', '5', '6']);
    // The positions once (2,000 reads), then five entries per box; indexOf read ~2 million.
    expect(reads).toBeLessThan(list.length * 8);
  });
});

describe('pageLinks', () => {
  test('one page has the one number (the component then shows no navigation)', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
  });

  test('few pages: every number when the window reaches both ends, else a gap even for one page', () => {
    expect(pageLinks(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageLinks(3, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageLinks(1, 5)).toEqual([1, 2, 3, 'gap', 5]);
  });

  test('the first, the last and two on each side of the current page, with gaps between', () => {
    expect(pageLinks(10, 20)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
    expect(pageLinks(1, 20)).toEqual([1, 2, 3, 'gap', 20]);
    expect(pageLinks(20, 20)).toEqual([1, 'gap', 18, 19, 20]);
  });

  test('no gap where only neighbours are left out: a gap always hides at least one page', () => {
    expect(pageLinks(4, 20)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 20]); // 1 and 2 are adjacent: no gap
    expect(pageLinks(5, 20)).toEqual([1, 'gap', 3, 4, 5, 6, 7, 'gap', 20]);
    expect(pageLinks(17, 20)).toEqual([1, 'gap', 15, 16, 17, 18, 19, 20]);
    for (let page = 1; page <= 30; page += 1) {
      const links = pageLinks(page, 30);
      links.forEach((link, i) => {
        if (link !== 'gap') return;
        const [before, after] = [links[i - 1] as number, links[i + 1] as number];
        expect(after - before, `page ${page}`).toBeGreaterThan(1);
      });
      expect(links.filter((l) => l !== 'gap')).toContain(page);
    }
  });
});
