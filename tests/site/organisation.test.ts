/**
 * The organisation's hierarchy (site/src/lib/organisation.ts): the tree from units that name their
 * parent, display order kept, units whose parent is missing or in a loop placed once at the top,
 * the chain above a unit, and officials grouped by published unit.
 */
import { describe, expect, test } from 'vitest';
import { ancestorsOf, buildOrganisation, officialsByUnit, telHref } from '../../site/src/lib/organisation';

const unit = (slug: string, parent?: string) => ({ slug, name: slug, parent: parent ? { slug: parent, name: parent } : null });
const shape = (nodes: Array<{ unit: { slug: string }; children: unknown[] }>): unknown =>
  nodes.map((n) => (n.children.length ? { [n.unit.slug]: shape(n.children as typeof nodes) } : n.unit.slug));

describe('buildOrganisation', () => {
  test('nests units under their parents and keeps the given order at every level', () => {
    const org = buildOrganisation([
      unit('lanh-dao'),
      unit('thon-b', 'cac-thon'),
      unit('van-phong', 'lanh-dao'),
      unit('cac-thon', 'lanh-dao'),
      unit('thon-a', 'cac-thon'),
      unit('hdnd'),
    ]);
    expect(shape(org.roots)).toEqual([{ 'lanh-dao': ['van-phong', { 'cac-thon': ['thon-b', 'thon-a'] }] }, 'hdnd']);
    expect(org.ordered.map((n) => [n.unit.slug, n.depth])).toEqual([
      ['lanh-dao', 0],
      ['van-phong', 1],
      ['cac-thon', 1],
      ['thon-b', 2],
      ['thon-a', 2],
      ['hdnd', 0],
    ]);
  });

  test('puts a unit whose parent is not published at the top', () => {
    const org = buildOrganisation([unit('phong-a', 'nhap'), unit('phong-b', 'phong-a')]);
    expect(shape(org.roots)).toEqual([{ 'phong-a': ['phong-b'] }]);
  });

  test('places every unit of a loop of parents exactly once, and a unit that is its own parent at the top', () => {
    const org = buildOrganisation([unit('goc'), unit('a', 'b'), unit('b', 'a'), unit('c', 'b'), unit('tu-than', 'tu-than')]);
    expect(org.ordered.map((n) => n.unit.slug).sort()).toEqual(['a', 'b', 'c', 'goc', 'tu-than']);
    expect(shape(org.roots)).toEqual(['goc', 'tu-than', { a: [{ b: ['c'] }] }]);
  });

  test('an empty organisation has no roots', () => {
    expect(buildOrganisation([])).toMatchObject({ roots: [], ordered: [] });
  });
});

describe('ancestorsOf', () => {
  const org = buildOrganisation([unit('lanh-dao'), unit('cac-thon', 'lanh-dao'), unit('thon-a', 'cac-thon')]);
  test('lists the units above, from the top down', () => {
    expect(ancestorsOf(org, 'thon-a').map((u) => u.slug)).toEqual(['lanh-dao', 'cac-thon']);
    expect(ancestorsOf(org, 'cac-thon').map((u) => u.slug)).toEqual(['lanh-dao']);
  });
  test('is empty for a unit at the top or an unknown one', () => {
    expect(ancestorsOf(org, 'lanh-dao')).toEqual([]);
    expect(ancestorsOf(org, 'khong-co')).toEqual([]);
  });
});

describe('officialsByUnit', () => {
  test('groups officials by their published unit, keeping order; the others under ""', () => {
    const officials = [
      { name: 'A', unit: { slug: 'van-phong' } },
      { name: 'B', unit: null },
      { name: 'C', unit: { slug: 'van-phong' } },
      { name: 'D', unit: { slug: 'nhap' } },
    ];
    const map = officialsByUnit(officials, new Set(['van-phong']));
    expect(map.get('van-phong')?.map((o) => o.name)).toEqual(['A', 'C']);
    expect(map.get('')?.map((o) => o.name)).toEqual(['B', 'D']);
  });
});

test('telHref keeps digits and a leading plus', () => {
  expect(telHref('0239 3860 101')).toBe('tel:02393860101');
  expect(telHref('+84 239.3860.101')).toBe('tel:+842393860101');
});
