/**
 * files.json (issue 15): the files each page names, each distinct list written once. At 50,000
 * articles the lists written whole were 58 MB at every publish, for 174 distinct files.
 */
import { describe, expect, test } from 'vitest';
import { decodePageFiles, encodePageFiles, type PageFiles } from '../../site/src/integrations/media-mirror';

// A cover as an article names it: its upload and the picture files made from it.
const cover = (n: number) => [...'abcdefgh'].map((v) => `/_astro/anh_${n}_${v}.webp`).concat(`/uploads/anh_${n}.jpg`);

describe('files.json', () => {
  test('reads back as written: every page, its files in order', () => {
    const files: PageFiles = { 'index.html': [...cover(1), ...cover(2)], 'tin-tuc/a/index.html': cover(1), 'tin-tuc/b/index.html': cover(2), 'rss.xml': ['/uploads/anh_1.jpg'] };
    expect(decodePageFiles(JSON.parse(encodePageFiles(files)))).toEqual(files);
    expect(decodePageFiles(JSON.parse(encodePageFiles({})))).toEqual({});
  });

  test('a list many pages name is written once: the text grows with the pages, not their lists', () => {
    const files: PageFiles = {};
    for (let i = 0; i < 5000; i += 1) files[`tin-tuc/bai-so-${i}/index.html`] = cover(i % 7);
    const text = encodePageFiles(files);
    const parsed = JSON.parse(text) as { lists: string[][] };
    expect(parsed.lists).toHaveLength(7);
    expect(text.length).toBeLessThan(JSON.stringify(files).length / 3);
    // Decoded pages share their list: encoding them again finds it by identity, with the same text.
    const decoded = decodePageFiles(parsed)!;
    expect(decoded['tin-tuc/bai-so-0/index.html']).toBe(decoded['tin-tuc/bai-so-7/index.html']);
    expect(encodePageFiles(decoded)).toBe(text);
  });

  test('a files.json of another form is not taken for one (the fast path then builds in full)', () => {
    expect(decodePageFiles({ 'index.html': ['/uploads/a.jpg'] })).toBeNull();
    expect(decodePageFiles(null)).toBeNull();
    expect(decodePageFiles({ lists: [['/uploads/a.jpg']], pages: { 'index.html': 3 } })).toBeNull();
  });
});
