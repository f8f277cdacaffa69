/**
 * @module The calls the screening pages make: instruments, a completed screen, a screen that did
 * not happen, and the handoff to a case. Nothing here is kept on the device: results live in React
 * state until the page is left, and the server's answers are marked no-store.
 */
import type { ApiClient } from '../../web/api.ts';
import type { GateAnswers, GateReason } from '../privacy-gate.ts';
import type { ScreeningSetting } from '../instrument-choice.ts';

/** The instruments this organization may use (shipped and imported). */
export async function fetchInstruments(api: ApiClient): Promise<fhir4.Questionnaire[]> {
  const bundle = await api.get<fhir4.Bundle>('/fhir/Questionnaire?status=active');
  return (bundle.entry ?? []).map((entry) => entry.resource as fhir4.Questionnaire).filter((q) => q?.resourceType === 'Questionnaire');
}

/** What the server made of a completed screen. */
export interface SubmittedScreen {
  responseId: string;
  score: number | undefined;
  resultCode: string;
}

/** Stores a completed screen; the server validates and scores it by the Questionnaire's own rules. */
export async function submitScreen(api: ApiClient, response: fhir4.QuestionnaireResponse): Promise<SubmittedScreen> {
  const bundle = await api.post<fhir4.Bundle>('/fhir/QuestionnaireResponse', response);
  const stored = bundle.entry?.[0]?.resource as fhir4.QuestionnaireResponse | undefined;
  const observation = bundle.entry?.[1]?.resource as fhir4.Observation | undefined;
  const resultCode = observation?.interpretation?.[0]?.coding?.[0]?.code;
  if (!stored?.id || !resultCode) throw new Error('The server did not return the evaluated screen.');
  return { responseId: stored.id, score: observation?.valueInteger ?? observation?.valueQuantity?.value, resultCode };
}

/** Checks that the signed-in clinician is the one holding the device again (password, and code if enrolled). */
export async function confirmStaffIdentity(api: ApiClient, credentials: { password: string; code?: string }): Promise<void> {
  await api.post('/api/session/confirm', credentials);
}

/** Records, de-identified, that the screen was not safe to run or was declined. */
export async function recordOutcome(api: ApiClient, body: { outcome: 'not-safe-to-screen' | 'declined'; instrument?: string; reasons?: GateReason[]; mode?: 'clinician' | 'self' }): Promise<void> {
  await api.post('/api/screenings/outcomes', body);
}

/** How the screen ended, as the case API words it. */
export type CaseScreen = 'negative' | 'positive' | 'declined' | 'not-safe-to-screen' | 'not-screened';

export interface CaseHandoff {
  screen: CaseScreen;
  gate: GateAnswers;
  ageYears?: number;
  setting: ScreeningSetting;
  /** The checklist was used: whether any indicator was marked. */
  indicatorsPresent?: boolean;
  screeningId?: string;
}

/** Opens a case for the response steps and returns its id. */
export async function openCase(api: ApiClient, handoff: CaseHandoff): Promise<string> {
  const { gate } = handoff;
  const context = {
    ...(handoff.ageYears !== undefined ? { ageYears: handoff.ageYears } : {}),
    screen: handoff.screen,
    ...(handoff.indicatorsPresent !== undefined ? { indicatorsPresent: handoff.indicatorsPresent } : {}),
    ...(gate.patientAlone !== undefined ? { alone: gate.patientAlone } : {}),
    ...(gate.interpreterNeeded !== undefined ? { interpreterNeeded: gate.interpreterNeeded } : {}),
    ...(gate.interpreterNeeded && gate.professionalInterpreterAvailable !== undefined ? { interpreterAvailable: gate.professionalInterpreterAvailable } : {}),
    ...(gate.confidentialityExplained !== undefined ? { confidentialityExplained: gate.confidentialityExplained } : {}),
    ...(gate.safeToTalk !== undefined ? { safeToTalk: gate.safeToTalk } : {}),
    setting: handoff.setting,
  };
  const source = handoff.indicatorsPresent !== undefined ? 'indicators' : handoff.screeningId ? 'screen' : 'clinician';
  const opened = await api.post<{ id: string }>('/api/cases', { source, ...(handoff.screeningId ? { screeningId: handoff.screeningId } : {}), context });
  return opened.id;
}
