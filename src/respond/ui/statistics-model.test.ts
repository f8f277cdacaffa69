import { describe, expect, test } from 'vitest';
import { buildSections, classify, combine, hasDrawableCounts, monthsBetween } from './statistics-model.ts';
import type { StatisticsRow } from './respond-types.ts';

const row = (month: string, metric: string, dimension: string, value: StatisticsRow['value'], facilityId = 'f1'): StatisticsRow => ({ month, facilityId, metric, dimension, value });

describe('statistics sections', () => {
  test('screens go by instrument and result; not-safe and declined also count in their own section', () => {
    expect(classify({ metric: 'screening.completed', dimension: 'youth:positive' })).toEqual([{ section: 'screens', label: 'youth · positive' }]);
    expect(classify({ metric: 'screening.completed', dimension: 'youth:declined' }).map((p) => p.section)).toEqual(['screens', 'safety']);
    expect(classify({ metric: 'case.action.skipped', dimension: 'offer-hotline' })).toEqual([{ section: 'actions', label: 'skipped' }]);
  });

  test('a total that includes a suppressed count is hidden, never a number', () => {
    expect(combine(undefined, '<11')).toBe('<11');
    expect(combine(12, 15)).toBe(27);
    expect(combine(12, '<11')).toBe('hidden');
    expect(combine('<11', '<11')).toBe('hidden');
  });

  test('months without counters read zero, and facilities add up only when every part is shown', () => {
    const months = monthsBetween('2026-11', '2027-02');
    expect(months).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    const sections = buildSections([
      row('2026-12', 'case.opened', 'screen', 20), row('2026-12', 'case.opened', 'screen', 30, 'f2'),
      row('2027-01', 'case.opened', 'screen', '<11'), row('2027-01', 'case.closed', 'all', 14),
    ], months);
    const cases = sections.find((s) => s.id === 'cases')!;
    expect(cases.series).toEqual([
      { label: 'closed', cells: [0, 0, 14, 0] },
      { label: 'opened', cells: [0, 50, '<11', 0] },
    ]);
    expect(hasDrawableCounts(cases)).toBe(true);
    expect(hasDrawableCounts(buildSections([row('2027-01', 'case.opened', 'screen', '<11')], months).find((s) => s.id === 'cases')!)).toBe(false);
  });
});
