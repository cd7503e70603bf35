import { describe, expect, test } from 'vitest';
import { itemsOfDay, longDayLabel, scheduleDays, scheduleWeeks, weekLabel } from '../../site/src/lib/schedule';
import type { ScheduleItemRecord, WorkWeekRecord } from '../../site/src/lib/records';

const item = (day: string, time = '07:30', content = 'Họp giao ban'): ScheduleItemRecord => ({ day, time, content, chair: '', participants: '', location: '', note: '' });
const week = (weekOf: string, items: ScheduleItemRecord[] = []): WorkWeekRecord => ({ title: `Tuần ${weekOf}`, weekOf, items, note: '', publishedAt: '2026-11-30T00:00:00.000Z', updatedAt: '2026-11-30T00:00:00.000Z' });

describe('scheduleWeeks', () => {
  test('returns this week and next week when nothing is published', () => {
    expect(scheduleWeeks([], '2026-12-01').map((w) => [w.key, w.monday, w.sunday, w.week])).toEqual([
      ['2026-w49', '2026-11-30', '2026-12-06', null],
      ['2026-w50', '2026-12-07', '2026-12-13', null],
    ]);
  });
  test('returns every week from the first published to next week, gaps included', () => {
    const weeks = scheduleWeeks([week('2026-11-30'), week('2026-11-09')], '2026-12-03');
    expect(weeks.map((w) => w.key)).toEqual(['2026-w46', '2026-w47', '2026-w48', '2026-w49', '2026-w50']);
    expect(weeks.map((w) => w.week?.weekOf ?? null)).toEqual(['2026-11-09', null, null, '2026-11-30', null]);
  });
  test('runs to the last published week when it is after next week', () => {
    expect(scheduleWeeks([week('2026-12-21')], '2026-12-01').map((w) => w.key)).toEqual(['2026-w49', '2026-w50', '2026-w51', '2026-w52']);
  });
  test('names weeks across New Year by their ISO year (29/12/2025 is in 2026-w01)', () => {
    const weeks = scheduleWeeks([week('2025-12-22')], '2025-12-31');
    expect(weeks.map((w) => w.key)).toEqual(['2025-w52', '2026-w01', '2026-w02']);
    expect(weekLabel(weeks[1]!)).toBe('Tuần 1 năm 2026 (từ 29/12/2025 đến 04/01/2026)');
  });
  test('counts Sunday in the week of the Monday before it', () => {
    expect(scheduleWeeks([], '2026-12-06')[0]!.key).toBe('2026-w49');
  });
});

describe('scheduleDays', () => {
  test('returns Monday to Friday always and the weekend only with items, named in Vietnamese', () => {
    const days = scheduleDays('2026-11-30', [item('2026-12-01'), item('2026-12-06', '08:00', 'Trực lãnh đạo')]);
    expect(days.map((d) => [d.name, d.day, d.items.length])).toEqual([
      ['Thứ Hai', '2026-11-30', 0],
      ['Thứ Ba', '2026-12-01', 1],
      ['Thứ Tư', '2026-12-02', 0],
      ['Thứ Năm', '2026-12-03', 0],
      ['Thứ Sáu', '2026-12-04', 0],
      ['Chủ nhật', '2026-12-06', 1],
    ]);
  });
});

describe('itemsOfDay', () => {
  test('returns the items of that day only, from its week', () => {
    const weeks = [week('2026-11-23', [item('2026-11-24')]), week('2026-11-30', [item('2026-12-01', '07:30', 'A'), item('2026-12-01', '14:00', 'B'), item('2026-12-02')])];
    expect(itemsOfDay(weeks, '2026-12-01').map((i) => i.content)).toEqual(['A', 'B']);
    expect(itemsOfDay(weeks, '2026-12-08')).toEqual([]);
  });
});

describe('longDayLabel', () => {
  test('returns the weekday and date', () => {
    expect(longDayLabel('2026-12-01')).toBe('Thứ Ba, 01/12/2026');
    expect(longDayLabel('2026-12-06')).toBe('Chủ nhật, 06/12/2026');
  });
});
