import { describe, expect, test } from 'vitest';
import { assess, COMPLIANCE_ITEMS, complianceReport, complianceSummary, dayOfValue, disclosureKindPath, latestText, type ComplianceItem } from '../../content-types/src/compliance';
import { DISCLOSURE_KINDS, workWeek } from '../../content-types/src/model';

const item = (over: Partial<ComplianceItem> = {}): ComplianceItem => ({
  key: 'lich-cong-tac',
  name: 'Lịch công tác',
  legalBasis: 'x',
  path: '/lich-cong-tac/',
  how: 'x',
  rhythm: 'week',
  maxAgeDays: 6,
  source: { type: workWeek, date: 'weekOf' },
  ...over,
});

describe('compliance catalogue', () => {
  test('every item has a unique key, a name, a legal basis and a page of the portal', () => {
    const keys = COMPLIANCE_ITEMS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of COMPLIANCE_ITEMS) {
      expect(i.name.normalize('NFC'), i.key).toBe(i.name);
      expect(i.legalBasis, i.key).not.toBe('');
      expect(i.path, i.key).toMatch(/^\/[a-z0-9\-/]*$/);
      // A rhythm other than "on change" must say when the item becomes overdue.
      expect(i.rhythm === 'on-change' || typeof i.maxAgeDays === 'number', i.key).toBe(true);
    }
  });

  test('a disclosure kind has its own page, in ASCII', () => {
    expect(disclosureKindPath('Báo cáo thực hiện ngân sách')).toBe('/cong-khai/loai/bao-cao-thuc-hien-ngan-sach/');
    for (const kind of DISCLOSURE_KINDS) expect(disclosureKindPath(kind)).toMatch(/^\/cong-khai\/loai\/[a-z0-9-]+\/$/);
  });

  test('judges an item: nothing published is "chưa có"; within its rhythm "đủ"; past it "quá hạn cập nhật"', () => {
    expect(assess(item(), { count: 0, latest: null }, '2026-12-01')).toMatchObject({ status: 'missing', statusLabel: 'Chưa có', dueBy: null });
    // The week of Monday 30/11 covers up to Sunday 6/12.
    expect(assess(item(), { count: 3, latest: '2026-11-30' }, '2026-12-06')).toMatchObject({ status: 'ok', statusLabel: 'Đủ', dueBy: '2026-12-06' });
    expect(assess(item(), { count: 3, latest: '2026-11-30' }, '2026-12-07')).toMatchObject({ status: 'overdue', statusLabel: 'Quá hạn cập nhật' });
    // Published when it changes: never overdue.
    expect(assess(item({ rhythm: 'on-change', maxAgeDays: undefined }), { count: 1, latest: '2020-01-01' }, '2026-12-01').status).toBe('ok');
    // The platform's own page.
    expect(assess(item({ source: null }), { count: 0, latest: null }, '2026-12-01').status).toBe('ok');
  });

  test('writes the latest information by what its date stands for', () => {
    expect(latestText('2026-11-20')).toBe('20/11/2026');
    expect(latestText('2026-11-30', 'week')).toBe('Tuần từ 30/11/2026');
    expect(latestText('2026-11-01', 'month')).toBe('Tháng 11/2026');
    expect(latestText(null, 'month')).toBe('—');
  });

  test('reads stored dates as they are and moments as their day in Viet Nam', () => {
    expect(dayOfValue('2026-11-30')).toBe('2026-11-30');
    expect(dayOfValue('2026-11-30T18:30:00.000Z')).toBe('2026-12-01');
    expect(dayOfValue(null)).toBeNull();
    expect(dayOfValue('')).toBeNull();
  });

  test('the report gives each item its rhythm in Vietnamese and where to fix it; the summary counts the states', () => {
    const rows = complianceReport(new Map([['lich-cong-tac', { count: 1, latest: '2026-11-30' }]]), '2026-12-01');
    expect(rows).toHaveLength(COMPLIANCE_ITEMS.length);
    const week = rows.find((r) => r.key === 'lich-cong-tac')!;
    expect(week).toMatchObject({ status: 'ok', rhythmLabel: 'Hằng tuần', latestText: 'Tuần từ 30/11/2026', adminPath: '/admin/content-manager/collection-types/api::work-week.work-week' });
    expect(rows.find((r) => r.key === 'tieng-anh')!.adminPath).toBe('/admin/content-manager/collection-types/api::portal.portal');
    const summary = complianceSummary(rows);
    expect(summary.ok + summary.overdue + summary.missing).toBe(rows.length);
    expect(summary.ok).toBe(2); // the schedule and this list itself
  });
});
