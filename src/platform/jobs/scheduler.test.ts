import { describe, expect, test } from 'vitest';
import { utcDay, utcHour } from './scheduler.ts';
import { retentionCutoff } from '../ops/retention.ts';
import { monthOf } from '../ops/counters.ts';

describe('periods and cut-offs', () => {
  test('a daily job\'s period is the UTC day, whatever the local time', () => {
    expect(utcDay(new Date('2026-11-28T23:59:59.999Z'))).toBe('2026-11-28');
    expect(utcDay(new Date('2026-11-29T00:00:00.000-05:00'))).toBe('2026-11-29');
  });

  test('an hourly job\'s period is the UTC hour', () => {
    expect(utcHour(new Date('2026-11-28T03:59:59.999Z'))).toBe('2026-11-28T03');
    expect(utcHour(new Date('2026-11-28T04:00:00.000+01:00'))).toBe('2026-11-28T03');
  });

  test('the retention cut-off is exactly the period before now', () => {
    expect(retentionCutoff(new Date('2026-11-28T03:00:00Z'), 30).toISOString()).toBe('2026-10-29T03:00:00.000Z');
  });

  test('counters are kept by UTC month', () => {
    expect(monthOf(new Date('2026-12-01T00:30:00+02:00'))).toBe('2026-11');
  });
});
