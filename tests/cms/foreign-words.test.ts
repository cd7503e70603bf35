import { describe, expect, test } from 'vitest';
import { foreignWords, isUnmarkedSyllable } from '../helpers/foreign-words';

describe('foreignWords (the admin screens check, issue 16)', () => {
  test('finds the English editors met in the admin', () => {
    expect(foreignWords('Tìm kiếm Search User Add Widget PROFILE Profile settings 12 entries')).toEqual(['Search', 'User', 'Add', 'Widget', 'PROFILE', 'Profile', 'settings', 'entries']);
  });

  test('accepts Vietnamese, with or without marks, names in the allowlist, file names and slugs', () => {
    expect(foreignWords('Tin tức mới nhất: Nguyen Van Thanh xem trang nghiem khuya quyen', [])).toEqual([]);
    expect(foreignWords('Bảng điều khiển Strapi, trường slug, địa chỉ URL', ['Strapi', 'slug', 'URL'])).toEqual([]);
    expect(foreignWords('Tệp bao-cao-quy-3.pdf và nha-van-hoa-bac-son.jpg; ảnh đường dẫn thon-bac-son')).toEqual([]);
    expect(foreignWords("Hồ sơ tacgia.bacson@tanhoa.test")).toEqual([]);
  });

  test('tells unmarked syllables from English words', () => {
    for (const word of ['tin', 'xem', 'nguyen', 'truong', 'nghieng', 'quyet', 'gia', 'oanh']) expect(isUnmarkedSyllable(word), word).toBe(true);
    for (const word of ['search', 'user', 'widget', 'profile', 'settings', 'entries', 'publish', 'draft', 'editor']) expect(isUnmarkedSyllable(word), word).toBe(false);
  });
});
