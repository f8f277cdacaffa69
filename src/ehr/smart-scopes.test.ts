import { describe, expect, test } from 'vitest';
import { ageInYears, SMART_EHR_LAUNCH_SCOPE, SMART_STANDALONE_SCOPE } from './smart-scopes.ts';

describe('SMART launch scopes and age', () => {
  test('asks only for the launch context, identity, the patient read and the two writes (v2 syntax)', () => {
    expect(SMART_EHR_LAUNCH_SCOPE.split(' ')).toEqual(['launch', 'openid', 'fhirUser', 'patient/Patient.r', 'patient/QuestionnaireResponse.c', 'patient/Observation.c', 'online_access']);
    expect(SMART_STANDALONE_SCOPE.split(' ')[0]).toBe('launch/patient');
    expect(SMART_STANDALONE_SCOPE).not.toMatch(/\.(read|write)\b|\*/);
  });

  test('counts whole years, the day before a birthday still the younger age', () => {
    const today = new Date('2026-06-15T12:00:00Z');
    expect(ageInYears('2010-06-15', today)).toBe(16);
    expect(ageInYears('2010-06-16', today)).toBe(15);
    expect(ageInYears('2008-01-01', today)).toBe(18);
  });

  test('a partial birthDate never overstates the age; nonsense gives no age', () => {
    const today = new Date('2026-06-15T12:00:00Z');
    expect(ageInYears('2008', today)).toBe(17);
    expect(ageInYears('2008-06', today)).toBe(17);
    expect(ageInYears('2008-05', today)).toBe(18);
    expect(ageInYears(undefined, today)).toBeUndefined();
    expect(ageInYears('15/06/2008', today)).toBeUndefined();
    expect(ageInYears('2030-01-01', today)).toBeUndefined();
  });
});
