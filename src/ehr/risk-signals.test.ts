import { describe, expect, test } from 'vitest';
import { ageInYears, loadShippedRiskSignals, matchRiskSignals, parseRiskSignals } from './risk-signals.ts';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const now = new Date('2026-11-28T12:00:00Z');
const condition = (code: string, date: string, extra: Partial<fhir4.Condition> = {}): fhir4.Condition => ({
  resourceType: 'Condition', subject: { reference: 'Patient/p' }, code: { coding: [{ system: ICD, code }] }, recordedDate: date, ...extra,
});
const patient = (birthDate: string): fhir4.Patient => ({ resourceType: 'Patient', birthDate });
const ids = (facts: Parameters<typeof matchRiskSignals>[1]) => matchRiskSignals(loadShippedRiskSignals(), facts).map((s) => s.id);

describe('risk signals', () => {
  test('age is counted in whole years, birthday included', () => {
    expect(ageInYears('2010-11-28', now)).toBe(16);
    expect(ageInYears('2010-11-29', now)).toBe(15);
    expect(ageInYears('2010', now)).toBe(16);
    expect(ageInYears(undefined, now)).toBeUndefined();
  });

  test('two STIs within a year at 19 match; one, or two at 40, or one older than a year, do not', () => {
    expect(ids({ patient: patient('2007-01-01'), conditions: [condition('A54.00', '2026-03-01'), condition('A56.01', '2026-10-01')], now })).toEqual(['repeated-sti-young']);
    expect(ids({ patient: patient('2007-01-01'), conditions: [condition('A54.00', '2026-03-01')], now })).toEqual([]);
    expect(ids({ patient: patient('1986-01-01'), conditions: [condition('A54.00', '2026-03-01'), condition('A56.01', '2026-10-01')], now })).toEqual([]);
    expect(ids({ patient: patient('2007-01-01'), conditions: [condition('A54.00', '2025-10-01'), condition('A56.01', '2026-10-01')], now })).toEqual([]);
  });

  test('pregnancy under 18 matches; at 18 it does not', () => {
    expect(ids({ patient: patient('2010-06-01'), conditions: [condition('Z34.00', '2026-09-01')], now })).toEqual(['pregnancy-in-minor']);
    expect(ids({ patient: patient('2008-06-01'), conditions: [condition('Z34.00', '2026-09-01')], now })).toEqual([]);
  });

  test('a prior exploitation code matches at any age and date; a refuted one does not', () => {
    expect(ids({ patient: patient('1980-01-01'), conditions: [condition('T76.61XA', '2019-01-01')], now })).toEqual(['prior-exploitation-code']);
    const refuted = condition('T76.61XA', '2019-01-01', { verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'refuted' }] } });
    expect(ids({ patient: patient('1980-01-01'), conditions: [refuted], now })).toEqual([]);
  });

  test('an invalid signal file is refused with the path of the error', () => {
    expect(() => parseRiskSignals('version: 1\nlastVerified: "2026-11-28"\nsignals:\n  - id: Bad Id\n    indicator: info\n    summaryKey: ehr.signal.x\n    sources: [a]\n    when: { conditions: { system: "http://x", prefixes: [A], minCount: 1 } }\n'))
      .toThrow(/signals\/0\/id/);
  });
});
