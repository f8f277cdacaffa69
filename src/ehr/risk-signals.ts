/**
 * @module Risk signals as data (content/ehr/risk-signals.yaml): which facts in an EHR record make
 * Lantern suggest a private screen. Evaluation is pure: a Patient and their Conditions in, the
 * matching signals out. A signal is a reason to ask privately, never a finding.
 */
import { readFileSync } from 'node:fs';
import { parseContentDocument, formatIssues } from '../platform/content/document.ts';
import type { MessageKey } from '../platform/i18n/catalogs.ts';

export interface RiskSignal {
  id: string;
  indicator: 'info' | 'warning';
  summaryKey: MessageKey;
  sources: string[];
  when: {
    ageYears?: { min?: number; max?: number };
    conditions: { system: string; prefixes: string[]; minCount: number; withinDays?: number };
  };
}

export interface RiskSignalSet {
  version: number;
  lastVerified: string;
  signals: RiskSignal[];
}

const contentDir = new URL('../../content/ehr/', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('risk-signals.schema.json', contentDir), 'utf8')) as object;

/** Parses and validates a risk-signal document; throws listing every issue with its line. */
export function parseRiskSignals(text: string, source = 'risk signals'): RiskSignalSet {
  const parsed = parseContentDocument<RiskSignalSet>(text, schema);
  if (!parsed.ok) throw new Error(`${source} is invalid:\n${formatIssues(parsed.issues)}`);
  return parsed.value;
}

let shipped: RiskSignalSet | undefined;
export function loadShippedRiskSignals(): RiskSignalSet {
  shipped ??= parseRiskSignals(readFileSync(new URL('risk-signals.yaml', contentDir), 'utf8'), 'content/ehr/risk-signals.yaml');
  return shipped;
}

/** Whole years between a FHIR birthDate (YYYY, YYYY-MM or YYYY-MM-DD) and a moment; undefined if unknown. */
export function ageInYears(birthDate: string | undefined, at: Date): number | undefined {
  if (!birthDate || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(birthDate)) return undefined;
  const [year, month = 1, day = 1] = birthDate.split('-').map(Number) as [number, number?, number?];
  let age = at.getUTCFullYear() - year;
  const beforeBirthday = at.getUTCMonth() + 1 < month || (at.getUTCMonth() + 1 === month && at.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}

function conditionDate(condition: fhir4.Condition): Date | undefined {
  const text = condition.onsetDateTime ?? condition.onsetPeriod?.start ?? condition.recordedDate;
  const date = text ? new Date(text) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function hasCode(condition: fhir4.Condition, system: string, prefixes: readonly string[]): boolean {
  return (condition.code?.coding ?? []).some((coding) =>
    coding.system === system && typeof coding.code === 'string' && prefixes.some((prefix) => coding.code!.toUpperCase().startsWith(prefix)));
}

export interface RecordFacts {
  patient?: fhir4.Patient;
  conditions: fhir4.Condition[];
  now: Date;
}

/** The signals the record matches, in the order the data lists them. */
export function matchRiskSignals(set: RiskSignalSet, facts: RecordFacts): RiskSignal[] {
  const age = ageInYears(facts.patient?.birthDate, facts.now);
  // Entered-in-error and refuted conditions are not facts about the patient.
  const conditions = facts.conditions.filter((c) =>
    !(c.verificationStatus?.coding ?? []).some((v) => v.code === 'entered-in-error' || v.code === 'refuted'));
  return set.signals.filter((signal) => {
    const { ageYears, conditions: rule } = signal.when;
    if (ageYears && (age === undefined || (ageYears.min !== undefined && age < ageYears.min) || (ageYears.max !== undefined && age > ageYears.max))) {
      return false;
    }
    const earliest = rule.withinDays === undefined ? undefined : facts.now.getTime() - rule.withinDays * 86_400_000;
    const count = conditions.filter((c) => {
      if (!hasCode(c, rule.system, rule.prefixes)) return false;
      if (earliest === undefined) return true;
      const date = conditionDate(c);
      return date !== undefined && date.getTime() >= earliest;
    }).length;
    return count >= rule.minCount;
  });
}
