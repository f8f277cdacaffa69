import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';

describe('SMART app registrations', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let other: TestOrganization;
  const iss = 'https://ehr.example.org/fhir';

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
    other = await givenOrganization(lantern.platform.data.db, 'Other');
  });
  afterAll(async () => { await lantern.close(); });

  test('an admin registers an EHR; the launch page learns its public client id and the v2 scopes, nothing secret', async () => {
    const created = await lantern.app.inject({ method: 'POST', url: '/api/ehr/smart-clients', headers: bearer(org.users.admin.token), payload: { issuer: `${iss}/`, clientId: 'lantern-app', label: 'Harbor EHR' } });
    expect(created.statusCode).toBe(201);
    const config = await lantern.app.inject({ method: 'GET', url: `/api/ehr/smart-launch-config?iss=${encodeURIComponent(iss)}` });
    expect(config.statusCode).toBe(200);
    expect(config.headers['cache-control']).toBe('no-store');
    expect(config.json()).toEqual({
      iss, clientId: 'lantern-app', redirectUri: `${lantern.platform.config.publicUrl}/smart/app`,
      scope: 'launch openid fhirUser patient/Patient.r patient/QuestionnaireResponse.c patient/Observation.c online_access',
    });
    const standalone = await lantern.app.inject({ method: 'GET', url: `/api/ehr/smart-launch-config?iss=${encodeURIComponent(iss)}&standalone=true` });
    expect(standalone.json().scope).toMatch(/^launch\/patient openid/);
    const issuers = await lantern.app.inject({ method: 'GET', url: '/api/ehr/smart-issuers', headers: bearer(org.users.clinician.token) });
    expect(issuers.json()).toEqual([{ iss, label: 'Harbor EHR' }]);
    const otherIssuers = await lantern.app.inject({ method: 'GET', url: '/api/ehr/smart-issuers', headers: bearer(other.users.clinician.token) });
    expect(otherIssuers.json()).toEqual([]);
  });

  test('an unregistered iss is refused, an iss is registered once, and a clinician cannot register', async () => {
    const unknown = await lantern.app.inject({ method: 'GET', url: `/api/ehr/smart-launch-config?iss=${encodeURIComponent('https://rogue.example.org/fhir')}` });
    expect(unknown.statusCode).toBe(404);
    const again = await lantern.app.inject({ method: 'POST', url: '/api/ehr/smart-clients', headers: bearer(other.users.admin.token), payload: { issuer: iss, clientId: 'x' } });
    expect(again.statusCode).toBe(409);
    const clinician = await lantern.app.inject({ method: 'POST', url: '/api/ehr/smart-clients', headers: bearer(org.users.clinician.token), payload: { issuer: 'https://b.example.org/fhir', clientId: 'x' } });
    expect(clinician.statusCode).toBe(403);
  });

  test('an admin changes a registration: the launch follows the new client id; another registration\'s iss is refused', async () => {
    const created = await lantern.app.inject({ method: 'POST', url: '/api/ehr/smart-clients', headers: bearer(org.users.admin.token), payload: { issuer: 'https://c.example.org/fhir', clientId: 'first' } });
    const { id } = created.json() as { id: string };
    const changed = await lantern.app.inject({ method: 'PUT', url: `/api/ehr/smart-clients/${id}`, headers: bearer(org.users.admin.token), payload: { issuer: 'https://c.example.org/fhir/', clientId: 'second', label: 'Cedar EHR' } });
    expect(changed.statusCode).toBe(204);
    const config = await lantern.app.inject({ method: 'GET', url: `/api/ehr/smart-launch-config?iss=${encodeURIComponent('https://c.example.org/fhir')}` });
    expect(config.json()).toMatchObject({ iss: 'https://c.example.org/fhir', clientId: 'second' });
    const clash = await lantern.app.inject({ method: 'PUT', url: `/api/ehr/smart-clients/${id}`, headers: bearer(org.users.admin.token), payload: { issuer: iss, clientId: 'x' } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().field).toBe('issuer');
    const foreign = await lantern.app.inject({ method: 'PUT', url: `/api/ehr/smart-clients/${id}`, headers: bearer(other.users.admin.token), payload: { issuer: 'https://d.example.org/fhir', clientId: 'x' } });
    expect(foreign.statusCode).toBe(404);
    const badUrl = await lantern.app.inject({ method: 'PUT', url: `/api/ehr/smart-clients/${id}`, headers: bearer(org.users.admin.token), payload: { issuer: 'not a url', clientId: 'x' } });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().field).toBe('issuer');
    await lantern.app.inject({ method: 'DELETE', url: `/api/ehr/smart-clients/${id}`, headers: bearer(org.users.admin.token) });
  });

  test('a removed registration no longer starts launches', async () => {
    const list = await lantern.app.inject({ method: 'GET', url: '/api/ehr/smart-clients', headers: bearer(org.users.admin.token) });
    const [registration] = list.json() as { id: string }[];
    const removed = await lantern.app.inject({ method: 'DELETE', url: `/api/ehr/smart-clients/${registration!.id}`, headers: bearer(org.users.admin.token) });
    expect(removed.statusCode).toBe(204);
    const config = await lantern.app.inject({ method: 'GET', url: `/api/ehr/smart-launch-config?iss=${encodeURIComponent(iss)}` });
    expect(config.statusCode).toBe(404);
  });
});

describe('the SMART pages', () => {
  let lantern: TestLantern;
  let org: TestOrganization;

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
    await lantern.app.inject({ method: 'POST', url: '/api/ehr/smart-clients', headers: bearer(org.users.admin.token), payload: { issuer: 'https://fhir.harbor.example.org/r4', clientId: 'c', tokenEndpoint: 'https://auth.harbor.example.org/token' } });
  });
  afterAll(async () => { await lantern.close(); });

  const policyOf = (headers: Record<string, unknown>): string => String(headers['content-security-policy']);

  test('the launch page lets the browser reach the launching EHR only, and the redirect page the same EHR', async () => {
    const launch = await lantern.app.inject({ method: 'GET', url: `/smart/launch?launch=x&iss=${encodeURIComponent('https://fhir.harbor.example.org/r4')}` });
    expect(policyOf(launch.headers)).toContain("connect-src 'self' https://fhir.harbor.example.org https://auth.harbor.example.org;");
    const cookie = launch.cookies.find((c) => c.name === 'lantern_smart_iss')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/smart' });
    const back = await lantern.app.inject({ method: 'GET', url: '/smart/app?code=c&state=s', cookies: { lantern_smart_iss: cookie.value } });
    expect(policyOf(back.headers)).toContain("connect-src 'self' https://fhir.harbor.example.org https://auth.harbor.example.org;");
  });

  test('an unregistered iss, or no launch cookie, keeps the strict policy', async () => {
    const rogue = await lantern.app.inject({ method: 'GET', url: `/smart/launch?iss=${encodeURIComponent('https://rogue.example.org/fhir')}` });
    expect(policyOf(rogue.headers)).toContain("connect-src 'self';");
    expect(rogue.cookies.find((c) => c.name === 'lantern_smart_iss')).toBeUndefined();
    const bare = await lantern.app.inject({ method: 'GET', url: '/smart/app' });
    expect(policyOf(bare.headers)).toContain("connect-src 'self';");
    const other = await lantern.app.inject({ method: 'GET', url: '/screening' });
    expect(policyOf(other.headers)).toContain("connect-src 'self';");
  });
});
