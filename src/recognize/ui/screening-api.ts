/**
 * @module The calls the screening pages make (in Lantern and in the EHR's SMART app): instruments,
 * a completed screen, a screen that did not happen, and the handoff to a case. Nothing here is kept
 * on the device: results live in React state until the page is left, and the server's answers are
 * marked no-store.
 */
import type { ApiClient } from '../../web/api.ts';
import type { GateAnswers, GateReason } from '../privacy-gate.ts';
import type { ScreeningSetting } from '../instrument-choice.ts';
import { readScoreDeclaration } from '../score-declaration.ts';
import type { InstrumentDecision } from './instrument-step.tsx';

/** The instruments this organization may use (shipped and imported). */
export async function fetchInstruments(api: ApiClient): Promise<fhir4.Questionnaire[]> {
  const bundle = await api.get<fhir4.Bundle>('/fhir/Questionnaire?status=active');
  return (bundle.entry ?? []).map((entry) => entry.resource as fhir4.Questionnaire).filter((q) => q?.resourceType === 'Questionnaire');
}

/** What the server made of a completed screen: the stored response and the Observation derived from it. */
export interface SubmittedScreen {
  responseId: string;
  score: number | undefined;
  resultCode: string;
  response: fhir4.QuestionnaireResponse & { id: string };
  observation: fhir4.Observation;
}

/** Stores a completed screen; the server validates and scores it by the Questionnaire's own rules. */
export async function submitScreen(api: ApiClient, response: fhir4.QuestionnaireResponse): Promise<SubmittedScreen> {
  const bundle = await api.post<fhir4.Bundle>('/fhir/QuestionnaireResponse', response);
  const stored = bundle.entry?.[0]?.resource as fhir4.QuestionnaireResponse | undefined;
  const observation = bundle.entry?.[1]?.resource as fhir4.Observation | undefined;
  const resultCode = observation?.interpretation?.[0]?.coding?.[0]?.code;
  if (!stored?.id || !observation || !resultCode) throw new Error('The server did not return the evaluated screen.');
  return {
    responseId: stored.id, score: observation.valueInteger ?? observation.valueQuantity?.value, resultCode,
    response: stored as SubmittedScreen['response'], observation,
  };
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
  /** The screen ran inside an EHR (SMART launch): the patient there, which Lantern keeps encrypted with the case. */
  ehrPatient?: { iss: string; patientId: string };
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
  const opened = await api.post<{ id: string }>('/api/cases', {
    source, ...(handoff.screeningId ? { screeningId: handoff.screeningId } : {}), ...(handoff.ehrPatient ? { ehrPatient: handoff.ehrPatient } : {}), context,
  });
  return opened.id;
}

/** How a completed screen reads for the case API: the floor band is a negative screen. */
export function resultHandoff(gate: GateAnswers, decision: Pick<InstrumentDecision, 'choice' | 'questionnaire' | 'setting' | 'ageYears'>, submitted: SubmittedScreen): CaseHandoff {
  const base = { gate, setting: decision.setting, screeningId: submitted.responseId, ...(decision.ageYears !== undefined ? { ageYears: decision.ageYears } : {}) };
  const bands = readScoreDeclaration(decision.questionnaire).declaration?.bands ?? [];
  const band = bands.find((b) => b.code === submitted.resultCode);
  const aboveFloor = band?.minScore !== undefined;
  if (decision.choice.clinicianAssessmentOnly) return { ...base, screen: 'not-screened', indicatorsPresent: aboveFloor };
  return { ...base, screen: aboveFloor ? 'positive' : 'negative' };
}
