import { describe, expect, test } from 'vitest';
import { fold, matchesTerms, queryTerms } from '../../site/src/lib/document-search';
import { levelClass, procedureMatches, procedurePath, proceduresBySector, sectorPath } from '../../site/src/lib/procedures';

/** A row's text as the list's search reads it (name, code, sector), folded. */
const procedureSearchText = (p: { name: string; code: string; agency: string; sector: { name: string; slug: string } | null }) => fold([p.name, p.code, p.sector?.name ?? ''].join(' '));

const p = (name: string, sector: string | null, code = '') => ({ data: { name, code, agency: 'UBND xã Tân Hòa', sector: sector ? { name: sector, slug: sector.toLowerCase() } : null } });

describe('procedures on the site', () => {
  test('groups by sector in the editors\' order, skipping empty sectors and procedures without one', () => {
    const groups = proceduresBySector([p('A', 'Y'), p('B', 'X'), p('C', null), p('D', 'Y')], [{ name: 'X', slug: 'x' }, { name: 'Z', slug: 'z' }, { name: 'Y', slug: 'y' }]);
    expect(groups.map((g) => [g.sector.slug, g.items.map((i) => i.data.name)])).toEqual([['x', ['B']], ['y', ['A', 'D']]]);
  });

  test('the search text matches without diacritics and with d for đ, by name, code or sector', () => {
    const text = procedureSearchText({ name: 'Đăng ký khai sinh', code: '1.004101', agency: 'UBND xã Tân Hòa', sector: { name: 'Tư pháp – Hộ tịch', slug: 'tu-phap-ho-tich' } });
    for (const q of ['ho tich', 'hộ tịch', 'dang ky', 'đăng ký khai', 'DANG KY KHAI SINH', '1.004101']) expect(matchesTerms(text, queryTerms(q)), q).toBe(true);
    for (const q of ['ket hon', '1.0041011', 'xay dung']) expect(matchesTerms(text, queryTerms(q)), q).toBe(false);
  });

  test('addresses and level badges', () => {
    expect(procedurePath('dang-ky-khai-sinh')).toBe('/thu-tuc-hanh-chinh/dang-ky-khai-sinh/');
    expect(sectorPath('dat-dai')).toBe('/thu-tuc-hanh-chinh/linh-vuc/dat-dai/');
    expect(['Toàn trình', 'Một phần', 'Cung cấp thông tin'].map(levelClass)).toEqual(['level-full', 'level-part', 'level-info']);
  });
});

describe('procedureMatches', () => {
  const texts = [
    procedureSearchText({ name: 'Đăng ký khai sinh', code: '1.004101', agency: 'UBND xã Tân Hòa', sector: { name: 'Tư pháp – Hộ tịch', slug: 'x' } }),
    procedureSearchText({ name: 'Tặng giấy khen của Chủ tịch UBND xã', code: '1.004902', agency: 'UBND xã Tân Hòa', sector: { name: 'Nội vụ', slug: 'y' } }),
    procedureSearchText({ name: 'Cấp giấy phép xây dựng nhà ở', code: '1.004301', agency: 'UBND xã Tân Hòa', sector: { name: 'Xây dựng', slug: 'z' } }),
  ];
  test('a phrase found wins over scattered words; otherwise every word must be there', () => {
    expect(procedureMatches(texts, 'ho tich')).toEqual([true, false, false]);
    expect(procedureMatches(texts, 'giay xay')).toEqual([false, false, true]);
    expect(procedureMatches(texts, 'khai sinh dang ky')).toEqual([true, false, false]);
    expect(procedureMatches(texts, '')).toEqual([true, true, true]);
    expect(procedureMatches(texts, 'không có')).toEqual([false, false, false]);
  });
});
