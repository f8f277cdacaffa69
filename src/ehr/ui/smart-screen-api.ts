/**
 * @module The calls the SMART screening makes once the screen is done: store it in Lantern (which
 * validates and scores it), write the copies back to the EHR with the SMART access token, and open
 * the case with the EHR patient link (Lantern keeps that link encrypted).
 */
import type { ApiClient } from '../../web/api.ts';
import type { GateAnswers } from '../../recognize/privacy-gate.ts';
import type { ScreeningSetting } from '../../recognize/instrument-choice.ts';
import type { CaseScreen } from '../../recognize/ui/screening-api.ts';
import { ehrObservationCopy, ehrResponseCopy } from '../smart-write-back.ts';
import { withEhr, type SmartClient } from './smart-launch.ts';

/** What Lantern made of the screen: its stored response and the derived Observation. */
export interface StoredScreen {
  response: fhir4.QuestionnaireResponse & { id: string };
  observation: fhir4.Observation;
  resultCode: string;
  score: number | undefined;
}

/** Stores the completed screen in Lantern; the server scores it by the Questionnaire's own rules. */
export async function storeScreen(api: ApiClient, response: fhir4.QuestionnaireResponse): Promise<StoredScreen> {
  const bundle = await api.post<fhir4.Bundle>('/fhir/QuestionnaireResponse', response);
  const stored = bundle.entry?.[0]?.resource as fhir4.QuestionnaireResponse | undefined;
  const observation = bundle.entry?.[1]?.resource as fhir4.Observation | undefined;
  const resultCode = observation?.interpretation?.[0]?.coding?.[0]?.code;
  if (!stored?.id || !observation || !resultCode) throw new Error('The server did not return the evaluated screen.');
  return { response: stored as StoredScreen['response'], observation, resultCode, score: observation.valueInteger ?? observation.valueQuantity?.value };
}

/** Creates the QuestionnaireResponse and Observation on the EHR's FHIR server for its patient. */
export async function writeBack(client: SmartClient, patientId: string, screen: StoredScreen): Promise<{ responseId: string; observationId: string }> {
  return withEhr(client, async (ehr) => {
    const response = await ehr.create(ehrResponseCopy(screen.response, patientId) as unknown as Parameters<SmartClient['create']>[0]) as fhir4.QuestionnaireResponse;
    const observation = await ehr.create(ehrObservationCopy(screen.observation, patientId, response.id) as unknown as Parameters<SmartClient['create']>[0]) as fhir4.Observation;
    return { responseId: response.id ?? '', observationId: observation.id ?? '' };
  });
}

export interface SmartCaseHandoff {
  screen: CaseScreen;
  gate: GateAnswers;
  setting: ScreeningSetting;
  ageYears?: number;
  /** The indicators checklist was used: whether any indicator was marked. */
  indicatorsPresent?: boolean;
  screeningId?: string;
  ehrPatient: { iss: string; patientId: string };
}

/** Opens the case in Lantern, linked (encrypted) to the EHR patient; returns its id. */
export async function openLinkedCase(api: ApiClient, handoff: SmartCaseHandoff): Promise<string> {
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
  const opened = await api.post<{ id: string }>('/api/cases', {
    source: handoff.indicatorsPresent !== undefined ? 'indicators' : handoff.screeningId ? 'screen' : 'clinician', ...(handoff.screeningId ? { screeningId: handoff.screeningId } : {}),
    ehrPatient: handoff.ehrPatient, context,
  });
  return opened.id;
}
