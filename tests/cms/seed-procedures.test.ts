import { describe, expect, test } from 'vitest';
import { dossierReport, ONLINE_LEVELS } from '../../content-types/src/model';
import { DEMO_PROCEDURES, demoDossierFigures, demoMonths } from '../../cms/src/seed/procedures';
import { SECTORS } from '../../cms/src/seed/demo-documents';

describe('demo procedures and dossier figures', () => {
  test('months run from January of last year to the month before today', () => {
    const months = demoMonths('2026-12-01');
    expect(months[0]).toBe('2025-01-01');
    expect(months.at(-1)).toBe('2026-11-01');
    expect(months).toHaveLength(23);
    expect(demoMonths('2026-01-15')).toHaveLength(12);
  });

  test('every demo month passes the model rules; one month received nothing and resolved nothing', () => {
    const figures = demoDossierFigures(demoMonths('2026-12-01'));
    for (const f of figures) for (const check of dossierReport.checks ?? []) expect(check(f as never)).toBeNull();
    const empty = figures.filter((f) => f.received === 0);
    expect(empty).toHaveLength(1);
    expect(empty[0]!.onTime + empty[0]!.late).toBe(0);
    for (let i = 1; i < figures.length; i += 1) expect(figures[i]!.carriedOver).toBe(figures[i - 1]!.pending);
  });

  test('demo procedures: unique codes, known sectors and levels', () => {
    expect(DEMO_PROCEDURES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(DEMO_PROCEDURES.map((p) => p[0])).size).toBe(DEMO_PROCEDURES.length);
    for (const [, , sector, level] of DEMO_PROCEDURES) {
      expect(SECTORS as readonly string[]).toContain(sector);
      expect(ONLINE_LEVELS as readonly string[]).toContain(level);
    }
  });
});
