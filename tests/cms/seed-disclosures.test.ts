/**
 * The demo's disclosures as the compliance report judges them: the latest budget execution report
 * is overdue, the annual financial report is missing, every other disclosure item is up to date;
 * and the budget estimate of the current year is disclosed in January.
 */
import { describe, expect, test } from 'vitest';
import { assess, COMPLIANCE_ITEMS, type ComplianceFacts } from '../../content-types/src/compliance';
import { demoDisclosures, EXECUTION_REPORT_AGE } from '../../cms/src/seed/disclosures';
import { DEMO_PLACES } from '../../cms/src/seed/map';

const NOW = new Date('2026-12-01T03:00:00Z');
const TODAY = '2026-12-01';

function facts(kinds: ReadonlyArray<string | boolean>): ComplianceFacts {
  const days = demoDisclosures(NOW).filter((d) => kinds.includes(d.kind)).map((d) => d.publishedOn).sort();
  return { count: days.length, latest: days.at(-1) ?? null };
}

describe('demoDisclosures', () => {
  test('leaves the execution report overdue, the financial report missing and every other disclosure item up to date', () => {
    const judged = COMPLIANCE_ITEMS.filter((i) => i.source?.type.singularName === 'disclosure').map((i) => [i.key, assess(i, facts(i.source!.where!.in), TODAY).status]);
    expect(Object.fromEntries(judged)).toEqual({
      'chien-luoc-ke-hoach': 'ok',
      'dau-tu-cong': 'ok',
      'mua-sam-cong': 'ok',
      'du-toan-ngan-sach': 'ok',
      'thuc-hien-ngan-sach': 'overdue',
      'quyet-toan-ngan-sach': 'ok',
      'bao-cao-tai-chinh': 'missing',
      'thong-ke': 'ok',
    });
  });

  test('dates the newest execution report more than 130 days back and the estimate of 2026 in January 2026', () => {
    const list = demoDisclosures(NOW);
    const latest = list.filter((d) => d.kind === 'Báo cáo thực hiện ngân sách').map((d) => d.publishedOn).sort().at(-1)!;
    expect(EXECUTION_REPORT_AGE).toBeGreaterThan(130);
    expect(latest).toBe('2026-07-14');
    const estimate = list.find((d) => d.kind === 'Dự toán ngân sách' && d.year === 2026)!;
    expect(estimate.title).toBe('Công khai dự toán ngân sách xã năm 2026');
    expect(estimate.publishedOn.slice(0, 7)).toBe('2026-01');
    expect(new Set(list.map((d) => d.slug)).size).toBe(list.length);
    expect(list.length).toBeGreaterThanOrEqual(12);
  });
});

describe('DEMO_PLACES', () => {
  test('lie around xã Tân Hòa (18.36, 105.89) with unique names', () => {
    for (const p of DEMO_PLACES) {
      expect(Math.abs(p.latitude - 18.36), p.name).toBeLessThan(0.05);
      expect(Math.abs(p.longitude - 105.89), p.name).toBeLessThan(0.05);
    }
    expect(new Set(DEMO_PLACES.map((p) => p.name)).size).toBe(DEMO_PLACES.length);
  });
});
