/**
 * @module Recognize's tables, added to the platform's `Database` type (see platform/db/schema.ts).
 */

export interface RecognizeInstrumentTable {
  /** The Questionnaire's FHIR id. */
  id: string;
  organization_id: string;
  url: string;
  version: string;
  name: string;
  status: string;
  /** JSON: the Questionnaire as imported (instruments are policy, not patient data). */
  resource: string;
  created_by: string;
  created_at: string;
}

export interface RecognizeScreeningTable {
  /** The QuestionnaireResponse's FHIR id. */
  id: string;
  organization_id: string;
  facility_id: string | null;
  observation_id: string;
  instrument_url: string;
  instrument_version: string;
  /** `clinician` or `self` (patient self-screen on a handed-over device). */
  mode: string;
  /** Sealed JSON QuestionnaireResponse. */
  response: string;
  /** Sealed JSON evaluation (score, result code, interpretation). */
  evaluation: string;
  /** Sealed JSON Observation. */
  observation: string;
  created_by: string;
  created_at: string;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    recognize_instrument: RecognizeInstrumentTable;
    recognize_screening: RecognizeScreeningTable;
  }
}
