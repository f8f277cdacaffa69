/**
 * @module What the SMART app writes back to the EHR: copies of the screen Lantern stored, bound to
 * the EHR's patient. Lantern's own ids, meta and references stay behind (the EHR assigns its own),
 * and the Observation points at the EHR's copy of the QuestionnaireResponse.
 */

/** The QuestionnaireResponse as the EHR should hold it: about its patient, without Lantern's id. */
export function ehrResponseCopy(response: fhir4.QuestionnaireResponse, patientId: string): fhir4.QuestionnaireResponse {
  const { id: _id, meta: _meta, subject: _subject, encounter: _encounter, ...rest } = response;
  return { ...rest, subject: { reference: `Patient/${patientId}` } };
}

/** The Observation as the EHR should hold it, derived from the EHR's own copy of the response. */
export function ehrObservationCopy(observation: fhir4.Observation, patientId: string, ehrResponseId: string | undefined): fhir4.Observation {
  const { id: _id, meta: _meta, subject: _subject, encounter: _encounter, derivedFrom: _derivedFrom, ...rest } = observation;
  return {
    ...rest,
    subject: { reference: `Patient/${patientId}` },
    ...(ehrResponseId ? { derivedFrom: [{ reference: `QuestionnaireResponse/${ehrResponseId}` }] } : {}),
  };
}
