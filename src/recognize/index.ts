/**
 * @module Recognize: screening instruments as FHIR Questionnaires, their validation and scoring, the
 * privacy gate and instrument choice. What other capabilities import comes from here.
 */
export { answerFirstN } from './answers.ts';
export {
  ADULT_SCREEN_ID, chooseInstrument, INDICATORS_ID, SCREENING_SETTINGS, YOUTH_SCREEN_ID,
  type ChoiceBasis, type InstrumentChoice, type InstrumentChoiceInput, type ScreeningSetting,
} from './instrument-choice.ts';
export { loadInstrumentsFrom, loadShippedInstruments, SHIPPED_INSTRUMENTS_DIR } from './instruments.ts';
export { hasErrors, toOperationOutcome, type ValidationIssue } from './issues.ts';
export { findUntranslatedTexts, listTexts, localizeResource, localizeText, pickText, readTranslations } from './localize.ts';
export { deriveObservation, type DeriveObservationInput } from './observation.ts';
export {
  checkPrivacyGate, PRIVACY_GATE_QUESTIONS, type GateAnswers, type GateGuidance, type GateReason, type GateResult,
} from './privacy-gate.ts';
export { validateQuestionnaire, type QuestionnaireIssue, type QuestionnaireRule } from './questionnaire-validation.ts';
export { validateResponse, type ResponseIssue, type ResponseRule, type ResponseValidationOptions } from './response-validation.ts';
export type { LocalizableText, ResultBand } from './score-declaration.ts';
export { evaluateScreen, type InstrumentRef, type ResultInterpretation, type ScreenEvaluation } from './scoring.ts';
