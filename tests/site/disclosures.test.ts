/**
 * Công khai minh bạch and Bản đồ, the pure parts: the groups by kind and year behind the filter
 * pages, the period line, the pages of 20, reserved slugs; the places by kind, their coordinates,
 * the OpenStreetMap link, and the tile server's source for the page's policy.
 */
import { describe, expect, test } from 'vitest';
import { checkDisclosureSlugs, disclosureKindPath, disclosurePath, disclosureYearPath, groupDisclosures, paginateDisclosures, periodLabel, DISCLOSURE_PAGE_SIZE } from '../../site/src/lib/disclosures';
import { coordinateLabel, groupPlaces, hasCoordinates, openStreetMapUrl, tileSource } from '../../site/src/lib/places';
import type { DisclosureRecord, PlaceRecord } from '../../site/src/lib/records';

function item(title: string, over: Partial<DisclosureRecord> = {}): { id: string; data: DisclosureRecord } {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    id: slug,
    data: { title, slug, kind: 'Dự toán ngân sách', year: 2026, period: 'Cả năm', publishedOn: '2026-01-15', summary: '', files: [], publishedAt: '2026-01-15T01:00:00Z', updatedAt: '2026-01-15T01:00:00Z', ...over },
  };
}

const place = (name: string, over: Partial<PlaceRecord> = {}): PlaceRecord => ({ name, kind: 'Thôn, tổ dân phố', address: '', latitude: 18.36, longitude: 105.89, description: '', order: 0, ...over });

describe('groupDisclosures', () => {
  test('returns the kinds that have items in the model order and the years newest first, keeping the list order inside each', () => {
    const list = [
      item('c', { kind: 'Thống kê', year: 2025 }),
      item('b', { kind: 'Báo cáo thực hiện ngân sách', year: 2026 }),
      item('a', { kind: 'Dự toán ngân sách', year: 2026 }),
      item('d', { kind: 'Báo cáo thực hiện ngân sách', year: 2025 }),
    ];
    const { kinds, years } = groupDisclosures(list);
    expect(kinds.map((g) => [g.label, g.path, g.items.map((i) => i.data.title)])).toEqual([
      ['Dự toán ngân sách', '/cong-khai/loai/du-toan-ngan-sach/', ['a']],
      ['Báo cáo thực hiện ngân sách', '/cong-khai/loai/bao-cao-thuc-hien-ngan-sach/', ['b', 'd']],
      ['Thống kê', '/cong-khai/loai/thong-ke/', ['c']],
    ]);
    expect(years.map((g) => [g.year, g.path, g.items.map((i) => i.data.title)])).toEqual([
      [2026, '/cong-khai/nam/2026/', ['b', 'a']],
      [2025, '/cong-khai/nam/2025/', ['c', 'd']],
    ]);
  });

  test('gives no group to a kind without items (no page for Báo cáo tài chính when none is published)', () => {
    expect(groupDisclosures([item('a')]).kinds.map((g) => g.label)).toEqual(['Dự toán ngân sách']);
  });

  test('uses the same kind address as the compliance list', () => {
    expect(disclosureKindPath('Chiến lược, chương trình')).toBe('/cong-khai/loai/chien-luoc-chuong-trinh/');
    expect(disclosurePath('cong-khai-du-toan')).toBe('/cong-khai/cong-khai-du-toan/');
    expect(disclosureYearPath(2026)).toBe('/cong-khai/nam/2026/');
  });
});

describe('periodLabel', () => {
  test('returns the period with its year, or the year alone for a whole year or no period', () => {
    expect(periodLabel({ year: 2026, period: 'Sáu tháng đầu năm' })).toBe('Sáu tháng đầu năm 2026');
    expect(periodLabel({ year: 2026, period: 'Quý I' })).toBe('Quý I năm 2026');
    expect(periodLabel({ year: 2025, period: 'Cả năm' })).toBe('Năm 2025');
    expect(periodLabel({ year: 2025, period: null })).toBe('Năm 2025');
  });
});

describe('paginateDisclosures', () => {
  test('returns pages of 20 and one empty page for an empty list', () => {
    const pages = paginateDisclosures(Array.from({ length: 41 }, (_, i) => i));
    expect(DISCLOSURE_PAGE_SIZE).toBe(20);
    expect(pages.map((p) => [p.page, p.pageCount, p.items.length])).toEqual([[1, 3, 20], [2, 3, 20], [3, 3, 1]]);
    expect(paginateDisclosures([])).toEqual([{ page: 1, pageCount: 1, items: [] }]);
  });
});

describe('checkDisclosureSlugs', () => {
  test('fails on a slug a list page owns, naming the entry and the fix', () => {
    expect(() => checkDisclosureSlugs([item('a'), item('Năm', { slug: 'nam' })])).toThrow('Công khai minh bạch “Năm”: đường dẫn (slug) “nam” trùng với trang danh sách /cong-khai/nam/; hãy đổi đường dẫn.');
    expect(() => checkDisclosureSlugs([item('a')])).not.toThrow();
  });
});

describe('groupPlaces', () => {
  test('returns the kinds that have places in the model order, places in their order', () => {
    const groups = groupPlaces([place('Trường A', { kind: 'Trường học' }), place('Thôn B'), place('Trụ sở', { kind: 'Trụ sở cơ quan' }), place('Thôn C')]);
    expect(groups.map((g) => [g.kind, g.places.map((p) => p.name)])).toEqual([
      ['Thôn, tổ dân phố', ['Thôn B', 'Thôn C']],
      ['Trụ sở cơ quan', ['Trụ sở']],
      ['Trường học', ['Trường A']],
    ]);
  });
});

describe('coordinates', () => {
  test('reads them with a decimal comma and Bắc/Nam, Đông/Tây', () => {
    expect(coordinateLabel(18.3602, 105.8891)).toBe('18,3602° B, 105,8891° Đ');
    expect(coordinateLabel(-6.2, -35.5)).toBe('6,2000° N, 35,5000° T');
  });

  test('links OpenStreetMap with a marker at the place', () => {
    expect(openStreetMapUrl(18.3602, 105.8891)).toBe('https://www.openstreetmap.org/?mlat=18.36020&mlon=105.88910#map=17/18.36020/105.88910');
  });

  test('knows a place without coordinates', () => {
    expect(hasCoordinates(place('a'))).toBe(true);
    expect(hasCoordinates(place('a', { latitude: null, longitude: null }))).toBe(false);
  });
});

describe('tileSource', () => {
  test('returns the origin of a tile URL template, a {s} subdomain as a wildcard', () => {
    expect(tileSource('https://tiles.lamgiang.gov.vn/{z}/{x}/{y}.png')).toBe('https://tiles.lamgiang.gov.vn');
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileSource('http://127.0.0.1:8123/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8123');
  });

  test('returns null for what could widen the policy or is not a web address', () => {
    expect(tileSource('javascript:alert(1)')).toBeNull();
    expect(tileSource("https://a.example 'unsafe-inline'/{z}")).toBeNull();
    expect(tileSource('https://{z}.example/{x}')).toBeNull();
    expect(tileSource('//tiles.example/{z}/{x}/{y}.png')).toBeNull();
  });
});
