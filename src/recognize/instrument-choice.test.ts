import { describe, expect, test } from 'vitest';
import { chooseInstrument } from './instrument-choice.ts';

describe('instrument choice by age', () => {
  test.each([
    [0, 'lantern-indicators', true, 'under-12'],
    [11, 'lantern-indicators', true, 'under-12'],
    [11.9, 'lantern-indicators', true, 'under-12'],
    [12, 'lantern-youth-screen', false, 'youth'],
    [17, 'lantern-youth-screen', false, 'youth'],
    [18, 'lantern-adult-screen', false, 'adult'],
    [90, 'lantern-adult-screen', false, 'adult'],
    [undefined, 'lantern-indicators', true, 'age-unknown'],
  ] as const)('age %s in the ED → %s', (ageYears, instrumentId, clinicianAssessmentOnly, basis) => {
    expect(chooseInstrument({ ageYears, setting: 'emergency' })).toEqual({ instrumentId, clinicianAssessmentOnly, basis, outsideStudiedSetting: false });
  });

  test('the setting flags use outside the settings each instrument was studied in', () => {
    expect(chooseInstrument({ ageYears: 30, setting: 'primary-care' }).outsideStudiedSetting).toBe(true);
    expect(chooseInstrument({ ageYears: 15, setting: 'teen-clinic' }).outsideStudiedSetting).toBe(false);
    expect(chooseInstrument({ ageYears: 15, setting: 'child-advocacy-center' }).outsideStudiedSetting).toBe(false);
    expect(chooseInstrument({ ageYears: 15, setting: 'prenatal' }).outsideStudiedSetting).toBe(true);
  });

  test('rejects an impossible age', () => {
    expect(() => chooseInstrument({ ageYears: -1, setting: 'emergency' })).toThrow(/ageYears|Age/);
    expect(() => chooseInstrument({ ageYears: Number.NaN, setting: 'emergency' })).toThrow();
  });
});

describe('override', () => {
  test('with a reason: the choice and the reason are kept', () => {
    expect(chooseInstrument({ ageYears: 19, setting: 'teen-clinic', override: { instrumentId: 'lantern-youth-screen', reason: '  Seen in the teen clinic  ' } }))
      .toEqual({ instrumentId: 'lantern-youth-screen', clinicianAssessmentOnly: false, basis: 'override', outsideStudiedSetting: false,
        override: { from: 'lantern-adult-screen', reason: 'Seen in the teen clinic' } });
  });

  test('without a reason, or to an unknown instrument, it is refused', () => {
    expect(() => chooseInstrument({ ageYears: 30, setting: 'emergency', override: { instrumentId: 'lantern-indicators', reason: ' ' } }))
      .toThrow(expect.objectContaining({ code: 'INVALID', field: 'override.reason' }));
    expect(() => chooseInstrument({ ageYears: 30, setting: 'emergency', override: { instrumentId: 'nope', reason: 'r' } }))
      .toThrow(expect.objectContaining({ field: 'override.instrumentId' }));
  });

  test('an imported facility instrument can be chosen when listed as available', () => {
    const choice = chooseInstrument({ ageYears: 30, setting: 'emergency', availableInstruments: new Set(['facility-screen']),
      override: { instrumentId: 'facility-screen', reason: 'Facility policy' } });
    expect(choice).toMatchObject({ instrumentId: 'facility-screen', basis: 'override', outsideStudiedSetting: false });
  });
});
