/**
 * @module The SMART App Launch 2.2 handshake in the browser, through `fhirclient`: start an EHR
 * launch (`launch` + `iss`) or a standalone one (`iss` only) with PKCE S256 required, and complete
 * it on the redirect; then write the screen's copies back to that EHR. Lantern tells the browser
 * the public client id for the `iss`; nothing is sent anywhere but Lantern and that EHR. Failures
 * are sorted into a few kinds the page words plainly; the technical detail is never shown.
 */
import FHIR from 'fhirclient';
import type { ApiClient } from '../../web/api.ts';
import { ApiError } from '../../web/api.ts';
import { ehrObservationCopy, ehrResponseCopy } from '../smart-write-back.ts';

/** A fhirclient connection to the launching EHR (access token, refresh, patient context). */
export type SmartClient = Awaited<ReturnType<typeof FHIR.oauth2.ready>>;

export type LaunchFailure = 'denied' | 'unknown-ehr' | 'broken' | 'expired' | 'no-patient';

/** Thrown with the kind of failure, so pages can word it. */
export class SmartLaunchError extends Error {
  constructor(readonly kind: LaunchFailure, cause?: unknown) {
    super(kind, { cause });
    this.name = 'SmartLaunchError';
  }
}

interface LaunchConfig {
  iss: string;
  clientId: string;
  scope: string;
  redirectUri: string;
}

/** Redirects to the EHR's authorization server; resolves only if the browser stays (it should not). */
export async function startSmartLaunch(api: ApiClient, params: { iss: string; launch?: string }): Promise<void> {
  let config: LaunchConfig;
  try {
    // Only an EHR of the clinician's own organization may open a screen that lands in its cases.
    const ours = await api.get<{ iss: string }[]>('/api/ehr/smart-issuers');
    if (!ours.some((ehr) => ehr.iss === params.iss.replace(/\/+$/, ''))) throw new SmartLaunchError('unknown-ehr');
    config = await api.get<LaunchConfig>(`/api/ehr/smart-launch-config?iss=${encodeURIComponent(params.iss)}${params.launch ? '' : '&standalone=true'}`);
  } catch (error) {
    if (error instanceof SmartLaunchError) throw error;
    throw new SmartLaunchError(error instanceof ApiError && (error.status === 404 || error.status === 400) ? 'unknown-ehr' : 'broken', error);
  }
  try {
    await FHIR.oauth2.authorize({
      iss: config.iss, ...(params.launch ? { launch: params.launch } : {}), clientId: config.clientId, scope: config.scope,
      redirectUri: config.redirectUri, pkceMode: 'required', completeInTarget: true,
    });
  } catch (error) {
    throw new SmartLaunchError('broken', error);
  }
}

/** What the authorization server said on the redirect, when it refused. */
export function failureInRedirect(search: string): LaunchFailure | undefined {
  const error = new URLSearchParams(search).get('error');
  if (!error) return undefined;
  return error === 'access_denied' ? 'denied' : 'broken';
}

/** Completes the launch on the redirect page (or resumes it after a reload) and checks the patient context. */
export async function completeSmartLaunch(search: string): Promise<{ client: SmartClient; iss: string; patientId: string }> {
  const refused = failureInRedirect(search);
  if (refused) throw new SmartLaunchError(refused);
  let client: SmartClient;
  try {
    client = await FHIR.oauth2.ready();
  } catch (error) {
    throw new SmartLaunchError('broken', error);
  }
  const patientId = client.getPatientId();
  if (!patientId) throw new SmartLaunchError('no-patient');
  return { client, iss: String(client.state.serverUrl).replace(/\/+$/, ''), patientId };
}

/** Runs a request to the EHR, sorting an ended session (expired, refresh refused) from other failures. */
export async function withEhr<T>(client: SmartClient, work: (client: SmartClient) => Promise<T>): Promise<T> {
  try {
    return await work(client);
  } catch (error) {
    const status = (error as { status?: number; statusCode?: number }).statusCode ?? (error as { status?: number }).status;
    const expired = status === 401 || /expired|refresh/i.test(error instanceof Error ? error.message : '');
    throw new SmartLaunchError(expired ? 'expired' : 'broken', error);
  }
}

/** Creates copies of the screen Lantern stored (QuestionnaireResponse, then its Observation) on the EHR's FHIR server, for its patient. */
export async function writeBack(client: SmartClient, patientId: string, screen: { response: fhir4.QuestionnaireResponse; observation: fhir4.Observation }): Promise<{ responseId: string; observationId: string }> {
  return withEhr(client, async (ehr) => {
    const response = await ehr.create(ehrResponseCopy(screen.response, patientId) as unknown as Parameters<SmartClient['create']>[0]) as fhir4.QuestionnaireResponse;
    const observation = await ehr.create(ehrObservationCopy(screen.observation, patientId, response.id) as unknown as Parameters<SmartClient['create']>[0]) as fhir4.Observation;
    return { responseId: response.id ?? '', observationId: observation.id ?? '' };
  });
}
