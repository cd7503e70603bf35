/**
 * The code and level an upgraded install's first portal gets from its agency's name
 * (cms/src/bootstrap/portals.ts): every committee's name starts with "Ủy ban nhân dân", whose
 * "ban" once made every commune a department ("Sở, ban, ngành").
 */
import { describe, expect, test } from 'vitest';
import { portalCodeOf, portalLevelOf } from '../../cms/src/bootstrap/portals';

describe('portalLevelOf', () => {
  test.each([
    ['Ủy ban nhân dân xã Tân Hòa', 'Xã, phường, đặc khu'],
    ['UBND phường Bến Thành', 'Xã, phường, đặc khu'],
    ['Uỷ ban nhân dân đặc khu Phú Quốc', 'Xã, phường, đặc khu'],
    ['Ủy ban nhân dân xã Tân Hòa, tỉnh Lam Giang', 'Xã, phường, đặc khu'],
    ['Ủy ban nhân dân tỉnh Lam Giang', 'Tỉnh, thành phố'],
    ['Ủy ban nhân dân thành phố Hải Phòng', 'Tỉnh, thành phố'],
    ['Sở Nội vụ tỉnh Lam Giang', 'Sở, ban, ngành'],
    ['Ban Quản lý các khu công nghiệp tỉnh Lam Giang', 'Sở, ban, ngành'],
    ['Văn phòng Ủy ban nhân dân tỉnh Lam Giang', 'Sở, ban, ngành'],
    ['Cổng thông tin điện tử', 'Xã, phường, đặc khu'],
  ])('%s → %s', (name, level) => {
    expect(portalLevelOf(name)).toBe(level);
    expect(portalLevelOf(name.normalize('NFD'))).toBe(level);
  });
});

describe('portalCodeOf', () => {
  test('drops the words every committee shares', () => {
    expect(portalCodeOf('Ủy ban nhân dân xã Tân Hòa')).toBe('xa-tan-hoa');
    expect(portalCodeOf('UBND tỉnh Lam Giang')).toBe('tinh-lam-giang');
    expect(portalCodeOf('Sở Nội vụ tỉnh Lam Giang')).toBe('so-noi-vu-tinh-lam-giang');
  });
});
