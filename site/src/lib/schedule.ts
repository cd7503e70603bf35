/**
 * The work schedule's weeks (Lịch công tác): which week pages a build makes, a week's days with
 * their Vietnamese names, and the labels pages show. Days are YYYY-MM-DD in Viet Nam.
 */
import { addDays, isoWeekOf, mondayOf, weekKey } from '@cong/content-types';
import type { ScheduleItemRecord, WorkWeekRecord } from './records';

/** ISO weekday names, Monday first, as the schedule prints them. */
export const WEEKDAY_NAMES = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] as const;

/** One week page: its URL key (`2026-w49`), Monday, Sunday and the published week, if any. */
export interface ScheduleWeek {
  key: string;
  number: number;
  year: number;
  monday: string;
  sunday: string;
  week: WorkWeekRecord | null;
}

function toScheduleWeek(monday: string, week: WorkWeekRecord | null): ScheduleWeek {
  const iso = isoWeekOf(monday);
  return { key: weekKey(iso), number: iso.week, year: iso.year, monday, sunday: addDays(monday, 6), week };
}

/**
 * Every week a build makes a page for, oldest first: from the first published week (or this
 * week, if earlier) to the later of the last published week and next week. Weeks in between
 * without a published schedule get a page saying so.
 */
export function scheduleWeeks(published: readonly WorkWeekRecord[], today: string): ScheduleWeek[] {
  const thisMonday = mondayOf(today);
  const byMonday = new Map(published.map((w) => [w.weekOf, w]));
  const mondays = [...byMonday.keys()].sort();
  const first = mondays[0] !== undefined && mondays[0] < thisMonday ? mondays[0] : thisMonday;
  const nextMonday = addDays(thisMonday, 7);
  const lastPublished = mondays.at(-1);
  const last = lastPublished !== undefined && lastPublished > nextMonday ? lastPublished : nextMonday;
  const weeks: ScheduleWeek[] = [];
  for (let monday = first; monday <= last; monday = addDays(monday, 7)) weeks.push(toScheduleWeek(monday, byMonday.get(monday) ?? null));
  return weeks;
}

/** A day of a week as the schedule shows it. */
export interface ScheduleDay {
  day: string;
  name: (typeof WEEKDAY_NAMES)[number];
  items: ScheduleItemRecord[];
}

/**
 * The days a week's table shows, Monday first: every working day (Monday to Friday), with or
 * without items, and Saturday and Sunday only when something is scheduled on them.
 */
export function scheduleDays(monday: string, items: readonly ScheduleItemRecord[]): ScheduleDay[] {
  return WEEKDAY_NAMES.map((name, i) => {
    const day = addDays(monday, i);
    return { day, name, items: items.filter((item) => item.day === day) };
  }).filter((d, i) => i < 5 || d.items.length > 0);
}

/** "30/11/2026" from a YYYY-MM-DD day. */
export const dayLabel = (day: string): string => day.split('-').reverse().join('/');

/** "Thứ Ba, 01/12/2026" from a YYYY-MM-DD day. */
export function longDayLabel(day: string): string {
  const monday = mondayOf(day);
  const index = Math.round((Date.parse(day) - Date.parse(monday)) / 86_400_000);
  return `${WEEKDAY_NAMES[index]}, ${dayLabel(day)}`;
}

/** "Tuần 49 năm 2026 (từ 30/11/2026 đến 06/12/2026)" */
export const weekLabel = (w: ScheduleWeek): string => `Tuần ${w.number} năm ${w.year} (từ ${dayLabel(w.monday)} đến ${dayLabel(w.sunday)})`;

/** The page of a week. */
export const weekPath = (key: string): string => `/lich-cong-tac/${key}/`;

/** The items of `today` in the published weeks, in time order. */
export function itemsOfDay(published: readonly WorkWeekRecord[], today: string): ScheduleItemRecord[] {
  return published.find((w) => w.weekOf === mondayOf(today))?.items.filter((i) => i.day === today) ?? [];
}
