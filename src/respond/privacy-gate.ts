/**
 * @module The privacy gate as Respond reads it. The gate itself is Recognize's (one rule for the
 * screening flow and for protocols): screening is only safe when the patient is alone, a professional
 * interpreter is present if one is needed (never a companion), the limits of confidentiality have
 * been explained, and the patient says it is safe to talk now; an unanswered question counts as "no".
 * Sources: SOAR eGuide, "Safety is Top Priority"; PEARR; domain facts §4 elements 1–5.
 */
import { checkPrivacyGate as checkGate, type GateResult } from '../recognize/index.ts';
import type { ScreenResultCode } from './protocol.ts';

/** What the clinician knows about the setting of the conversation. */
export interface PrivacyFacts {
  alone?: boolean;
  interpreterNeeded?: boolean;
  interpreterAvailable?: boolean;
  confidentialityExplained?: boolean;
  safeToTalk?: boolean;
}

export interface PrivacyGateResult {
  passed: boolean;
  /** Recognize's reason codes, e.g. 'not-alone', 'interpreter-unavailable'. */
  failures: GateResult['reasons'];
}

/** Checks the privacy gate for an encounter's facts. */
export function checkPrivacyGate(facts: PrivacyFacts): PrivacyGateResult {
  const result = checkGate({
    patientAlone: facts.alone,
    interpreterNeeded: facts.interpreterNeeded,
    professionalInterpreterAvailable: facts.interpreterAvailable,
    confidentialityExplained: facts.confidentialityExplained,
    safeToTalk: facts.safeToTalk,
  });
  return { passed: result.outcome === 'proceed', failures: result.reasons };
}

/**
 * Whether the gate passed in an encounter. A recorded screen result answers it (a screen, even a
 * declined one, is only offered after the gate passed; not-safe-to-screen means it failed); with no
 * screen, the facts decide.
 */
export function hasPassedPrivacyGate(screen: ScreenResultCode, facts: PrivacyFacts): boolean {
  if (screen === 'not-safe-to-screen') return false;
  if (screen !== 'not-screened') return true;
  return checkPrivacyGate(facts).passed;
}
