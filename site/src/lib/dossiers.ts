/**
 * Tình hình giải quyết hồ sơ: the sums and rates of the monthly dossier figures, and the
 * geometry of the bar chart the page draws as inline SVG at build time. Pure: no Astro, no I/O.
 *
 * The on-time rate is computed, never typed: đúng hạn / (đúng hạn + trễ hạn). A month in which
 * nothing was resolved has no rate ("—"), never NaN, Infinity or a division error.
 */

/** The figures of one month (or the sum of several). */
export interface DossierFigures {
  received: number;
  carriedOver: number;
  onTime: number;
  late: number;
  pending: number;
}

export interface DossierMonth extends DossierFigures {
  /** The month's first day, YYYY-MM-DD. */
  month: string;
}

const n = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);

/** Dossiers to handle in the period: received now plus carried over from before. */
export const totalOf = (f: DossierFigures) => n(f.received) + n(f.carriedOver);

/** Dossiers resolved in the period, on time or late. */
export const resolvedOf = (f: DossierFigures) => n(f.onTime) + n(f.late);

/** The on-time share of resolved dossiers (0…1), or null when none was resolved. */
export function onTimeRate(f: DossierFigures): number | null {
  const resolved = resolvedOf(f);
  return resolved === 0 ? null : n(f.onTime) / resolved;
}

const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/**
 * A rate as Vietnamese readers write it ("96,5%", "100%"), "—" when there is none. A rate below
 * one is never rounded up to "100%": one late dossier is not "100% on time".
 */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  let value = Math.round(rate * 1000) / 10;
  if (value === 100 && rate < 1) value = 99.9;
  return `${percent.format(value)}%`;
}

/** The on-time rate of figures, formatted. */
export const rateText = (f: DossierFigures) => formatRate(onTimeRate(f));

/**
 * The figures of several consecutive months as one period (a year): received, on time and late
 * are summed; "carried over" is what came into the first month and "pending" what is left
 * after the last, so that the total row reads like one long month.
 */
export function periodTotals(months: DossierMonth[]): DossierFigures {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const sum = (k: keyof DossierFigures) => sorted.reduce((s, m) => s + n(m[k]), 0);
  return {
    received: sum('received'),
    carriedOver: n(sorted[0]?.carriedOver ?? 0),
    onTime: sum('onTime'),
    late: sum('late'),
    pending: n(sorted.at(-1)?.pending ?? 0),
  };
}

/** The months grouped by year, each year's months oldest first; years newest first. */
export function dossierYears<T extends DossierMonth>(months: T[]): Array<{ year: number; months: T[] }> {
  const years = new Map<number, T[]>();
  for (const m of months) {
    const year = Number(m.month.slice(0, 4));
    if (!years.has(year)) years.set(year, []);
    years.get(year)!.push(m);
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => ({ year, months: list.sort((a, b) => a.month.localeCompare(b.month)) }));
}

/** The newest month of the list, or null. */
export function latestMonth<T extends DossierMonth>(months: T[]): T | null {
  return months.reduce<T | null>((best, m) => (best === null || m.month > best.month ? m : best), null);
}

/** "Tháng 11/2026". */
export const monthLabel = (month: string) => `Tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

/** "T11" for a chart axis. */
export const shortMonthLabel = (month: string) => `T${Number(month.slice(5, 7))}`;

/** The address of a year's page; the latest year lives at the section's root. */
export const yearPath = (year: number, latest: number) => (year === latest ? '/tinh-hinh-giai-quyet-ho-so/' : `/tinh-hinh-giai-quyet-ho-so/${year}/`);

const number = new Intl.NumberFormat('vi-VN');

/** An integer as Vietnamese readers write it ("1.234"). */
export const formatCount = (v: number) => number.format(n(v));

/** One month's stacked bar: on time at the bottom, late above it. */
export interface ChartBar {
  month: string;
  label: string;
  x: number;
  width: number;
  onTime: { y: number; height: number };
  late: { y: number; height: number };
  /** What the bar says, for its <title>. */
  text: string;
}

export interface Chart {
  width: number;
  height: number;
  /** The y of the baseline (bars grow upwards from it). */
  base: number;
  max: number;
  bars: ChartBar[];
  /** Horizontal guide lines with their value. */
  ticks: Array<{ y: number; value: number }>;
}

/** A round top for the axis: 1, 2, 5 × 10^k at or above `value`. */
export function niceMax(value: number): number {
  if (value <= 0) return 2;
  const power = 10 ** Math.floor(Math.log10(value));
  // Even steps: the chart's middle line (half the maximum) is a whole number of dossiers.
  for (const step of [1, 2, 4, 6, 8, 10]) if (step * power >= value && (step * power) % 2 === 0) return step * power;
  return 10 * power;
}

/** The year's total row's name: "Cả năm 2026" once December is in, else "Lũy kế đến tháng 11/2026". */
export function totalLabel(months: Array<Pick<DossierMonth, 'month'>>, year: number): string {
  const last = months.at(-1)?.month;
  return !last || last.slice(5, 7) === '12' ? `Cả năm ${year}` : `Lũy kế đến tháng ${Number(last.slice(5, 7))}/${year}`;
}

/**
 * The geometry of the year's chart: one stacked bar (đúng hạn, trễ hạn) per month, scaled to the
 * largest month. A month with nothing resolved has a bar of height 0 (no NaN anywhere).
 */
export function dossierChart(months: DossierMonth[], width = 640, height = 260): Chart {
  const top = 12;
  const bottom = 28;
  const left = 40;
  const right = 8;
  const base = height - bottom;
  const plot = base - top;
  const max = niceMax(Math.max(0, ...months.map(resolvedOf)));
  const slot = months.length > 0 ? (width - left - right) / months.length : 0;
  const barWidth = Math.max(2, Math.round(slot * 0.6 * 10) / 10);
  const scale = (v: number) => Math.round((n(v) / max) * plot * 10) / 10;
  const bars = months.map((m, i) => {
    const onTimeHeight = scale(m.onTime);
    const lateHeight = scale(m.late);
    const x = Math.round((left + i * slot + (slot - barWidth) / 2) * 10) / 10;
    return {
      month: m.month,
      label: shortMonthLabel(m.month),
      x,
      width: barWidth,
      onTime: { y: Math.round((base - onTimeHeight) * 10) / 10, height: onTimeHeight },
      late: { y: Math.round((base - onTimeHeight - lateHeight) * 10) / 10, height: lateHeight },
      text: `${monthLabel(m.month)}: ${formatCount(m.onTime)} đúng hạn, ${formatCount(m.late)} trễ hạn, tỷ lệ đúng hạn ${rateText(m)}`,
    };
  });
  const ticks = [0, 0.5, 1].map((f) => ({ y: Math.round((base - f * plot) * 10) / 10, value: Math.round(f * max) }));
  return { width, height, base, max, bars, ticks };
}
