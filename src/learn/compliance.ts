/**
 * @module Whether a learner meets the state training mandates that apply to them. Pure: rules,
 * profile, completions and today's date in; a status with its due date and reason out. Dates are
 * calendar dates (`YYYY-MM-DD`); a due date is met by a completion on that day, and is overdue from
 * the next day. Rules marked unconfirmed in the data are skipped unless asked for, so nobody is told
 * they are overdue under a rule the project could not verify.
 */

/** One rule from content/compliance/rules.yaml (see rules.schema.json for each field's meaning). */
export interface ComplianceRule {
  id: string;
  jurisdiction: string;
  title: string;
  law: string;
  status: 'confirmed' | 'unconfirmed';
  unconfirmed?: string[];
  appliesTo: { professions: '*' | string[]; exceptProfessions?: string[]; facilityTypes?: string[]; scopeNote?: string };
  kind: 'one-time' | 'each-renewal' | 'annual' | 'fixed-deadline' | 'ongoing';
  dueBy?: 'next-renewal' | 'no-deadline';
  deadline?: string;
  newLicenseesDueBy?: 'first-renewal';
  defaultLicenseTermMonths?: number;
  requiredHours: number | null;
  approval: { authority?: string; anyCourse: boolean; approvedCourses?: { courseId: string; versions?: string[] }[] };
  signage: unknown;
  sources: string[];
  lastVerified: string;
  verifiedAgainst: string;
}

export type ComplianceState = 'compliant' | 'due-soon' | 'overdue' | 'not-applicable';

export interface ComplianceProfile {
  profession: string;
  /** ISO 3166-2, e.g. `US-TX`. */
  jurisdiction: string;
  /** The next license renewal date. */
  licenseRenewalDate?: string;
  /** When the license was first issued (decides the deadline for new licensees, where a rule says so). */
  licenseIssuedDate?: string;
  licenseTermMonths?: number;
  facilityType?: string;
}

export interface Completion {
  courseId: string;
  courseVersion: string;
  hours: number;
  /** Date (or ISO timestamp; only the date counts). */
  completedAt: string;
}

/** Why a status was given, for the UI to word in the learner's language (`reason` is English). */
export type ComplianceReasonCode =
  | 'completed'
  | 'due'
  | 'past-due'
  | 'missed-last-year'
  | 'renewal-date-missing'
  | 'no-deadline'
  | 'no-rule';

export interface RuleStatus {
  ruleId: string;
  status: Exclude<ComplianceState, 'not-applicable'>;
  dueDate: string | null;
  code: ComplianceReasonCode;
  reason: string;
}

export interface ComplianceResult {
  status: ComplianceState;
  /** The due date of the rule that decides the status. */
  dueDate: string | null;
  code: ComplianceReasonCode;
  reason: string;
  /** The rule that decides the status, if any. */
  ruleId: string | null;
  rules: RuleStatus[];
  /** Unconfirmed rules that would apply; shown as "check with your board", never enforced by default. */
  unconfirmedRules: string[];
}

export interface ComplianceInput {
  rules: ComplianceRule[];
  user: ComplianceProfile;
  completions: Completion[];
  today: string;
  dueSoonDays: number;
  includeUnconfirmed?: boolean;
}

const severity: Record<ComplianceState, number> = { 'not-applicable': 0, compliant: 1, 'due-soon': 2, overdue: 3 };

/** Computes a learner's compliance with every rule that applies to their jurisdiction and profession. */
export function complianceStatus(input: ComplianceInput): ComplianceResult {
  const { rules, user } = input;
  const matching = rules.filter((rule) => appliesTo(rule, user));
  const enforced = matching.filter((rule) => rule.status === 'confirmed' || input.includeUnconfirmed);
  const unconfirmedRules = matching.filter((rule) => rule.status === 'unconfirmed').map((rule) => rule.id);
  if (enforced.length === 0) {
    const reason = `no training rule applies to ${user.profession} in ${user.jurisdiction}`;
    return { status: 'not-applicable', dueDate: null, code: 'no-rule', reason, ruleId: null, rules: [], unconfirmedRules };
  }
  const statuses = enforced.map((rule) => evaluateRule(rule, input));
  const worst = statuses.reduce((a, b) => (severity[b.status] > severity[a.status] ? b : a));
  return { status: worst.status, dueDate: worst.dueDate, code: worst.code, reason: worst.reason, ruleId: worst.ruleId, rules: statuses, unconfirmedRules };
}

