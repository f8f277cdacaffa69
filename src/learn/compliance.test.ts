import { describe, expect, test } from 'vitest';
import { addMonths, complianceStatus, type Completion, type ComplianceInput, type ComplianceRule } from './compliance.ts';
import { loadComplianceRules } from './compliance-rules.ts';

const { rules } = await loadComplianceRules();
const approved = (courseId: string): ComplianceRule[] =>
  rules.map((r) => (r.approval.anyCourse ? r : { ...r, approval: { ...r.approval, approvedCourses: [{ courseId }] } }));
const done = (completedAt: string, hours = 1, courseId = 'lantern-essentials'): Completion => ({ courseId, courseVersion: '1.0.0', hours, completedAt });
const base = (over: Partial<ComplianceInput>): ComplianceInput => ({
  rules: approved('lantern-essentials'),
  user: { profession: 'pharmacist', jurisdiction: 'US-TX', licenseRenewalDate: '2027-06-30' },
  completions: [],
  today: '2027-05-01',
  dueSoonDays: 60,
  ...over,
});

describe('each license renewal (Texas practitioners)', () => {
  test('not due yet, due soon on the boundary day, due on the renewal day, overdue the day after', () => {
    expect(complianceStatus(base({ today: '2027-04-30' })).status).toBe('compliant'); // 61 days before
    expect(complianceStatus(base({ today: '2027-05-01' }))).toMatchObject({ status: 'due-soon', dueDate: '2027-06-30' }); // 60 days
    expect(complianceStatus(base({ today: '2027-06-30' })).status).toBe('due-soon');
    expect(complianceStatus(base({ today: '2027-07-01' }))).toMatchObject({ status: 'overdue', dueDate: '2027-06-30', code: 'past-due', ruleId: 'us-tx-practitioners' });
  });

  test('a completion counts only within the license term (24 months by default)', () => {
    expect(complianceStatus(base({ completions: [done('2025-07-01')] })).status).toBe('compliant');
    expect(complianceStatus(base({ completions: [done('2025-06-30')] })).status).toBe('due-soon');
    expect(complianceStatus(base({ completions: [done('2027-06-30T23:00:00Z')], today: '2027-06-30' })).status).toBe('compliant');
  });

  test('a course not on the approved list does not count, and physicians follow their own rule', () => {
    expect(complianceStatus(base({ rules, completions: [done('2026-01-10')] })).status).toBe('due-soon');
    const physician = complianceStatus(base({ user: { profession: 'physician', jurisdiction: 'US-TX', licenseRenewalDate: '2027-06-30' } }));
    expect(physician.rules.map((r) => r.ruleId)).toEqual(['us-tx-physicians']);
  });

  test('nurses fall under an unconfirmed rule: not enforced unless asked', () => {
    const nurse = { profession: 'nurse', jurisdiction: 'US-TX', licenseRenewalDate: '2027-06-30' };
    expect(complianceStatus(base({ user: nurse }))).toMatchObject({ status: 'not-applicable', unconfirmedRules: ['us-tx-nurses'] });
    expect(complianceStatus(base({ user: nurse, includeUnconfirmed: true })).status).toBe('due-soon');
  });
});

describe('fixed deadline (Florida, 1 hour by 1 Jan 2021)', () => {
  const fl = { profession: 'dentist', jurisdiction: 'US-FL', licenseRenewalDate: '2027-02-28' };
  test('due on the deadline, overdue the day after, compliant once completed', () => {
    expect(complianceStatus(base({ user: fl, today: '2021-01-01' })).status).toBe('due-soon');
    expect(complianceStatus(base({ user: fl, today: '2021-01-02' }))).toMatchObject({ status: 'overdue', dueDate: '2021-01-01' });
    expect(complianceStatus(base({ user: fl, today: '2026-01-01', completions: [done('2022-03-01')] }))).toMatchObject({ status: 'compliant', dueDate: null });
  });
  test('hours add up, and a completion in the future does not count yet', () => {
    const halves = [done('2020-10-01', 0.5), done('2020-12-01', 0.5)];
    expect(complianceStatus(base({ user: fl, today: '2020-12-15', completions: halves })).status).toBe('compliant');
    expect(complianceStatus(base({ user: fl, today: '2020-11-15', completions: halves })).status).toBe('due-soon');
  });
  test('a licensee licensed after the deadline is due by the first renewal', () => {
    const newcomer = { ...fl, licenseIssuedDate: '2025-03-01' };
    expect(complianceStatus(base({ user: newcomer, today: '2026-01-01' }))).toMatchObject({ status: 'compliant', dueDate: '2027-02-28' });
  });
});

describe('one time by the next renewal (Michigan)', () => {
  test('any course counts; due at the renewal date', () => {
    const mi = { profession: 'social-worker', jurisdiction: 'US-MI', licenseRenewalDate: '2027-03-31' };
    expect(complianceStatus(base({ user: mi, today: '2027-04-01' })).status).toBe('overdue');
    expect(complianceStatus(base({ rules, user: mi, today: '2027-04-01', completions: [done('2019-05-05', 1, 'another-course')] })).status).toBe('compliant');
  });
});

describe('annual (Connecticut, unconfirmed, anchored on 1 July)', () => {
  const ct = { profession: 'nurse', jurisdiction: 'US-CT' };
  const run = (today: string, completions: Completion[]) => complianceStatus(base({ user: ct, today, completions, includeUnconfirmed: true }));
  test('a completion covers the year ending on the next 1 July', () => {
    expect(run('2026-06-30', [done('2025-07-02')])).toMatchObject({ status: 'compliant', dueDate: '2026-07-01' });
    expect(run('2026-07-01', [done('2025-07-01')])).toMatchObject({ status: 'due-soon', dueDate: '2026-07-01' });
    expect(run('2026-07-02', [done('2025-07-01')])).toMatchObject({ status: 'overdue', dueDate: '2026-07-01', code: 'missed-last-year' });
    expect(run('2026-07-02', [done('2025-07-01'), done('2026-07-02')])).toMatchObject({ status: 'compliant', dueDate: '2027-07-01', code: 'completed' });
  });
});

describe('not applicable', () => {
  test('a state without a rule, and NY staff outside hospitals', () => {
    expect(complianceStatus(base({ user: { profession: 'nurse', jurisdiction: 'US-OR' } })).status).toBe('not-applicable');
    expect(complianceStatus(base({ user: { profession: 'nurse', jurisdiction: 'US-NY', facilityType: 'clinic' } })).status).toBe('not-applicable');
    expect(complianceStatus(base({ user: { profession: 'nurse', jurisdiction: 'US-NY', facilityType: 'hospital' } }))).toMatchObject({ status: 'due-soon', dueDate: null, code: 'no-deadline' });
  });
});

test('addMonths clamps to the end of a shorter month', () => {
  expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  expect(addMonths('2027-06-30', -24)).toBe('2025-06-30');
});
