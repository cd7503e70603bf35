import { describe, expect, test } from 'vitest';
import { createSlug, createUniqueSlug, isPlaceholderSlug, SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../content-types/src/slug';

describe('createSlug', () => {
  test.each([
    ['Đảng bộ xã', 'dang-bo-xa'],
    ['đường', 'duong'],
    ['ĐƯỜNG LÀNG NGÕ XÓM', 'duong-lang-ngo-xom'],
    ['Đoàn kiểm tra cải cách hành chính', 'doan-kiem-tra-cai-cach-hanh-chinh'],
    ['100% hộ dân & doanh nghiệp', '100-phan-tram-ho-dan-va-doanh-nghiep'],
    ['Quyết định số 1291/QĐ-UBND', 'quyet-dinh-so-1291-qd-ubnd'],
    ['Hội nghị "Dân vận khéo" năm 2026!', 'hoi-nghi-dan-van-kheo-nam-2026'],
    ['  Thông báo — lịch tiếp công dân  ', 'thong-bao-lich-tiep-cong-dan'],
    ['Nông thôn mới + đô thị văn minh', 'nong-thon-moi-cong-do-thi-van-minh'],
  ])('returns %j → %s', (input, expected) => {
    expect(createSlug(input)).toBe(expected);
  });

  test('returns the same slug for NFD input as for NFC input', () => {
    const nfc = 'Hội đồng nhân dân xã Ẳng Nưa';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(createSlug(nfd)).toBe('hoi-dong-nhan-dan-xa-ang-nua');
    expect(createSlug(nfd)).toBe(createSlug(nfc));
  });

  test('folds every Vietnamese vowel with every tone, in both cases and forms', () => {
    const vowels: Record<string, string> = { a: 'aàáảãạ', ă: 'ăằắẳẵặ', â: 'âầấẩẫậ', e: 'eèéẻẽẹ', ê: 'êềếểễệ', i: 'iìíỉĩị', o: 'oòóỏõọ', ô: 'ôồốổỗộ', ơ: 'ơờớởỡợ', u: 'uùúủũụ', ư: 'ưừứửữự', y: 'yỳýỷỹỵ' };
    for (const forms of Object.values(vowels)) {
      for (const ch of forms) {
        for (const variant of [ch, ch.toUpperCase()]) {
          const slugged = createSlug(`x${variant.normalize('NFD')}x`);
          expect(slugged, variant).toMatch(/^x[aeiouy]x$/);
        }
      }
    }
  });

  test('returns an empty string when there is no letter or digit', () => {
    expect(createSlug('!!! ??? ---')).toBe('');
  });

  test('cuts long titles at a word boundary', () => {
    const slug = createSlug('Cải cách hành chính '.repeat(20));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('isPlaceholderSlug', () => {
  test('returns true for empty values and the admin form pre-fills', () => {
    for (const value of [null, undefined, '', '  ', 'article', 'article-1', 'article-12']) {
      expect(isPlaceholderSlug(value, 'article'), String(value)).toBe(true);
    }
  });
  test('returns false for a real slug', () => {
    expect(isPlaceholderSlug('article-review-2026', 'article')).toBe(false);
    expect(isPlaceholderSlug('tin-moi', 'article')).toBe(false);
  });
});

describe('createUniqueSlug', () => {
  test('returns the base when it is free', async () => {
    expect(await createUniqueSlug('tin-tuc', () => false)).toBe('tin-tuc');
  });
  test('appends -2, -3, … on collisions', async () => {
    const taken = new Set(['dang-bo-xa', 'dang-bo-xa-2']);
    expect(await createUniqueSlug('dang-bo-xa', (c) => taken.has(c))).toBe('dang-bo-xa-3');
  });
  test('throws on a value that is not a slug', async () => {
    await expect(createUniqueSlug('Đảng bộ', () => false)).rejects.toThrow('is not a slug');
  });
  test('gives up after maxTries', async () => {
    await expect(createUniqueSlug('a', () => true, 5)).rejects.toThrow('no free slug for "a" after 5 tries');
  });
});
