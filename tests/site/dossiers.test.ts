import { describe, expect, test } from 'vitest';
import {
  dossierChart, dossierYears, formatRate, latestMonth, monthLabel, niceMax, onTimeRate, periodTotals, rateText, resolvedOf, totalLabel, totalOf, yearPath, type DossierMonth,
} from '../../site/src/lib/dossiers';

const m = (month: string, received: number, carriedOver: number, onTime: number, late: number, pending: number): DossierMonth => ({ month, received, carriedOver, onTime, late, pending });

describe('dossier figures', () => {
  test('total is received plus carried over; resolved is on time plus late', () => {
    const f = m('2026-03-01', 120, 15, 110, 4, 21);
    expect(totalOf(f)).toBe(135);
    expect(resolvedOf(f)).toBe(114);
  });

  test('the on-time rate is on time / (on time + late), written the Vietnamese way', () => {
    expect(rateText(m('2026-03-01', 200, 0, 193, 7, 0))).toBe('96,5%');
    expect(rateText(m('2026-03-01', 10, 0, 10, 0, 0))).toBe('100%');
    expect(rateText(m('2026-03-01', 3, 0, 1, 2, 0))).toBe('33,3%');
    expect(rateText(m('2026-03-01', 5, 0, 0, 5, 0))).toBe('0%');
  });

  test('0 received and nothing resolved gives "—", never NaN, Infinity or a throw', () => {
    const empty = m('2026-02-01', 0, 0, 0, 0, 0);
    expect(onTimeRate(empty)).toBeNull();
    expect(rateText(empty)).toBe('—');
    expect(formatRate(Number.NaN)).toBe('—');
    expect(formatRate(Number.POSITIVE_INFINITY)).toBe('—');
    // Something received, nothing resolved yet: still no rate.
    expect(rateText(m('2026-02-01', 12, 0, 0, 0, 12))).toBe('—');
  });

  test('one late dossier among thousands is not rounded up to 100%', () => {
    expect(rateText(m('2026-03-01', 5000, 0, 4999, 1, 0))).toBe('99,9%');
  });

  test('year totals sum the flows, carry in the first month and leave the last month pending', () => {
    const year = [m('2025-02-01', 0, 0, 0, 0, 0), m('2025-01-01', 100, 10, 90, 5, 15), m('2025-03-01', 50, 0, 40, 0, 10)];
    expect(periodTotals(year)).toEqual({ received: 150, carriedOver: 10, onTime: 130, late: 5, pending: 10 });
    expect(rateText(periodTotals(year))).toBe('96,3%');
    expect(periodTotals([])).toEqual({ received: 0, carriedOver: 0, onTime: 0, late: 0, pending: 0 });
    expect(rateText(periodTotals([]))).toBe('—');
  });

  test('groups months by year, newest year first, months in order', () => {
    const years = dossierYears([m('2026-02-01', 1, 0, 1, 0, 0), m('2025-12-01', 1, 0, 1, 0, 0), m('2026-01-01', 1, 0, 1, 0, 0)]);
    expect(years.map((y) => [y.year, y.months.map((x) => x.month)])).toEqual([[2026, ['2026-01-01', '2026-02-01']], [2025, ['2025-12-01']]]);
    expect(latestMonth([m('2026-01-01', 1, 0, 1, 0, 0), m('2026-11-01', 1, 0, 1, 0, 0), m('2025-12-01', 1, 0, 1, 0, 0)])!.month).toBe('2026-11-01');
    expect(latestMonth([])).toBeNull();
    expect(monthLabel('2026-03-01')).toBe('Tháng 3/2026');
    expect(yearPath(2026, 2026)).toBe('/tinh-hinh-giai-quyet-ho-so/');
    expect(yearPath(2025, 2026)).toBe('/tinh-hinh-giai-quyet-ho-so/2025/');
  });
});

describe('dossierChart', () => {
  test('one bar per month, scaled to a round maximum, zero months flat and finite', () => {
    const months = [m('2026-01-01', 100, 0, 80, 20, 0), m('2026-02-01', 0, 0, 0, 0, 0), m('2026-03-01', 40, 0, 40, 0, 0)];
    const chart = dossierChart(months, 640, 260);
    expect(chart.bars).toHaveLength(3);
    expect(chart.max).toBe(100);
    const [jan, feb, mar] = chart.bars;
    expect(jan!.onTime.height + jan!.late.height).toBeCloseTo(chart.base - 12, 0);
    expect(jan!.late.y + jan!.late.height).toBeCloseTo(jan!.onTime.y, 5);
    expect(feb!.onTime.height).toBe(0);
    expect(feb!.late.height).toBe(0);
    expect(feb!.text).toContain('tỷ lệ đúng hạn —');
    expect(mar!.late.height).toBe(0);
    expect(mar!.x).toBeGreaterThan(feb!.x);
    for (const bar of chart.bars) for (const v of [bar.x, bar.width, bar.onTime.y, bar.onTime.height, bar.late.y, bar.late.height]) expect(Number.isFinite(v)).toBe(true);
  });

  test('a year with nothing resolved still draws finite bars', () => {
    const chart = dossierChart([m('2026-01-01', 0, 0, 0, 0, 0)]);
    expect(chart.max).toBe(2);
    // The gridlines' labels are whole numbers of dossiers.
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 1, 2]);
    expect(chart.bars[0]!.onTime.height).toBe(0);
    expect(dossierChart([]).bars).toEqual([]);
  });

  test('niceMax rounds up to an even number (2, 4, 6, 8 or 10 times a power of ten, 10 and 20 too), so the middle line is whole', () => {
    expect([0, 1, 3, 5, 7, 12, 99, 101, 450].map(niceMax)).toEqual([2, 2, 4, 6, 8, 20, 100, 200, 600]);
    for (const value of [1, 3, 5, 9, 13, 57, 333]) expect(niceMax(value) % 2, String(value)).toBe(0);
  });

  test('the total row is "Cả năm" only once December is in', () => {
    expect(totalLabel([{ month: '2026-01-01' }, { month: '2026-11-01' }], 2026)).toBe('Lũy kế đến tháng 11/2026');
    expect(totalLabel([{ month: '2025-12-01' }], 2025)).toBe('Cả năm 2025');
  });
});
