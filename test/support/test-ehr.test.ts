import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeJwt } from 'jose';
import { startTestEhr, type TestEhr } from './test-ehr.ts';
import { authorizeInBrowser } from './oidc-browser.ts';

const LANTERN = 'http://127.0.0.1:9';
const REDIRECT = `${LANTERN}/smart/app`;
const SCOPE = 'launch openid fhirUser patient/Patient.r patient/QuestionnaireResponse.c patient/Observation.c';

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

describe('the test EHR', () => {
  let ehr: TestEhr;
  beforeAll(async () => {
    ehr = await startTestEhr({ lanternUrl: LANTERN });
    ehr.putResource({ resourceType: 'Patient', id: 'p1', birthDate: '2010-02-03' });
    ehr.putResource({ resourceType: 'Patient', id: 'p2', birthDate: '1990-02-03' });
  });
  afterAll(async () => { await ehr.close(); });

  function authorizeUrl(pkce: Record<string, string>, launch: string): string {
    const params = new URLSearchParams({ response_type: 'code', client_id: ehr.smartClientId, redirect_uri: REDIRECT, scope: SCOPE, state: 's1', aud: ehr.fhirBase, launch, ...pkce });
    return `${ehr.url}/auth?${params}`;
  }

  /** Answers the EHR's sign-in page with Allow or Deny; returns where the EHR sends the browser back. */
  const visit = (start: string, answer: 'allow' | 'deny'): Promise<URL> => authorizeInBrowser(start, LANTERN, () => ({ answer }));

  const token = async (body: Record<string, string>) => fetch(`${ehr.url}/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString(),
  });

  test('refuses an authorization request without PKCE, and one with `plain` PKCE', async () => {
    const launch = ehr.createLaunch({ patientId: 'p1' });
    const none = await visit(authorizeUrl({}, launch), 'allow');
    expect(none.searchParams.get('error')).toBe('invalid_request');
    expect(none.searchParams.get('code')).toBeNull();
    const plain = await visit(authorizeUrl({ code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }, launch), 'allow');
    expect(plain.searchParams.get('error')).toBe('invalid_request');
    expect(plain.searchParams.get('error_description')).toMatch(/code_challenge_method/);
    expect(plain.searchParams.get('code')).toBeNull();
  });

  test('an S256 launch yields a patient-scoped token with fhirUser; the verifier must match; writes stay within the patient', async () => {
    const verifier = base64url(randomBytes(32));
    const challenge = base64url(createHash('sha256').update(verifier).digest());
    const launch = ehr.createLaunch({ patientId: 'p1' });
    const back = await visit(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }, launch), 'allow');
    const code = back.searchParams.get('code')!;
    expect(code).toBeTruthy();
    expect(back.searchParams.get('state')).toBe('s1');

    const wrong = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: ehr.smartClientId, code_verifier: base64url(randomBytes(32)) });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toBe('invalid_grant');

    const verifier2 = base64url(randomBytes(32));
    const again = await visit(authorizeUrl({ code_challenge: base64url(createHash('sha256').update(verifier2).digest()), code_challenge_method: 'S256' }, launch), 'allow');
    const issued = await token({ grant_type: 'authorization_code', code: again.searchParams.get('code')!, redirect_uri: REDIRECT, client_id: ehr.smartClientId, code_verifier: verifier2 });
    expect(issued.status).toBe(200);
    const body = await issued.json() as { access_token: string; refresh_token: string; id_token: string; patient: string; scope: string };
    expect(body.patient).toBe('p1');
    expect(body.scope.split(' ')).toEqual(expect.arrayContaining(['launch', 'patient/Patient.r', 'patient/Observation.c']));
    expect(decodeJwt(body.id_token).fhirUser).toBe(`${ehr.fhirBase}/Practitioner/practitioner-1`);

    const as = { authorization: `Bearer ${body.access_token}`, 'content-type': 'application/fhir+json' };
    expect((await fetch(`${ehr.fhirBase}/Patient/p1`, { headers: as })).status).toBe(200);
    expect((await fetch(`${ehr.fhirBase}/Patient/p2`, { headers: as })).status).toBe(403);
    const observation = (patient: string) => JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${patient}` } });
    expect((await fetch(`${ehr.fhirBase}/Observation`, { method: 'POST', headers: as, body: observation('p1') })).status).toBe(201);
    expect((await fetch(`${ehr.fhirBase}/Observation`, { method: 'POST', headers: as, body: observation('p2') })).status).toBe(403);
    expect((await fetch(`${ehr.fhirBase}/Condition?patient=p1`, { headers: as })).status).toBe(403);

    // As fhirclient sends it: a public client's refresh names no client_id.
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: body.refresh_token });
    expect(refreshed.status).toBe(200);
    const next = await refreshed.json() as { access_token: string; patient: string };
    expect(next.patient).toBe('p1');
    expect((await fetch(`${ehr.fhirBase}/Patient/p1`, { headers: { authorization: `Bearer ${next.access_token}` } })).status).toBe(200);
    expect(ehr.tokenGrants).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
  });

  test('a denied authorization sends the browser back with access_denied; an aud naming another server is refused', async () => {
    const challenge = base64url(createHash('sha256').update(base64url(randomBytes(32))).digest());
    const denied = await visit(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }, ehr.createLaunch({ patientId: 'p1' })), 'deny');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    const params = new URLSearchParams({ response_type: 'code', client_id: ehr.smartClientId, redirect_uri: REDIRECT, scope: SCOPE, aud: 'https://elsewhere.example.org/fhir', code_challenge: challenge, code_challenge_method: 'S256' });
    expect((await fetch(`${ehr.url}/auth?${params}`, { redirect: 'manual' })).status).toBe(400);
  });

  test('serves SMART discovery and a CapabilityStatement without a token, and nothing else without one', async () => {
    const config = await (await fetch(`${ehr.fhirBase}/.well-known/smart-configuration`)).json() as Record<string, unknown>;
    expect(config).toMatchObject({ authorization_endpoint: `${ehr.url}/auth`, token_endpoint: `${ehr.url}/token`, code_challenge_methods_supported: ['S256'] });
    expect(config.capabilities).toEqual(expect.arrayContaining(['launch-ehr', 'launch-standalone', 'client-public', 'permission-v2']));
    expect((await fetch(`${ehr.fhirBase}/metadata`)).status).toBe(200);
    expect((await fetch(`${ehr.fhirBase}/Patient/p1`)).status).toBe(401);
  });
});
