/// <reference types="fhir" />
/**
 * @module The coded response actions (content/respond/response-actions.codesystem.json): every step
 * the product recommends is one of these codes, in protocols, test cases, FHIR Tasks and statistics.
 */
import { readFileSync } from 'node:fs';
import { canonical } from '../platform/fhir/canonical.ts';

/** The codes the default protocol and the protocol schema rely on; the CodeSystem must define each. */
export const RESPONSE_ACTION_CODES = [
  'ensure-privacy',
  'do-not-force-separation',
  'professional-interpreter',
  'explain-confidentiality-limits',
  'safety-assessment',
  'call-security-or-911',
  'report-child-protection',
  'notify-ncmec',
  'universal-education',
  'offer-hotline',
  'offer-referral',
  'respect-patient-choice',
  'law-enforcement-with-consent',
  'document-safely',
  'suggest-codes',
  'defer-screening',
  'follow-up',
] as const;

export type ResponseAction = (typeof RESPONSE_ACTION_CODES)[number];

export const RESPONSE_ACTIONS_SYSTEM = canonical.codeSystem('response-actions');

const codeSystemFile = new URL('../../content/respond/response-actions.codesystem.json', import.meta.url);
let cached: fhir4.CodeSystem | undefined;

/** Loads the shipped response-actions CodeSystem (read once, then cached). */
export function loadResponseActions(): fhir4.CodeSystem {
  cached ??= JSON.parse(readFileSync(codeSystemFile, 'utf8')) as fhir4.CodeSystem;
  return cached;
}

/** Whether a string is one of the response action codes. */
export function isResponseAction(code: string): code is ResponseAction {
  return (RESPONSE_ACTION_CODES as readonly string[]).includes(code);
}

/** The display of an action in a language ('en' or a designation language such as 'es'), falling back to English. */
export function displayAction(code: ResponseAction, language = 'en'): string {
  const concept = loadResponseActions().concept?.find((c) => c.code === code);
  if (!concept) return code;
  const designation = concept.designation?.find((d) => d.language === language);
  return designation?.value ?? concept.display ?? code;
}

/** The action as a FHIR Coding (used for Task.code). */
export function actionCoding(code: ResponseAction): fhir4.Coding {
  return { system: RESPONSE_ACTIONS_SYSTEM, code, display: displayAction(code) };
}
