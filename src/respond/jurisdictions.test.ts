import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  findJurisdiction,
  findNationalRoute,
  loadShippedReference,
  parseJurisdictions,
  parseNationalRoutes,
  requiresAdultLawEnforcementReport,
} from './jurisdictions.ts';

// The 50 states and DC by ISO 3166-2 code: the coverage the issue requires.
const allCodes = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY',
  'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH',
  'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
].map((s) => `US-${s}`);

const contentDir = new URL('../../content/jurisdictions/', import.meta.url);
const statesText = readFileSync(new URL('us-states.yaml', contentDir), 'utf8');

describe('shipped jurisdiction data', () => {
  const { jurisdictions, national } = loadShippedReference();

  test('covers all 50 states and DC exactly once, plus a fallback', () => {
    expect(jurisdictions.jurisdictions.map((j) => j.code).sort()).toEqual([...allCodes].sort());
    expect(jurisdictions.fallback.code).toBe('FALLBACK');
  });

  test('every row, the fallback included, has a source with a date and a last-verified date', () => {
    for (const j of [...jurisdictions.jurisdictions, jurisdictions.fallback]) {
      expect(j.sources.length, j.code).toBeGreaterThan(0);
      for (const s of j.sources) {
        expect(s.url, j.code).toMatch(/^https?:\/\//);
        expect(s.date.length, j.code).toBeGreaterThan(0);
      }
      expect(j.lastVerified.date, j.code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('county-only states offer no statewide number, and Wyoming has no confirmed one', () => {
    for (const code of ['US-AL', 'US-CA', 'US-MN', 'US-NC', 'US-WI']) {
      const j = findJurisdiction(jurisdictions, code).jurisdiction;
      expect(j.childProtection.route, code).toBe('county');
      expect(j.childProtection.phones, code).toEqual([]);
    }
    const wy = findJurisdiction(jurisdictions, 'US-WY').jurisdiction.childProtection;
    expect(wy.phones.every((p) => p.status === 'unconfirmed')).toBe(true);
  });

  test('numbers known to be wrong in public lists are not in the data', () => {
    expect(statesText).not.toContain('1-800-743-4453'); // misprint of Rhode Island's line
    expect(statesText).not.toContain('232-3237'); // misprint of Utah's line
    const al = findJurisdiction(jurisdictions, 'US-AL').jurisdiction;
    expect(JSON.stringify(al)).not.toContain('1-877-237-0004'); // Tennessee's hotline, listed for Alabama by one page
    expect(JSON.stringify(jurisdictions)).not.toContain('1-800-422-4453'); // the counselling line is not a state's reporting line
  });

  test('the secondary Texas out-of-state number stays marked unconfirmed', () => {
    const tx = findJurisdiction(jurisdictions, 'US-TX').jurisdiction.childProtection;
    expect(tx.phones.find((p) => p.number === '1-800-252-5400')?.status).toBe('confirmed');
    expect(tx.phones.find((p) => p.number === '512-834-3784')?.status).toBe('unconfirmed');
  });

  test('no state has a confirmed adult duty, so adults decide everywhere by default', () => {
    expect(jurisdictions.jurisdictions.filter(requiresAdultLawEnforcementReport)).toEqual([]);
  });

  test('national routes carry the hotline and CyberTipline numbers and name no operator', () => {
    const hotline = findNationalRoute(national, 'human-trafficking-hotline');
    expect(hotline?.phone).toBe('1-888-373-7888');
    expect(hotline?.text?.number).toBe('233733');
    expect(hotline?.tty).toBe('711');
    expect(findNationalRoute(national, 'cybertipline')?.phone).toBe('1-800-843-5678');
    expect(findNationalRoute(national, 'emergency')?.phone).toBe('911');
    // Operators change (the hotline's did in 2025); what the product shows names the route only.
    const shown = JSON.stringify(national.routes.map((r) => [r.name, r.purpose, r.notes, r.languages]));
    expect(shown).not.toMatch(/polaris|compass connections|ncmec|national center for missing|childhelp/i);
  });
});

describe('findJurisdiction', () => {
  const { jurisdictions } = loadShippedReference();

  test('finds a state by ISO 3166-2 code, whatever the case', () => {
    const match = findJurisdiction(jurisdictions, 'us-tx');
    expect(match.isFallback).toBe(false);
    expect(match.jurisdiction.name).toBe('Texas');
  });

  test('falls back for an unknown or missing code', () => {
    expect(findJurisdiction(jurisdictions, 'CA-ON')).toMatchObject({ requested: 'CA-ON', isFallback: true, jurisdiction: { code: 'FALLBACK' } });
    expect(findJurisdiction(jurisdictions, undefined).isFallback).toBe(true);
  });
});

describe('validation', () => {
  test('an invalid jurisdiction document is rejected with the path, line and reason of each error', () => {
    const broken = statesText
      .replace('route: county\n', 'route: by-county\n')
      .replace("    lastVerified: { date: '2026-11-28', method: research-notes }\n\n  - code: US-AK", '\n  - code: US-AK');
    const parsed = parseJurisdictions(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/jurisdictions/0/childProtection/route', reason: expect.stringContaining('"statewide"') }),
        expect.objectContaining({ path: '/jurisdictions/0', reason: 'missing required property "lastVerified"' }),
      ]),
    );
    const routeIssue = parsed.issues.find((i) => i.path.endsWith('/route'));
    expect(statesText.split('\n')[(routeIssue?.line ?? 0) - 1]).toContain('route: county');
  });

  test('a statewide route without a confirmed number is rejected, and duplicate codes too', () => {
    const unconfirmedStatewide = statesText.replace(
      '        - { number: 1-800-478-4444, hours: 24/7, status: confirmed }',
      '        - { number: 1-800-478-4444, hours: 24/7, status: unconfirmed }',
    );
    const parsed = parseJurisdictions(unconfirmedStatewide.replace('code: US-AZ', 'code: US-AK'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.reason)).toEqual(
      expect.arrayContaining(['a statewide route needs a confirmed phone number', 'duplicate code US-AK']),
    );
  });

  test('national routes must include the hotline, CyberTipline and emergency', () => {
    const parsed = parseNationalRoutes('version: 1\nroutes: []\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues).toHaveLength(3);
  });
});
