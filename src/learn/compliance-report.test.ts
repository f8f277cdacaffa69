import { describe, expect, test } from 'vitest';
import type { ComplianceRule } from './compliance.ts';
import { buildComplianceRows, complianceCsv, completionSeries, filterComplianceRows } from './compliance-report.ts';
import { newCertificateCode, normalizeCertificateCode, certificateCodeHash } from './certificate-code.ts';

const rule: ComplianceRule = {
  id: 'us-mi-licensees', jurisdiction: 'US-MI', title: 'Michigan', law: 'test', status: 'confirmed', appliesTo: { professions: '*' },
  kind: 'one-time', dueBy: 'next-renewal', requiredHours: null, approval: { anyCourse: true }, signage: null, sources: [], lastVerified: '2026-11-28', verifiedAgainst: 'test',
};

describe('compliance report', () => {
  const members = [
    { userId: 'a', displayName: 'Ana', email: 'a@x.org', roles: ['clinician'] },
    { userId: 'b', displayName: '=SUM(A1:A2)', email: 'b@x.org', roles: ['learner'] },
    { userId: 'c', displayName: 'Cy', email: 'c@x.org', roles: ['learner'] },
  ];
  const profiles = [
    { userId: 'a', facilityId: 'f1', profession: 'nurse', jurisdiction: 'US-MI', licenseRenewalDate: '2026-12-10', licenseIssuedDate: null },
    { userId: 'b', facilityId: 'f2', profession: 'nurse', jurisdiction: 'US-MI', licenseRenewalDate: '2026-11-01', licenseIssuedDate: null },
  ];
  const rows = buildComplianceRows({ members, profiles, completions: [], rules: [rule], today: '2026-11-28', dueSoonDays: 60 });

  test('statuses: due soon, overdue, and no profile', () => {
    expect(rows.map((r) => [r.userId, r.status])).toEqual([['a', 'due-soon'], ['b', 'overdue'], ['c', 'no-profile']]);
    const done = buildComplianceRows({ members, profiles, completions: [{ userId: 'a', courseId: 'x', courseVersion: '1', hours: 1, completedAt: '2026-11-20T10:00:00Z' }], rules: [rule], today: '2026-11-28', dueSoonDays: 60 });
    expect(done[0]).toMatchObject({ status: 'compliant', lastCompletedAt: '2026-11-20T10:00:00Z' });
  });

  test('filters by facility, role and status', () => {
    expect(filterComplianceRows(rows, { facilityId: 'f2' }).map((r) => r.userId)).toEqual(['b']);
    expect(filterComplianceRows(rows, { role: 'learner', status: 'no-profile' }).map((r) => r.userId)).toEqual(['c']);
  });

  test('CSV cells that start a formula are neutralized', () => {
    const csv = complianceCsv(rows, new Map([['f1', 'North']]));
    expect(csv.split('\r\n')[2]).toMatch(/^'=SUM\(A1:A2\),/);
    expect(csv).toContain(',North,');
  });

  test('the series counts completions per month and learners so far', () => {
    const points = completionSeries([
      { userId: 'a', courseId: 'x', courseVersion: '1', hours: 1, completedAt: '2026-10-03T00:00:00Z' },
      { userId: 'b', courseId: 'x', courseVersion: '1', hours: 1, completedAt: '2026-11-03T00:00:00Z' },
      { userId: 'a', courseId: 'y', courseVersion: '1', hours: 1, completedAt: '2026-11-04T00:00:00Z' },
    ], '2026-09-15', '2027-01-02');
    expect(points).toEqual([
      { month: '2026-09', completions: 0, learnersCompleted: 0 }, { month: '2026-10', completions: 1, learnersCompleted: 1 },
      { month: '2026-11', completions: 2, learnersCompleted: 2 }, { month: '2026-12', completions: 0, learnersCompleted: 2 },
      { month: '2027-01', completions: 0, learnersCompleted: 2 },
    ]);
  });
});

describe('certificate codes', () => {
  test('codes are 100 random bits, unique, and survive retyping', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newCertificateCode()));
    expect(codes.size).toBe(500);
    const code = [...codes][0]!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(normalizeCertificateCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code);
    expect(normalizeCertificateCode('../../etc/passwd')).toBeNull();
    expect(certificateCodeHash(code)).not.toContain(code);
  });
});
