import { describe, expect, test } from 'vitest';
import { BOM, cellText, csvField, toCsv } from '../../site/src/lib/csv';
import { parseCsv } from '../helpers/csv';

describe('csvField', () => {
  test('returns plain text unquoted', () => {
    expect(csvField('Ủy ban nhân dân xã Tân Hòa')).toBe('Ủy ban nhân dân xã Tân Hòa');
  });
  test('quotes a field holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('Thôn Đồng Lạc, xã Tân Hòa')).toBe('"Thôn Đồng Lạc, xã Tân Hòa"');
    expect(csvField('Hội nghị "Dân vận khéo"')).toBe('"Hội nghị ""Dân vận khéo"""');
    expect(csvField('dòng một\ndòng hai')).toBe('"dòng một\ndòng hai"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });
  test('quotes a field with leading or trailing spaces so they survive a spreadsheet', () => {
    expect(csvField(' 07:30')).toBe('" 07:30"');
  });
  test('writes null as empty, booleans and numbers as text, lists joined', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(12)).toBe('12');
    expect(cellText(['https://x.vn/a.pdf', 'https://x.vn/b.pdf'])).toBe('https://x.vn/a.pdf; https://x.vn/b.pdf');
  });
});

describe('toCsv', () => {
  test('returns a BOM, the header and CRLF-ended rows that read back to the same cells', () => {
    const rows = [
      ['1', 'Họp giao ban, đầu tuần', 'Chủ trì: "Chủ tịch"'],
      ['2', 'dòng một\r\ndòng hai', ''],
    ];
    const csv = toCsv(['id', 'content', 'chair'], rows);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(csv.slice(1))).toEqual([['id', 'content', 'chair'], ...rows]);
  });
  test('returns only the header for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe(`${BOM}a,b\r\n`);
  });
});
