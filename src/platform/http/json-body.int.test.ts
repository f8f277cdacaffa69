import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../../test/support/actors.ts';

describe('JSON request bodies', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  beforeAll(async () => { lantern = await startTestLantern(); org = await givenOrganization(lantern.platform.data.db); });
  afterAll(async () => { await lantern.close(); });

  test('a NUL character is refused with 400 problem+json, in JSON and in FHIR JSON', async () => {
    const json = await lantern.app.inject({ method: 'POST', url: '/api/cases', headers: { ...bearer(org.users.clinician.token), 'content-type': 'application/json' }, payload: '{"source":"screen","context":{"screen":"positive","setting":"a\\u0000b"}}' });
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toContain('application/problem+json');
    const fhir = await lantern.app.inject({ method: 'POST', url: '/fhir/QuestionnaireResponse', headers: { ...bearer(org.users.clinician.token), 'content-type': 'application/fhir+json' }, payload: '{"resourceType":"QuestionnaireResponse","status":"completed\\u0000"}' });
    expect(fhir.statusCode).toBe(400);
    expect(fhir.json().resourceType).toBe('OperationOutcome');
  });

  test('prototype poisoning is refused', async () => {
    const res = await lantern.app.inject({ method: 'POST', url: '/api/cases', headers: { ...bearer(org.users.clinician.token), 'content-type': 'application/json' }, payload: '{"source":"screen","__proto__":{"admin":true},"context":{"screen":"positive"}}' });
    expect(res.statusCode).toBe(400);
  });
});
