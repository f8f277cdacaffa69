/**
 * @module How a screen was taken: asked by a clinician, or answered by the patient on a handed-over
 * device. The web app marks a self-screen with a `meta.tag` in Lantern's screening-mode CodeSystem.
 */
import { canonical } from '../platform/fhir/canonical.ts';

export const SCREENING_MODE_SYSTEM = canonical.codeSystem('screening-mode');

export function screeningModeOf(response: fhir4.QuestionnaireResponse): 'clinician' | 'self' {
  return response.meta?.tag?.some((t) => t.system === SCREENING_MODE_SYSTEM && t.code === 'self') ? 'self' : 'clinician';
}
