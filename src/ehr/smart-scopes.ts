/**
 * @module What the SMART app asks the EHR for (SMART App Launch 2.2, v2 scope syntax) and where the
 * EHR sends the browser back. Shared by the server (which tells the browser) and the browser app.
 */

/**
 * Scopes for an EHR launch: the launch context, the user's identity, the patient read and the two
 * writes, and `online_access` — a refresh token that lives only while the clinician is signed in
 * to the EHR, which is what lets the app outlast a short access token (fhirclient refreshes only
 * with it).
 */
export const SMART_EHR_LAUNCH_SCOPE = 'launch openid fhirUser patient/Patient.r patient/QuestionnaireResponse.c patient/Observation.c online_access';

/** Scopes for a standalone launch: the EHR asks the clinician to pick the patient. */
export const SMART_STANDALONE_SCOPE = SMART_EHR_LAUNCH_SCOPE.replace(/^launch /, 'launch/patient ');

/** Where the EHR's authorization server returns the browser (relative to Lantern's public URL). */
export const SMART_REDIRECT_PATH = '/smart/app';

/** The launch page the CDS card links to. */
export const SMART_LAUNCH_PATH = '/smart/launch';

/** Whole years between a FHIR birthDate (YYYY, YYYY-MM or YYYY-MM-DD) and `today`; undefined when unusable. */
export function ageInYears(birthDate: string | undefined, today: Date): number | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birthDate ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  // A partial date counts from its latest possible day, so an age is never overstated.
  const month = match[2] ? Number(match[2]) : 12;
  const day = match[3] ? Number(match[3]) : 31;
  let age = today.getUTCFullYear() - year;
  const beforeBirthday = today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age >= 0 && age <= 130 ? age : undefined;
}
