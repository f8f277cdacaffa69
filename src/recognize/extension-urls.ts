/**
 * @module The extension URLs Recognize reads and writes: FHIR core and SDC ones as the specs spell them,
 * and Lantern's own through the canonical base.
 */
import { canonical } from '../platform/fhir/canonical.ts';

/** FHIR core (R4) and SDC extensions. */
export const fhirExtension = {
  /** http://hl7.org/fhir/R4/extension-translation.html */
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  /** The score of an answer option (FHIR extensions pack); fhirpath.js `weight()` reads its valueDecimal. */
  itemWeight: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
  /** The R4 predecessor of itemWeight; fhirpath.js `weight()` reads it too. */
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  hidden: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden',
  calculatedExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
  enableWhenExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression',
} as const;

/** The code system of Questionnaire item controls (`help` marks a one-line explanation). */
export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';

/** Extensions Lantern defines. */
export const lanternExtension = {
  /**
   * On the score item: one result band. Sub-extensions: `code` (valueCode), `minScore` (valueDecimal;
   * absent on the one floor band), `display`, `meaning`, `action` (valueString, "Consider …").
   * A score falls in the band with the highest `minScore` not above it, so bands never overlap.
   */
  resultBand: canonical.extension('result-band'),
  /** Whether content rests on a confirmed source: `status` (valueCode confirmed|unconfirmed), `note`. */
  contentEvidence: canonical.extension('content-evidence'),
  /**
   * On a QuestionnaireResponse: why this instrument was used. Sub-extensions: `basis` (valueCode
   * adult|youth|under-12|age-unknown|override), `instrument` (valueCanonical, the Questionnaire
   * answered), and for an override `suggested` (valueCanonical, the instrument age suggested) and
   * `reason` (valueString, the clinician's reason).
   */
  instrumentChoice: canonical.extension('instrument-choice'),
} as const;

/** Lantern's code systems used by Recognize. */
export const lanternCodeSystem = {
  /** Codes of what a screen yields (score kinds), used as Observation.code. */
  observation: canonical.codeSystem('recognize-observation'),
  /** Result codes (positive, negative, consider-private-screen, …), used as Observation.interpretation. */
  screenResult: canonical.codeSystem('screen-result'),
} as const;
