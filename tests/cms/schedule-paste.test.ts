import { describe, expect, test } from 'vitest';
import { parseDayCell, parseSchedulePaste } from '../../cms/src/lib/schedule-paste';

const MONDAY = '2026-11-30';

describe('parseDayCell', () => {
  test.each([
    ['01/12/2026', '2026-12-01'],
    ['1/12', '2026-12-01'],
    ['2026-12-02', '2026-12-02'],
    ['Thứ Hai', '2026-11-30'],
    ['thứ tư', '2026-12-02'],
    ['Thứ 5', '2026-12-03'],
    ['T6', '2026-12-04'],
    ['Chủ nhật', '2026-12-06'],
    ['CN', '2026-12-06'],
    ['Thứ Ba, 01/12/2026', '2026-12-01'],
    ['Thứ Bảy (05/12)', '2026-12-05'],
  ])('reads "%s" as %s', (cell, day) => {
    expect(parseDayCell(cell, MONDAY)).toBe(day);
  });
  test('reads a day without a year in the week that spans New Year', () => {
    expect(parseDayCell('2/1', '2025-12-29')).toBe('2026-01-02');
    expect(parseDayCell('31/12', '2025-12-29')).toBe('2025-12-31');
  });
  test('returns null for what is not a day', () => {
    expect(parseDayCell('sáng mai', MONDAY)).toBeNull();
    expect(parseDayCell('31/02/2026', MONDAY)).toBeNull();
  });
});

describe('parseSchedulePaste', () => {
  test('returns the items of rows copied from a spreadsheet, skipping the header, the day carried down merged cells', () => {
    const text = [
      'Ngày\tGiờ\tNội dung\tChủ trì\tThành phần\tĐịa điểm\tGhi chú',
      'Thứ Hai, 30/11/2026\t07:30\tHọp giao ban\tChủ tịch UBND xã\tCác Phó Chủ tịch\tPhòng họp số 2\t',
      '\t14:00\tKiểm tra công trình, thôn Đồng Lạc\tPhó Chủ tịch UBND xã',
      '',
      'Thứ Tư\t08:00\tTiếp công dân\t\t\t\tCả ngày',
    ].join('\r\n');
    expect(parseSchedulePaste(text, MONDAY)).toEqual([
      { day: '2026-11-30', time: '07:30', content: 'Họp giao ban', chair: 'Chủ tịch UBND xã', participants: 'Các Phó Chủ tịch', location: 'Phòng họp số 2', note: '' },
      { day: '2026-11-30', time: '14:00', content: 'Kiểm tra công trình, thôn Đồng Lạc', chair: 'Phó Chủ tịch UBND xã', participants: '', location: '', note: '' },
      { day: '2026-12-02', time: '08:00', content: 'Tiếp công dân', chair: '', participants: '', location: '', note: 'Cả ngày' },
    ]);
  });
  test('reads a Markdown table', () => {
    const text = '| Ngày | Giờ | Nội dung | Chủ trì |\n|---|---|---|---|\n| 03/12 | 07:30 | Tiếp công dân định kỳ | Chủ tịch UBND xã |';
    expect(parseSchedulePaste(text, MONDAY)).toEqual([{ day: '2026-12-03', time: '07:30', content: 'Tiếp công dân định kỳ', chair: 'Chủ tịch UBND xã', participants: '', location: '', note: '' }]);
  });
  test('stores NFC whatever the clipboard sent', () => {
    const [item] = parseSchedulePaste('Thứ Ba\t08:00\tHọp'.normalize('NFD'), MONDAY);
    expect(item).toMatchObject({ day: '2026-12-01', content: 'Họp'.normalize('NFC') });
  });
  test('names the row and what is wrong', () => {
    expect(() => parseSchedulePaste('Thứ Hai\t07:30\tHọp\nsáng mai\t08:00\tKiểm tra', MONDAY)).toThrow('Dòng 2: không hiểu ngày “sáng mai” (ghi như 01/12/2026 hoặc Thứ Ba).');
    expect(() => parseSchedulePaste('Thứ Hai\t07:30', MONDAY)).toThrow('Dòng 1: thiếu nội dung');
    expect(() => parseSchedulePaste('\t07:30\tHọp', MONDAY)).toThrow('Dòng 1: thiếu ngày (cột đầu tiên).');
    expect(() => parseSchedulePaste('Họp giao ban cả tuần', MONDAY)).toThrow('Dòng 1: không hiểu ngày');
  });
});
