/**
 * @module Evaluates a protocol against an encounter: pure, no I/O. Every step whose condition holds
 * is kept in document order; when two steps recommend the same action the first wins, so a facility
 * can put a specific variant (e.g. "call security" in an emergency department) before a general one.
 */
import {
  findJurisdiction,
  findNationalRoute,
  requiresAdultLawEnforcementReport,
  type Jurisdiction,
  type JurisdictionMatch,
  type NationalRoute,
  type RespondReference,
} from './jurisdictions.ts';
import { hasPassedPrivacyGate, type PrivacyFacts } from './privacy-gate.ts';
import type { ContactKind, FindingStatus, FindingType, Protocol, ProtocolStep, ScreenResultCode, StepCondition } from './protocol.ts';
import type { ResponseAction } from './response-actions.ts';

/** What is known about the encounter when the protocol is evaluated. Unknown facts satisfy no test. */
export interface EncounterContext extends PrivacyFacts {
  ageYears?: number;
  screen: ScreenResultCode;
  indicatorsPresent?: boolean;
  immediateDanger?: boolean;
  choices?: { wantsHelp?: boolean; consentsToReferral?: boolean; consentsToLawEnforcement?: boolean };
  /** ISO 3166-2 code, e.g. US-TX. */
  jurisdiction?: string;
  setting?: string;
  finding?: { status: FindingStatus; type?: FindingType };
}

/** Where to make a report or send the patient, attached to the actions that need one. */
export type ActionContact =
  | {
      kind: 'child-protection';
      /** The code asked for; `jurisdiction` is the fallback when it is unknown. */
      requested: string;
      isFallback: boolean;
      /** True when no confirmed statewide number exists: use the county or local route, never a guessed number. */
      needsLocalLookup: boolean;
      jurisdiction: Jurisdiction;
      /** Emergency and the national child abuse line, offered when a local lookup is needed. */
      help: NationalRoute[];
    }
  | { kind: Exclude<ContactKind, 'child-protection'>; route: NationalRoute };

/** One recommended action: the coded step, why it applies, its sources and, where it applies, the contact. */
export interface RecommendedAction {
  code: ResponseAction;
  stepId: string;
  /** Why the step applies, in English; `reasonTranslations` carries the other languages. */
  reason: string;
  reasonTranslations?: Record<string, string>;
  sources: string[];
  contact?: ActionContact;
}

interface Facts {
  context: EncounterContext;
  adultAgeYears: number;
  privacyGatePassed: boolean;
  jurisdiction: JurisdictionMatch;
}

/** Evaluates a protocol for an encounter and returns the ordered actions (one per action code). */
export function evaluateProtocol(protocol: Protocol, context: EncounterContext, reference: RespondReference): RecommendedAction[] {
  const facts: Facts = {
    context,
    adultAgeYears: protocol.settings.adultAgeYears,
    privacyGatePassed: hasPassedPrivacyGate(context.screen, context),
    jurisdiction: findJurisdiction(reference.jurisdictions, context.jurisdiction),
  };
  const actions: RecommendedAction[] = [];
  const taken = new Set<ResponseAction>();
  for (const step of protocol.steps) {
    if (taken.has(step.action) || !matches(step.when, facts)) continue;
    taken.add(step.action);
    actions.push(toAction(step, facts, reference));
  }
  return actions;
}

function toAction(step: ProtocolStep, facts: Facts, reference: RespondReference): RecommendedAction {
  const action: RecommendedAction = { code: step.action, stepId: step.id, reason: step.reason, sources: step.sources };
  if (step.translations) {
    action.reasonTranslations = Object.fromEntries(Object.entries(step.translations).map(([language, t]) => [language, t.reason]));
  }
  const contact = step.contact ? contactFor(step.contact, facts.jurisdiction, reference) : undefined;
  return contact ? { ...action, contact } : action;
}

/** The reason of an action in a language (e.g. 'es'), falling back to English. */
export function localizeReason(action: Pick<RecommendedAction, 'reason' | 'reasonTranslations'>, language: string): string {
  return action.reasonTranslations?.[language] ?? action.reasonTranslations?.[language.split('-')[0] ?? ''] ?? action.reason;
}

function contactFor(kind: ContactKind, match: JurisdictionMatch, reference: RespondReference): ActionContact | undefined {
  if (kind !== 'child-protection') {
    const route = findNationalRoute(reference.national, kind);
    return route ? { kind, route } : undefined;
  }
  const cp = match.jurisdiction.childProtection;
  const hasConfirmedNumber = cp.phones.some((p) => p.status === 'confirmed');
  const needsLocalLookup = match.isFallback || cp.route === 'county' || cp.route === 'unconfirmed' || !hasConfirmedNumber;
  const help = needsLocalLookup
    ? [findNationalRoute(reference.national, 'emergency'), findNationalRoute(reference.national, 'child-abuse-helpline')].filter(
        (r): r is NationalRoute => r !== undefined,
      )
    : [];
  return { kind, requested: match.requested, isFallback: match.isFallback, needsLocalLookup, jurisdiction: match.jurisdiction, help };
}

/** Whether a step's condition holds; a step without a condition always applies. */
function matches(condition: StepCondition | undefined, facts: Facts): boolean {
  if (!condition) return true;
  return Object.entries(condition).every(([key, expected]) => test(key as keyof StepCondition, expected, facts));
}

function test(key: keyof StepCondition, expected: unknown, facts: Facts): boolean {
  const c = facts.context;
  switch (key) {
    case 'all':
      return (expected as StepCondition[]).every((sub) => matches(sub, facts));
    case 'any':
      return (expected as StepCondition[]).some((sub) => matches(sub, facts));
    case 'not':
      return !matches(expected as StepCondition, facts);
    case 'age':
      return c.ageYears !== undefined && inRange(c.ageYears, expected as NonNullable<StepCondition['age']>);
    case 'ageKnown':
      return (c.ageYears !== undefined) === expected;
    case 'minor':
      return c.ageYears !== undefined && (c.ageYears < facts.adultAgeYears) === expected;
    case 'screen':
      return (expected as string[]).includes(c.screen);
    case 'privacyGatePassed':
      return facts.privacyGatePassed === expected;
    case 'wantsHelp':
    case 'consentsToReferral':
    case 'consentsToLawEnforcement':
      return c.choices?.[key] === expected;
    case 'jurisdiction':
      return (expected as string[]).includes(facts.jurisdiction.jurisdiction.code);
    case 'jurisdictionRequiresAdultReport':
      return requiresAdultLawEnforcementReport(facts.jurisdiction.jurisdiction) === expected;
    case 'setting':
      return c.setting !== undefined && (expected as string[]).includes(c.setting);
    case 'findingStatus':
      return (expected as string[]).includes(c.finding?.status ?? 'none');
    case 'findingType':
      return c.finding?.type !== undefined && (expected as string[]).includes(c.finding.type);
    case 'indicatorsPresent':
    case 'alone':
    case 'interpreterNeeded':
    case 'interpreterAvailable':
    case 'safeToTalk':
    case 'immediateDanger':
      return c[key] === expected;
    default:
      // The schema admits no other key; an unknown one must never silently match.
      return false;
  }
}

function inRange(value: number, range: NonNullable<StepCondition['age']>): boolean {
  return (
    (range.lt === undefined || value < range.lt) &&
    (range.lte === undefined || value <= range.lte) &&
    (range.gt === undefined || value > range.gt) &&
    (range.gte === undefined || value >= range.gte)
  );
}
