import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatDecimal, formatLongDate, formatNumber, vietnamDay } from '../../site/src/lib/format';

describe('formatDateTime', () => {
  test('returns the weekday, date and time in Asia/Ho_Chi_Minh', () => {
    // 01:30 UTC is 08:30 in Viet Nam (UTC+7).
    expect(formatDateTime('2026-11-27T01:30:00.000Z')).toBe('Thứ Sáu, 27/11/2026 08:30');
  });
  test('moves to the next day in Viet Nam when UTC is still the day before', () => {
    expect(formatDateTime('2026-11-28T18:05:00Z')).toBe('Chủ Nhật, 29/11/2026 01:05');
    expect(vietnamDay('2026-11-28T18:05:00Z')).toBe('2026-11-29');
  });
  test('names every weekday', () => {
    const days = Array.from({ length: 7 }, (_, i) => formatLongDate(new Date(Date.UTC(2026, 10, 23 + i, 5))).split(',')[0]);
    expect(days).toEqual(['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật']);
  });
  test('throws on a value that is not a date', () => {
    expect(() => formatDate('không phải ngày')).toThrow('Not a date');
  });
});

describe('formatNumber', () => {
  test('groups thousands with dots', () => {
    expect(formatNumber(1822950)).toBe('1.822.950');
    expect(formatNumber(40)).toBe('40');
  });
  test('writes one decimal with a comma', () => {
    expect(formatDecimal(4.25)).toMatch(/^4,[23]$/);
    expect(formatDecimal(3)).toBe('3,0');
  });
});
