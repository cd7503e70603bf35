/**
 * Calendar days (YYYY-MM-DD, no time zone) and ISO weeks: the work schedule's weeks and a
 * document's dates are days, compared as strings and counted in UTC so no time zone shifts them.
 */

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of a day's UTC midnight; NaN for anything that is not a real YYYY-MM-DD day. */
function dayMs(day: string): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : Number.NaN;
}

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export const isDay = (day: string): boolean => !Number.isNaN(dayMs(day));

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(dayMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 1 (Monday) … 7 (Sunday), as ISO 8601 counts. */
export function isoWeekday(day: string): number {
  return ((new Date(dayMs(day)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the ISO week holding `day`. */
export const mondayOf = (day: string): string => addDays(day, 1 - isoWeekday(day));

/** An ISO week: its year (which may differ from its Monday's near New Year), number and Monday. */
export interface IsoWeek {
  year: number;
  week: number;
  monday: string;
}

/** The ISO week holding `day`. */
export function isoWeekOf(day: string): IsoWeek {
  const monday = mondayOf(day);
  const thursday = addDays(monday, 3); // the week belongs to the year of its Thursday
  const year = Number(thursday.slice(0, 4));
  const firstThursday = Date.UTC(year, 0, 1) + ((4 - new Date(Date.UTC(year, 0, 1)).getUTCDay() + 7) % 7) * DAY_MS;
  const week = Math.round((dayMs(thursday) - firstThursday) / (7 * DAY_MS)) + 1;
  return { year, week, monday };
}

/** A week's URL key: `2026-w49`. */
export const weekKey = (w: Pick<IsoWeek, 'year' | 'week'>): string => `${w.year}-w${String(w.week).padStart(2, '0')}`;

/** The Monday of a week key (`2026-w49` → 2026-11-30); null when the key is not a real week. */
export function mondayOfWeekKey(key: string): string | null {
  const m = /^(\d{4})-w(\d{2})$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const jan4 = `${year}-01-04`; // always in week 1
  const monday = addDays(mondayOf(jan4), (Number(m[2]) - 1) * 7);
  const back = isoWeekOf(monday);
  return back.year === year && back.week === Number(m[2]) ? monday : null;
}

/** Viet Nam's offset from UTC: +7 hours all year (no daylight saving). */
const VIET_NAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar day in Viet Nam (YYYY-MM-DD) at `moment`. */
export function vietnamDayAt(moment: Date): string {
  if (Number.isNaN(moment.getTime())) throw new RangeError('vietnamDayAt: not a date');
  return new Date(moment.getTime() + VIET_NAM_OFFSET_MS).toISOString().slice(0, 10);
}