function appliesTo(rule: ComplianceRule, user: ComplianceProfile): boolean {
  if (rule.jurisdiction !== user.jurisdiction) return false;
  const { professions, exceptProfessions = [], facilityTypes } = rule.appliesTo;
  if (professions !== '*' && !professions.includes(user.profession)) return false;
  if (exceptProfessions.includes(user.profession)) return false;
  return !facilityTypes || (user.facilityType !== undefined && facilityTypes.includes(user.facilityType));
}

/** Evaluates one rule that applies to the user. */
export function evaluateRule(rule: ComplianceRule, input: ComplianceInput): RuleStatus {
  const { user, today } = input;
  const done = (after: string | null, through: string): string | null => satisfiedOn(rule, input.completions, after, minDate(through, today));
  const status = (s: RuleStatus['status'], dueDate: string | null, code: ComplianceReasonCode, reason: string): RuleStatus =>
    ({ ruleId: rule.id, status: s, dueDate, code, reason });
  const byDue = (dueDate: string, what: string): RuleStatus => {
    if (today > dueDate) return status('overdue', dueDate, 'past-due', `${what} was due ${dueDate}`);
    if (daysBetween(today, dueDate) <= input.dueSoonDays) return status('due-soon', dueDate, 'due', `${what} is due ${dueDate}`);
    return status('compliant', dueDate, 'due', `${what} is due ${dueDate}`);
  };
  const noDate = (code: ComplianceReasonCode, reason: string): RuleStatus => status('due-soon', null, code, reason);

  switch (rule.kind) {
    case 'one-time':
    case 'ongoing':
    case 'fixed-deadline': {
      const on = done(null, today);
      if (on) return status('compliant', null, 'completed', `completed ${on}`);
      if (rule.kind === 'fixed-deadline' && rule.deadline) {
        const isNewLicensee = rule.newLicenseesDueBy === 'first-renewal' && user.licenseIssuedDate !== undefined && user.licenseIssuedDate > rule.deadline;
        if (!isNewLicensee) return byDue(rule.deadline, 'the one-time training');
        return user.licenseRenewalDate ? byDue(user.licenseRenewalDate, 'the one-time training (first renewal)') : noDate('renewal-date-missing', 'record the license renewal date');
      }
      if (rule.dueBy === 'next-renewal') {
        return user.licenseRenewalDate ? byDue(user.licenseRenewalDate, 'the one-time training') : noDate('renewal-date-missing', 'record the license renewal date');
      }
      return noDate('no-deadline', 'required; the rule sets no deadline');
    }
    case 'each-renewal': {
      const renewal = user.licenseRenewalDate;
      if (!renewal) return noDate('renewal-date-missing', 'record the license renewal date');
      const termStart = addMonths(renewal, -(user.licenseTermMonths ?? rule.defaultLicenseTermMonths ?? 24));
      const on = done(termStart, renewal);
      if (on) return status('compliant', renewal, 'completed', `completed ${on}, within the license term ending ${renewal}`);
      return byDue(renewal, 'training for this license renewal');
    }
    case 'annual': {
      const first = rule.deadline ?? today;
      // Each year's deadline falls on the anniversary of the first one; a completion counts for the
      // deadline on or after it (and the first period takes anything within the year before it).
      let deadline = first;
      while (deadline < today) deadline = addMonths(deadline, 12);
      const previous = addMonths(deadline, -12);
      const on = done(previous, deadline);
      if (on) return status('compliant', deadline, 'completed', `completed ${on}, for the year ending ${deadline}`);
      if (previous >= first && !done(addMonths(previous, -12), previous)) {
        return status('overdue', previous, 'missed-last-year', `the annual training was due ${previous}`);
      }
      return byDue(deadline, 'this year\'s training');
    }
  }
}

/**
 * The date on which qualifying completions in (after, through] first reach the rule's hours
 * (at least one completion when the rule sets none), or null.
 */
function satisfiedOn(rule: ComplianceRule, completions: Completion[], after: string | null, through: string): string | null {
  const needed = rule.requiredHours ?? 0;
  const inWindow = completions
    .map((c) => ({ ...c, day: c.completedAt.slice(0, 10) }))
    .filter((c) => c.day <= through && (after === null || c.day > after) && isAccepted(rule, c))
    .sort((a, b) => a.day.localeCompare(b.day));
  let hours = 0;
  for (const c of inWindow) {
    hours += c.hours;
    if (hours >= needed) return c.day;
  }
  return null;
}

function isAccepted(rule: ComplianceRule, completion: Completion): boolean {
  if (rule.approval.anyCourse) return true;
  return (rule.approval.approvedCourses ?? []).some(
    (a) => a.courseId === completion.courseId && (!a.versions || a.versions.includes(completion.courseVersion)),
  );
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Adds calendar months; the 31st becomes the month's last day (Feb 29 + 12 months → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
