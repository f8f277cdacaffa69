/**
 * @module Derives the FHIR R4 Observation that records a screen's result: the score as valueInteger
 * (valueQuantity when an instrument weights in fractions), the result band as interpretation, and the
 * QuestionnaireResponse it came from in derivedFrom. The code is the score item's own code (a Lantern
 * CodeSystem), so a new instrument brings its code with it; no LOINC code is claimed.
 */
import { lanternCodeSystem } from './extension-urls.ts';
import { localizeText, pickText } from './localize.ts';
import type { ScreenEvaluation } from './scoring.ts';

export interface DeriveObservationInput {
  response: fhir4.QuestionnaireResponse;
  evaluation: ScreenEvaluation;
  /** Reference to the stored response, e.g. `QuestionnaireResponse/123`; defaults to the response's id. */
  responseReference?: string;
  /** The Observation's id, when the caller assigns one before storing. */
  id?: string;
  /** Language of the display texts (default en, the base text). */
  language?: string;
}

const SURVEY_CATEGORY: fhir4.CodeableConcept = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }],
};

/** Builds the Observation for an evaluated screen. */
export function deriveObservation({ response, evaluation, responseReference, id, language = 'en' }: DeriveObservationInput): fhir4.Observation {
  const reference = responseReference ?? (response.id ? `QuestionnaireResponse/${response.id}` : undefined);
  const code = evaluation.scoreCode;
  const instrument = evaluation.instrument;
  // Coding.display stays the code system's (base) text; `text` carries the reader's language.
  const display = localizeText(evaluation.interpretation.display, language);
  return {
    resourceType: 'Observation',
    ...(id ? { id } : {}),
    status: 'final',
    category: [SURVEY_CATEGORY],
    code: code?.system && code.code
      ? {
          coding: [{ system: code.system, code: code.code, ...(code.display ? { display: code.display } : {}) }],
          ...(code.display ? { text: pickText(code.display, code._display, language) } : {}),
        }
      : { coding: [{ system: lanternCodeSystem.observation, code: 'screen-score' }], text: instrument.title ?? instrument.url },
    ...(response.subject ? { subject: response.subject } : {}),
    ...(response.encounter ? { encounter: response.encounter } : {}),
    ...(response.authored ? { effectiveDateTime: response.authored } : {}),
    ...(Number.isInteger(evaluation.score) ? { valueInteger: evaluation.score } : { valueQuantity: { value: evaluation.score } }),
    interpretation: [{
      coding: [{ system: lanternCodeSystem.screenResult, code: evaluation.resultCode, display: evaluation.interpretation.display.text }],
      text: display,
    }],
    method: { text: instrument.version ? `${instrument.url}|${instrument.version}` : instrument.url },
    ...(reference ? { derivedFrom: [{ reference }] } : {}),
  };
}
