/// <reference types="fhir" />
/**
 * @module The screening step of a protocol test case: the privacy gate first, then the instrument,
 * scored by Recognize. When the gate fails the result is not-safe-to-screen whatever answers were
 * given, exactly as in the clinical flow.
 */
import { checkPrivacyGate, type PrivacyFacts, type PrivacyGateResult } from './privacy-gate.ts';
import type { ScreenResultCode } from './protocol.ts';

/** What Respond needs from Recognize to score a screen (src/recognize/index.ts provides it). */
export interface ScreeningEngine {
  instruments: Map<string, fhir4.Questionnaire>;
  answerFirstN(questionnaire: fhir4.Questionnaire, n: number): fhir4.QuestionnaireResponse;
  evaluateScreen(questionnaire: fhir4.Questionnaire, response: fhir4.QuestionnaireResponse): { score: number; resultCode: string };
}

/** A test case's screen: N "yes" answers, a declined screen, or a full QuestionnaireResponse. */
export interface CaseScreen {
  instrument?: string;
  positiveAnswers?: number;
  declined?: true;
  questionnaireResponse?: fhir4.QuestionnaireResponse;
}

export type ScreenOutcome =
  | { ok: true; result: ScreenResultCode; instrument?: string; score?: number; gateFailures: PrivacyGateResult['failures'] }
  | { ok: false; error: string };

/** Runs the privacy gate, then (if it passes) the screen; returns the screen result or why it could not run. */
export function resolveCaseScreen(screen: CaseScreen | undefined, privacy: PrivacyFacts, engine: ScreeningEngine): ScreenOutcome {
  const gate = checkPrivacyGate(privacy);
  if (!gate.passed) return { ok: true, result: 'not-safe-to-screen', gateFailures: gate.failures, ...(screen?.instrument ? { instrument: screen.instrument } : {}) };
  if (!screen) return { ok: true, result: 'not-screened', gateFailures: [] };

  const reference = screen.instrument ?? screen.questionnaireResponse?.questionnaire;
  if (!reference) return { ok: false, error: 'screen: name the instrument, or give a questionnaireResponse with its questionnaire' };
  const questionnaire = findInstrument(engine.instruments, reference);
  if (!questionnaire) {
    return { ok: false, error: `screen.instrument: unknown instrument "${reference}" (known: ${[...engine.instruments.keys()].join(', ')})` };
  }
  const instrument = questionnaire.id ?? reference;
  if (screen.declined) return { ok: true, result: 'declined', instrument, gateFailures: [] };

  if (!screen.questionnaireResponse && screen.positiveAnswers === undefined) {
    return { ok: false, error: 'screen: give positiveAnswers, declined: true, or a questionnaireResponse' };
  }
  const response = screen.questionnaireResponse ?? answer(engine, questionnaire, screen.positiveAnswers ?? 0);
  if (typeof response === 'string') return { ok: false, error: `screen: ${response}` };
  const evaluation = evaluate(engine, questionnaire, response);
  if (typeof evaluation === 'string') return { ok: false, error: `screen: ${evaluation}` };
  if (evaluation.resultCode !== 'positive' && evaluation.resultCode !== 'negative') {
    return { ok: false, error: `screen: instrument "${instrument}" gave result "${evaluation.resultCode}", which is not a screen result (positive or negative)` };
  }
  return { ok: true, result: evaluation.resultCode, instrument, score: evaluation.score, gateFailures: [] };
}

/** A case's indicator checklist: the clinician's observations, scored by the checklist instrument. */
export interface CaseIndicators {
  instrument?: string;
  positiveAnswers: number;
}

/** The default indicator checklist shipped by Recognize. */
export const INDICATOR_CHECKLIST = 'lantern-indicators';

/**
 * Runs the indicator checklist. It is not a screen and never yields a label: any indicator observed
 * (a score above zero) means "indicators present". It needs no privacy: the clinician observes.
 */
export function resolveCaseIndicators(indicators: CaseIndicators, engine: ScreeningEngine): { ok: true; present: boolean } | { ok: false; error: string } {
  const reference = indicators.instrument ?? INDICATOR_CHECKLIST;
  const questionnaire = findInstrument(engine.instruments, reference);
  if (!questionnaire) return { ok: false, error: `indicators.instrument: unknown instrument "${reference}"` };
  const response = answer(engine, questionnaire, indicators.positiveAnswers);
  if (typeof response === 'string') return { ok: false, error: `indicators: ${response}` };
  const evaluation = evaluate(engine, questionnaire, response);
  if (typeof evaluation === 'string') return { ok: false, error: `indicators: ${evaluation}` };
  return { ok: true, present: evaluation.score > 0 };
}

// Recognize throws a LanternError for an impossible request (more "yes" answers than items, an
// invalid response); a test case reports it as that case's failure instead of stopping the suite.
function answer(engine: ScreeningEngine, questionnaire: fhir4.Questionnaire, n: number): fhir4.QuestionnaireResponse | string {
  try {
    return engine.answerFirstN(questionnaire, n);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function evaluate(engine: ScreeningEngine, questionnaire: fhir4.Questionnaire, response: fhir4.QuestionnaireResponse): { score: number; resultCode: string } | string {
  try {
    return engine.evaluateScreen(questionnaire, response);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

// A case names an instrument by id ("lantern-youth-screen") or canonical URL, possibly with "|version".
function findInstrument(instruments: Map<string, fhir4.Questionnaire>, reference: string): fhir4.Questionnaire | undefined {
  const [url] = reference.split('|');
  const direct = instruments.get(reference) ?? (url ? instruments.get(url) : undefined);
  if (direct) return direct;
  for (const q of instruments.values()) {
    if (q.id === reference || (url !== undefined && (q.url === url || q.id === url.split('/').pop()))) return q;
  }
  return undefined;
}
