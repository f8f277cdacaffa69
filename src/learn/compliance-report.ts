/**
 * @module The educator's compliance view, as pure functions: a row per member with their status
 * under the state rules (complianceStatus), filters, a formula-safe CSV, and completions per month
 * for a chart. The I/O that feeds them is compliance-store.ts.
 */
import { csvRow } from '../platform/audit/csv.ts';
import { complianceStatus, type ComplianceReasonCode, type ComplianceRule, type Completion } from './compliance.ts';

export interface Member { userId: string; displayName: string; email: string; roles: string[] }
export interface ProfileRecord {
  userId: string;
  facilityId: string | null;
  profession: string;
  jurisdiction: string;
  licenseRenewalDate: string | null;
  licenseIssuedDate: string | null;
}
export interface CompletionRecord extends Completion { userId: string }

export type ComplianceRowStatus = 'compliant' | 'due-soon' | 'overdue' | 'not-applicable' | 'no-profile';

export interface ComplianceRow {
  userId: string;
  displayName: string;
  email: string;
  roles: string[];
  facilityId: string | null;
  profession: string | null;
  jurisdiction: string | null;
  licenseRenewalDate: string | null;
  status: ComplianceRowStatus;
  dueDate: string | null;
  code: ComplianceReasonCode | 'no-profile';
  reason: string;
  ruleId: string | null;
  unconfirmedRules: string[];
  lastCompletedAt: string | null;
}

/** One row per member: their compliance today. */
export function buildComplianceRows(input: {
  members: Member[]; profiles: ProfileRecord[]; completions: CompletionRecord[]; rules: ComplianceRule[]; today: string; dueSoonDays: number;
}): ComplianceRow[] {
  const profiles = new Map(input.profiles.map((p) => [p.userId, p]));
  return input.members.map((member) => {
    const profile = profiles.get(member.userId);
    const mine = input.completions.filter((c) => c.userId === member.userId);
    const lastCompletedAt = mine.map((c) => c.completedAt).sort().at(-1) ?? null;
    const base = { userId: member.userId, displayName: member.displayName, email: member.email, roles: member.roles, lastCompletedAt };
    if (!profile) {
      return {
        ...base, facilityId: null, profession: null, jurisdiction: null, licenseRenewalDate: null, status: 'no-profile', dueDate: null,
        code: 'no-profile', reason: 'profession and jurisdiction not recorded', ruleId: null, unconfirmedRules: [],
      };
    }
    const result = complianceStatus({
      rules: input.rules, today: input.today, dueSoonDays: input.dueSoonDays, completions: mine,
      user: {
        profession: profile.profession, jurisdiction: profile.jurisdiction,
        ...(profile.licenseRenewalDate ? { licenseRenewalDate: profile.licenseRenewalDate } : {}),
        ...(profile.licenseIssuedDate ? { licenseIssuedDate: profile.licenseIssuedDate } : {}),
      },
    });
    return {
      ...base, facilityId: profile.facilityId, profession: profile.profession, jurisdiction: profile.jurisdiction, licenseRenewalDate: profile.licenseRenewalDate,
      status: result.status, dueDate: result.dueDate, code: result.code, reason: result.reason, ruleId: result.ruleId, unconfirmedRules: result.unconfirmedRules,
    };
  });
}

/** Keeps the rows matching every filter given. */
export function filterComplianceRows(rows: ComplianceRow[], filter: { facilityId?: string; role?: string; status?: ComplianceRowStatus }): ComplianceRow[] {
  return rows.filter((r) => (!filter.facilityId || r.facilityId === filter.facilityId)
    && (!filter.role || r.roles.includes(filter.role))
    && (!filter.status || r.status === filter.status));
}

const csvHeader = ['name', 'email', 'roles', 'facility', 'profession', 'jurisdiction', 'license_renewal', 'status', 'due_date', 'reason', 'rule', 'last_completed'];

/** The rows as CSV (RFC 4180; a cell starting with =, +, -, @ is neutralized). */
export function complianceCsv(rows: ComplianceRow[], facilityNames: ReadonlyMap<string, string>): string {
  return csvRow(csvHeader) + rows.map((r) => csvRow([
    r.displayName, r.email, r.roles.join(' '), r.facilityId ? facilityNames.get(r.facilityId) ?? r.facilityId : '', r.profession, r.jurisdiction,
    r.licenseRenewalDate, r.status, r.dueDate, r.reason, r.ruleId, r.lastCompletedAt?.slice(0, 10),
  ])).join('');
}

export interface SeriesPoint {
  /** YYYY-MM */
  month: string;
  /** Courses completed that month. */
  completions: number;
  /** Learners with at least one completion by the end of the month. */
  learnersCompleted: number;
}

/** Completions per month from `from` to `to` (inclusive), for a chart. */
export function completionSeries(completions: CompletionRecord[], from: string, to: string): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let month = from.slice(0, 7);
  const last = to.slice(0, 7);
  while (month <= last && points.length < 600) {
    const inMonth = completions.filter((c) => c.completedAt.slice(0, 7) === month).length;
    const learners = new Set(completions.filter((c) => c.completedAt.slice(0, 7) <= month).map((c) => c.userId)).size;
    points.push({ month, completions: inMonth, learnersCompleted: learners });
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return points;
}
