/**
 * Vietnamese formatting of dates and numbers, always in Asia/Ho_Chi_Minh whatever the build
 * machine's time zone: "Thứ Sáu, 27/11/2026 08:30", "1.822.950".
 */
import { vietnamDayAt } from '@cong/content-types';

/** The portal's time zone. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function toDate(value: Date | string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: "${String(value)}"`);
  return date;
}

function pieces(value: Date | string) {
  const map = Object.fromEntries(parts.formatToParts(toDate(value)).map((p) => [p.type, p.value]));
  return {
    weekday: WEEKDAYS[WEEKDAY_INDEX[map.weekday as string] ?? 0] as string,
    day: map.day as string,
    month: map.month as string,
    year: map.year as string,
    time: `${map.hour}:${map.minute}`,
  };
}

/** "27/11/2026" */
export function formatDate(value: Date | string): string {
  const p = pieces(value);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "Thứ Sáu, 27/11/2026 08:30" */
export function formatDateTime(value: Date | string): string {
  const p = pieces(value);
  return `${p.weekday}, ${p.day}/${p.month}/${p.year} ${p.time}`;
}

/** "Thứ Sáu, 27/11/2026" */
export function formatLongDate(value: Date | string): string {
  const p = pieces(value);
  return `${p.weekday}, ${p.day}/${p.month}/${p.year}`;
}

/** The calendar day in Viet Nam as YYYY-MM-DD (to compare with date-only fields). */
export function vietnamDay(value: Date | string): string {
  return vietnamDayAt(toDate(value));
}

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "1.822.950" */
export function formatNumber(value: number): string {
  return integer.format(value);
}

/** "4,5": one decimal with a decimal comma (ratings). */
export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}
