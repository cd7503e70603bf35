/**
 * Paginated lists (site/src/lib/pagination.ts): which items each page holds at the page-size
 * boundaries, the addresses, and the window of page links with its gaps.
 */
import { describe, expect, test } from 'vitest';
import { PAGE_SIZE, pageLinks, pageUrl, paginate } from '../../site/src/lib/pagination';

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
