/**
 * @module Keeps the instrument choice with the screen: the basis (age band, unknown age, or a
 * clinician's override), the instrument answered and, for an override, what age suggested and the
 * clinician's reason, as a Lantern extension on the QuestionnaireResponse. Stored inside the
 * response, it is sealed and audited with it; the server checks it is coherent before storing.
 */
import { canonical } from '../platform/fhir/canonical.ts';
import { lanternExtension } from './extension-urls.ts';
import type { ChoiceBasis, InstrumentChoice } from './instrument-choice.ts';
import type { ValidationIssue } from './issues.ts';

export const CHOICE_BASES: readonly ChoiceBasis[] = ['adult', 'youth', 'under-12', 'age-unknown', 'override'];

/** The longest override reason kept (the screen's field allows the same). */
export const MAX_REASON_LENGTH = 500;

/** The choice as read back from a response. */
export interface RecordedInstrumentChoice {
  basis: ChoiceBasis;
  /** Canonical of the Questionnaire answered (`url|version`). */
  instrument: string;
  /** For an override: canonical of the instrument age suggested. */
  suggested?: string;
  /** For an override: the clinician's reason. */
  reason?: string;
}

export type InstrumentChoiceRule = 'instrument-choice-repeated' | 'instrument-choice-part' | 'instrument-choice-basis' | 'instrument-choice-instrument' | 'instrument-choice-reason';

const PARTS = new Set(['basis', 'instrument', 'suggested', 'reason']);

/** The extension recording a choice for the Questionnaire it led to. */
export function instrumentChoiceExtension(choice: InstrumentChoice, questionnaire: fhir4.Questionnaire): fhir4.Extension {
  const parts: fhir4.Extension[] = [
    { url: 'basis', valueCode: choice.basis },
    { url: 'instrument', valueCanonical: canonicalOf(questionnaire) },
  ];
  if (choice.basis === 'override' && choice.override) {
    // Age and setting only ever suggest Lantern's own instruments, whose urls are canonical.
    parts.push({ url: 'suggested', valueCanonical: canonical.questionnaire(choice.override.from) });
    parts.push({ url: 'reason', valueString: choice.override.reason.trim() });
  }
  return { url: lanternExtension.instrumentChoice, extension: parts };
}

/** The response with the choice recorded (replacing any earlier record of it). */
export function withInstrumentChoice(response: fhir4.QuestionnaireResponse, choice: InstrumentChoice, questionnaire: fhir4.Questionnaire): fhir4.QuestionnaireResponse {
  const others = (response.extension ?? []).filter((ext) => ext.url !== lanternExtension.instrumentChoice);
  return { ...response, extension: [...others, instrumentChoiceExtension(choice, questionnaire)] };
}

/** Reads the recorded choice, if the response carries a well-formed one. */
export function readInstrumentChoice(response: fhir4.QuestionnaireResponse): RecordedInstrumentChoice | undefined {
  const ext = (response.extension ?? []).find((e) => e.url === lanternExtension.instrumentChoice);
  if (!ext) return undefined;
  const part = (name: string): fhir4.Extension | undefined => (ext.extension ?? []).find((p) => p.url === name);
  const basis = part('basis')?.valueCode;
  const instrument = part('instrument')?.valueCanonical;
  if (!isBasis(basis) || !instrument) return undefined;
  const suggested = part('suggested')?.valueCanonical;
  const reason = part('reason')?.valueString;
  return { basis, instrument, ...(suggested ? { suggested } : {}), ...(reason !== undefined ? { reason } : {}) };
}

/**
 * Checks a recorded choice (it is optional: API clients may leave it out): at most one, known parts,
 * a known basis, the instrument the response answers, and a reason exactly when overridden.
 */
export function checkInstrumentChoice(questionnaire: fhir4.Questionnaire, response: fhir4.QuestionnaireResponse): ValidationIssue<InstrumentChoiceRule>[] {
  const issues: ValidationIssue<InstrumentChoiceRule>[] = [];
  const found = (response.extension ?? []).map((ext, index) => ({ ext, index })).filter(({ ext }) => ext.url === lanternExtension.instrumentChoice);
  if (found.length === 0) return issues;
  const at = `QuestionnaireResponse.extension[${found[0]!.index}]`;
  const issue = (rule: InstrumentChoiceRule, expression: string, message: string): void => {
    issues.push({ severity: 'error', rule, expression, message });
  };
  if (found.length > 1) issue('instrument-choice-repeated', `QuestionnaireResponse.extension[${found[1]!.index}]`, 'The instrument choice may be recorded once only.');
  const parts = found[0]!.ext.extension ?? [];
  parts.forEach((part, i) => {
    if (!PARTS.has(part.url)) issue('instrument-choice-part', `${at}.extension[${i}]`, `Unknown part "${part.url}" of the instrument choice (known: basis, instrument, suggested, reason).`);
  });
  const named = (name: string): fhir4.Extension[] => parts.filter((p) => p.url === name);
  for (const name of PARTS) {
    if (named(name).length > 1) issue('instrument-choice-part', `${at}.extension('${name}')`, `The instrument choice's "${name}" may appear once only.`);
  }
  const basis = named('basis')[0]?.valueCode;
  if (!isBasis(basis)) issue('instrument-choice-basis', `${at}.extension('basis')`, `The basis must be one of ${CHOICE_BASES.join(', ')} (valueCode).`);
  const instrument = named('instrument')[0]?.valueCanonical;
  if (!instrument || !sameInstrument(instrument, response.questionnaire, questionnaire)) {
    issue('instrument-choice-instrument', `${at}.extension('instrument')`, 'The chosen instrument (valueCanonical) must be the Questionnaire this response answers.');
  }
  const reasonParts = named('reason');
  const reason = reasonParts[0]?.valueString;
  if (basis === 'override') {
    if (reason === undefined || reason.trim() === '') issue('instrument-choice-reason', `${at}.extension('reason')`, 'An overridden instrument choice needs the reason (valueString).');
    else if (reason.length > MAX_REASON_LENGTH) issue('instrument-choice-reason', `${at}.extension('reason')`, `The reason may be at most ${MAX_REASON_LENGTH} characters.`);
    const suggested = named('suggested')[0];
    if (suggested && typeof suggested.valueCanonical !== 'string') issue('instrument-choice-part', `${at}.extension('suggested')`, 'The suggested instrument is a valueCanonical.');
  } else if (reasonParts.length > 0 || named('suggested').length > 0) {
    issue('instrument-choice-reason', `${at}.extension('reason')`, 'Only an overridden choice has a suggested instrument and a reason.');
  }
  return issues;
}

function isBasis(value: unknown): value is ChoiceBasis {
  return typeof value === 'string' && (CHOICE_BASES as readonly string[]).includes(value);
}

function canonicalOf(questionnaire: fhir4.Questionnaire): string {
  const url = questionnaire.url ?? canonical.questionnaire(questionnaire.id ?? '');
  return questionnaire.version ? `${url}|${questionnaire.version}` : url;
}

// The record may name the version or not; it must not name another instrument or version.
function sameInstrument(recorded: string, answered: string | undefined, questionnaire: fhir4.Questionnaire): boolean {
  const [url, version] = recorded.split('|', 2);
  if (url !== questionnaire.url) return false;
  if (version !== undefined && version !== questionnaire.version) return false;
  const [, answeredVersion] = (answered ?? '').split('|', 2);
  return version === undefined || answeredVersion === undefined || version === answeredVersion;
}
