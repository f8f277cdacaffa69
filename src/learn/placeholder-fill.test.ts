import { describe, expect, test } from 'vitest';
import { findJurisdiction, findNationalRoute, loadShippedReference, withJurisdictions } from '../respond/jurisdictions.ts';
import { applyPlaceholders, fillPlaceholders } from './placeholder-fill.ts';
import { coursePlaceholders } from './course-text.ts';

describe('fillPlaceholders', () => {
  const reference = loadShippedReference();

  test('every placeholder a lesson may use gets a value from the jurisdiction data', () => {
    const fills = fillPlaceholders(reference, 'US-TX', 'en');
    expect(Object.keys(fills).sort()).toEqual([...coursePlaceholders].sort());
    const hotline = findNationalRoute(reference.national, 'human-trafficking-hotline')!;
    expect(fills['hotline.phone']).toBe(hotline.phone);
    expect(fills['hotline.textNumber']).toBe(hotline.text!.number);
    expect(fills['cybertipline.phone']).toBe(findNationalRoute(reference.national, 'cybertipline')!.phone);
    const texas = findJurisdiction(reference.jurisdictions, 'US-TX').jurisdiction;
    expect(fills['stateChildReport.route']).toContain(texas.childProtection.phones.find((p) => p.status === 'confirmed')!.number);
  });

  test('a change to the data changes the lesson: nothing is hard-coded', () => {
    const edited = {
      ...reference,
      national: { ...reference.national, routes: reference.national.routes.map((r) => (r.id === 'human-trafficking-hotline' ? { ...r, phone: '1-555-010-0000' } : r)) },
    };
    expect(applyPlaceholders('Call {hotline.phone}.', fillPlaceholders(edited, undefined, 'en'))).toBe('Call 1-555-010-0000.');
  });

  test('without a confirmed statewide number the route names the office, never a number; unknown places get the generic phrase', () => {
    const texas = findJurisdiction(reference.jurisdictions, 'US-TX').jurisdiction;
    const county = { ...texas, childProtection: { ...texas.childProtection, route: 'county' as const } };
    const fills = fillPlaceholders({ ...reference, jurisdictions: withJurisdictions(reference.jurisdictions, [county]) }, 'US-TX', 'es');
    expect(fills['stateChildReport.route']).toContain('su condado');
    expect(fills['stateChildReport.route']).not.toMatch(/\d{3}-\d{4}/);
    expect(fillPlaceholders(reference, 'US-ZZ', 'en')['stateChildReport.route']).toMatch(/child protection agency/);
    expect(fillPlaceholders(reference, undefined, 'es')['stateChildReport.route']).toMatch(/protección infantil/);
  });
});
