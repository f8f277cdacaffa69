/**
 * @module The privacy gate, always before any screening question: is the patient alone; is a
 * professional interpreter needed and available (never a companion); have the limits of
 * confidentiality been explained; is it safe to talk now. Any "no" (or no answer) routes to
 * not-safe-to-screen with coded guidance on what to do instead. The gate never forces separation.
 * Sources: PEARR (Dignity Health; innovationshtc.org/pearr-tool), SOAR eGuide "Safety is Top
 * Priority", domain facts §4 elements 1–5.
 */

/** The gate's questions in the order the flow asks them; texts are i18n keys the UI localizes. */
export const PRIVACY_GATE_QUESTIONS = [
  { id: 'patientAlone', messageKey: 'recognize.gate.patientAlone' },
  { id: 'interpreterNeeded', messageKey: 'recognize.gate.interpreterNeeded' },
  // Asked only when an interpreter is needed. A companion, relative or community member never counts.
  { id: 'professionalInterpreterAvailable', messageKey: 'recognize.gate.professionalInterpreterAvailable', askedWhen: 'interpreterNeeded' },
  { id: 'confidentialityExplained', messageKey: 'recognize.gate.confidentialityExplained' },
  { id: 'safeToTalk', messageKey: 'recognize.gate.safeToTalk' },
] as const;

/** The clinician's answers; a question not answered counts as "no". */
export interface GateAnswers {
  patientAlone?: boolean;
  interpreterNeeded?: boolean;
  professionalInterpreterAvailable?: boolean;
  confidentialityExplained?: boolean;
  safeToTalk?: boolean;
}

export type GateReason =
  | 'not-alone'
  | 'interpreter-need-unknown'
  | 'interpreter-unavailable'
  | 'confidentiality-not-explained'
  | 'not-safe-to-talk';

/** What to do instead of screening; codes the UI words from i18n. */
export type GateGuidance =
  | 'continue-care'
  | 'do-not-force-separation'
  | 'do-not-confront-companion'
  | 'offer-routine-private-moment'
  | 'assess-language-need'
  | 'request-professional-interpreter'
  | 'never-use-companion-as-interpreter'
  | 'explain-confidentiality-limits'
  | 'alert-staff-if-danger'
  | 'offer-resources-discreetly'
  | 'report-as-law-requires'
  | 'screen-later-when-safe';

export interface GateResult {
  outcome: 'proceed' | 'not-safe-to-screen';
  reasons: GateReason[];
  guidance: GateGuidance[];
}

const GUIDANCE: Record<GateReason, readonly GateGuidance[]> = {
  // A routine reason to be alone (an exam, a test, imaging) may be offered; separation is never insisted on.
  'not-alone': ['do-not-force-separation', 'do-not-confront-companion', 'offer-routine-private-moment'],
  'interpreter-need-unknown': ['assess-language-need', 'never-use-companion-as-interpreter'],
  'interpreter-unavailable': ['request-professional-interpreter', 'never-use-companion-as-interpreter'],
  'confidentiality-not-explained': ['explain-confidentiality-limits'],
  'not-safe-to-talk': ['do-not-force-separation', 'alert-staff-if-danger', 'offer-resources-discreetly', 'report-as-law-requires'],
};

// Guidance is listed in a stable order so the UI reads the same for the same situation.
const ORDER: readonly GateGuidance[] = ['continue-care', 'do-not-force-separation', 'do-not-confront-companion',
  'offer-routine-private-moment', 'assess-language-need', 'request-professional-interpreter', 'never-use-companion-as-interpreter',
  'explain-confidentiality-limits', 'alert-staff-if-danger', 'offer-resources-discreetly', 'report-as-law-requires', 'screen-later-when-safe'];

/** Checks the gate: proceed only when every answer is yes; otherwise say what to do instead. */
export function checkPrivacyGate(answers: GateAnswers): GateResult {
  const reasons: GateReason[] = [];
  if (answers.patientAlone !== true) reasons.push('not-alone');
  if (answers.interpreterNeeded === undefined) reasons.push('interpreter-need-unknown');
  else if (answers.interpreterNeeded && answers.professionalInterpreterAvailable !== true) reasons.push('interpreter-unavailable');
  if (answers.confidentialityExplained !== true) reasons.push('confidentiality-not-explained');
  if (answers.safeToTalk !== true) reasons.push('not-safe-to-talk');
  if (reasons.length === 0) return { outcome: 'proceed', reasons, guidance: [] };
  const wanted = new Set<GateGuidance>(['continue-care', 'screen-later-when-safe', ...reasons.flatMap((reason) => GUIDANCE[reason])]);
  return { outcome: 'not-safe-to-screen', reasons, guidance: ORDER.filter((code) => wanted.has(code)) };
}
