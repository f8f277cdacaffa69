/// <reference types="fhir" />
/**
 * @module The screening step of a protocol test case: the privacy gate first, then the instrument,
 * scored by Recognize. When the gate fails the result is not-safe-to-screen whatever answers were
 * given, exactly as in the clinical flow.
 */
import { checkPrivacyGate, type PrivacyFacts, type PrivacyGateFailure } from './privacy-gate.ts';
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
  | { ok: true; result: ScreenResultCode; instrument?: string; score?: number; gateFailures: PrivacyGateFailure[] }
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

  let response: fhir4.QuestionnaireResponse;
  if (screen.questionnaireResponse) {
    response = screen.questionnaireResponse;
  } else if (screen.positiveAnswers !== undefined) {
    response = engine.answerFirstN(questionnaire, screen.positiveAnswers);
  } else {
    return { ok: false, error: 'screen: give positiveAnswers, declined: true, or a questionnaireResponse' };
  }
  const evaluation = engine.evaluateScreen(questionnaire, response);
  if (evaluation.resultCode !== 'positive' && evaluation.resultCode !== 'negative') {
    return { ok: false, error: `screen: instrument "${instrument}" gave result "${evaluation.resultCode}", which is not a screen result (positive or negative)` };
  }
  return { ok: true, result: evaluation.resultCode, instrument, score: evaluation.score, gateFailures: [] };
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
