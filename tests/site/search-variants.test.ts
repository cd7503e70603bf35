import { describe, expect, test } from 'vitest';
import { MAX_D_VARIANTS, mergeResults, queryVariants } from '../../site/src/lib/search-variants';

describe('queryVariants', () => {
  test('tries each d as d and đ, the query as typed first', () => {
    expect(queryVariants('duong')).toEqual(['duong', 'đuong']);
    expect(queryVariants('da nang')).toEqual(['da nang', 'đa nang']);
    expect(queryVariants('hdnd')).toEqual(['hdnd', 'hđnd', 'hdnđ', 'hđnđ']);
  });
  test('keeps capitals', () => {
    expect(queryVariants('Dong Hoa')).toEqual(['Dong Hoa', 'Đong Hoa']);
  });
  test('returns the query alone when it has no d', () => {
    expect(queryVariants('cai cach')).toEqual(['cai cach']);
  });
  test(`stops at ${MAX_D_VARIANTS} d's`, () => {
    expect(queryVariants('d d d d d d')).toHaveLength(2 ** MAX_D_VARIANTS);
  });
});

describe('mergeResults', () => {
  test('keeps one result per id with its best score, best first', () => {
    const merged = mergeResults([
      [{ id: 'a', score: 1 }, { id: 'b', score: 5 }],
      [{ id: 'a', score: 9 }],
    ]);
    expect(merged).toEqual([{ id: 'a', score: 9 }, { id: 'b', score: 5 }]);
  });
});
