import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { startTestEhr, type TestEhr } from '../../test/support/test-ehr.ts';
import { cdsSchemaErrors } from '../../test/support/cds-hooks-schemas.ts';
import { jtiSweepJob } from './index.ts';

const SERVICE = 'lantern-trafficking-screening';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const specExample = (n: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/standards/cds-hooks-2.0/examples/spec-${n}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('CDS Hooks service', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let ehr: TestEhr;
  let endpoint: string;

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
    ehr = await startTestEhr();
    endpoint = `${lantern.platform.config.publicUrl}/cds-services/${SERVICE}`;
    const registered = await lantern.app.inject({
      method: 'POST', url: '/api/ehr/cds-clients', headers: bearer(org.users.admin.token),
      payload: { issuer: ehr.issuer, jwksUrl: ehr.jwksUrl, fhirServers: [ehr.fhirBase] },
    });
    expect(registered.statusCode).toBe(201);
  });
  afterAll(async () => { await ehr.close(); await lantern.close(); });

  async function call(body: unknown, options: { token?: string; service?: string } = {}) {
    const service = options.service ?? SERVICE;
    const token = options.token ?? (await ehr.signRequestJwt(`${lantern.platform.config.publicUrl}/cds-services/${service}`));
    return lantern.app.inject({ method: 'POST', url: `/cds-services/${service}`, headers: { authorization: `Bearer ${token}`, origin: 'https://ehr.example.org' }, payload: body as object });
  }
  const patientView = (prefetch: Record<string, unknown> | undefined, patientId = 'p1', extra: Record<string, unknown> = {}) => ({
    hookInstance: randomUUID(), hook: 'patient-view', context: { userId: 'Practitioner/1', patientId }, ...(prefetch ? { prefetch } : {}), ...extra,
  });
  const conditionBundle = (...codes: [string, string][]) => ({
    resourceType: 'Bundle', type: 'searchset',
    entry: codes.map(([code, date]) => ({ resource: { resourceType: 'Condition', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: ICD, code }] }, recordedDate: date } })),
  });
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  test('discovery lists the service on patient-view and encounter-start with prefetch templates, and validates', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/cds-services', headers: { origin: 'https://ehr.example.org' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const discovery = res.json();
    expect(cdsSchemaErrors('discovery', discovery)).toEqual([]);
    expect(discovery.services.map((s: { hook: string }) => s.hook)).toEqual(['patient-view', 'encounter-start']);
    expect(discovery.services[0]).toMatchObject({ id: SERVICE, prefetch: { patient: 'Patient/{{context.patientId}}' } });
  });

  test("the specification's request example gets a valid answer: no card for a record with no signal", async () => {
    const res = await call(specExample('01'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ cards: [] });
    // spec-01 names a FHIR server this EHR registration does not allow: Lantern must not contact it.
    expect(cdsSchemaErrors('response', res.json())).toEqual([]);
  });

  test("the specification's extension example lacks context.patientId, which patient-view requires: 400 naming it", async () => {
    const res = await call(specExample('22'));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'context.patientId' });
  });

  test('a pregnant 16-year-old gets one card that suggests a private screen without naming trafficking', async () => {
    const birthDate = `${new Date().getUTCFullYear() - 16}-01-01`;
    const res = await call(patientView({ patient: { resourceType: 'Patient', id: 'p1', birthDate }, conditions: conditionBundle(['Z34.00', daysAgo(30)]) }));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(cdsSchemaErrors('response', body)).toEqual([]);
    expect(body.cards).toHaveLength(1);
    const [card] = body.cards;
    expect(card.summary.length).toBeLessThan(140);
    expect(card.summary).toMatch(/^Consider/);
    expect(JSON.stringify(card)).not.toMatch(/traffick/i);
    expect(card).toMatchObject({ indicator: 'info', source: { label: 'Lantern' }, links: [{ type: 'smart', url: `${lantern.platform.config.publicUrl}/smart/launch` }] });
    expect(card.overrideReasons.length).toBeGreaterThan(0);
    expect(Object.values(card).some((v) => v === null || (Array.isArray(v) && v.length === 0) || v === '')).toBe(false);
  });

  test('with prefetch missing, Lantern reads the record from the allowed FHIR server with the given token', async () => {
    ehr.putResource({ resourceType: 'Patient', id: 'p2', birthDate: '1980-05-01' });
    ehr.putResource({ resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p2' }, code: { coding: [{ system: ICD, code: 'T76.61XA' }] }, recordedDate: '2024-01-01' } as fhir4.Condition & { id: string });
    const before = ehr.fhirRequests.length;
    const res = await call(patientView(undefined, 'p2', {
      fhirServer: ehr.fhirBase,
      fhirAuthorization: { access_token: ehr.accessToken, token_type: 'Bearer', expires_in: 300, scope: 'user/Patient.read user/Condition.read', subject: 'lantern' },
    }));
    expect(res.statusCode).toBe(200);
    expect(res.json().cards[0].indicator).toBe('warning');
    expect(ehr.fhirRequests.slice(before)).toEqual(['GET /fhir/Patient/p2', 'GET /fhir/Condition?patient=p2']);
  });

  test('requests without a valid EHR JWT are refused: missing, wrong audience, replayed, expired, unknown issuer, foreign jku', async () => {
    const body = patientView({ patient: { resourceType: 'Patient', birthDate: '1980-01-01' } });
    const noToken = await lantern.app.inject({ method: 'POST', url: `/cds-services/${SERVICE}`, payload: body });
    expect(noToken.statusCode).toBe(401);
    expect((await call(body, { token: await ehr.signRequestJwt('https://elsewhere.example.org/cds-services/x') })).statusCode).toBe(401);
    const once = await ehr.signRequestJwt(endpoint, { jti: 'same-jti' });
    expect((await call(body, { token: once })).statusCode).toBe(200);
    const replay = await call(body, { token: once });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toContain('replay');
    expect((await call(body, { token: await ehr.signRequestJwt(endpoint, { expiresInSeconds: -60 }) })).statusCode).toBe(401);
    expect((await call(body, { token: await ehr.signRequestJwt(endpoint, { issuer: 'https://unknown.example.org' }) })).statusCode).toBe(401);
    expect((await call(body, { token: await ehr.signRequestJwt(endpoint, { jku: 'https://attacker.example.org/jwks.json' }) })).statusCode).toBe(401);
  });

  test('a malformed request gets 400 with the field named', async () => {
    const res = await call({ hook: 'patient-view', context: { patientId: 'p1', userId: 'u' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('hookInstance');
  });

  test('feedback on an issued card is counted once, by outcome and override reason; an unknown card is refused', async () => {
    const birthDate = `${new Date().getUTCFullYear() - 16}-01-01`;
    const issued = await call(patientView({ patient: { resourceType: 'Patient', birthDate }, conditions: conditionBundle(['Z34.00', daysAgo(10)]) }));
    const card = issued.json().cards[0];
    const feedbackUrl = `/cds-services/${SERVICE}/feedback`;
    const send = async (payload: unknown) => lantern.app.inject({
      method: 'POST', url: feedbackUrl, headers: { authorization: `Bearer ${await ehr.signRequestJwt(`${endpoint}/feedback`)}` }, payload: payload as object,
    });
    const overridden = { feedback: [{ card: card.uuid, outcome: 'overridden', overrideReason: { reason: card.overrideReasons[0] }, outcomeTimestamp: new Date().toISOString() }] };
    expect((await send(overridden)).statusCode).toBe(200);
    expect((await send(overridden)).statusCode).toBe(200);
    const counters = await sql<{ metric: string; dimension: string; value: number }>`select metric, dimension, value from platform_counter where organization_id = ${org.organizationId} and metric like 'cds.%'`.execute(lantern.platform.data.db);
    expect(counters.rows).toContainEqual({ metric: 'cds.card.overridden', dimension: 'not-private', value: 1 });
    expect((await send({ feedback: [{ card: randomUUID(), outcome: 'accepted', outcomeTimestamp: new Date().toISOString() }] })).statusCode).toBe(400);
  });

  test('the hourly sweep forgets only expired jtis, so a live token is still refused when replayed', async () => {
    const db = lantern.platform.data.db;
    const body = patientView({ patient: { resourceType: 'Patient', birthDate: '1980-01-01' } });
    const live = await ehr.signRequestJwt(endpoint, { jti: 'live-jti', expiresInSeconds: 600 });
    expect((await call(body, { token: live })).statusCode).toBe(200);
    await db.insertInto('ehr_cds_jti').values({ issuer: ehr.issuer, jti: 'long-expired', expires_at: new Date(Date.now() - 60_000).toISOString() }).execute();
    const result = await jtiSweepJob.run(lantern.platform, { period: 'test', now: new Date() });
    expect(result).toMatchObject({ deleted: expect.any(Number) });
    const left = await db.selectFrom('ehr_cds_jti').select('jti').where('issuer', '=', ehr.issuer).execute();
    expect(left.map((r) => r.jti)).toContain('live-jti');
    expect(left.map((r) => r.jti)).not.toContain('long-expired');
    const replay = await call(body, { token: live });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toContain('replay');
  });

  test('an admin changes a registration: a FHIR server taken off the list is no longer contacted; bad input names its field', async () => {
    const list = await lantern.app.inject({ method: 'GET', url: '/api/ehr/cds-clients', headers: bearer(org.users.admin.token) });
    const [registration] = list.json() as { id: string }[];
    const update = (payload: object, token = org.users.admin.token) => lantern.app.inject({ method: 'PUT', url: `/api/ehr/cds-clients/${registration!.id}`, headers: bearer(token), payload });
    expect((await update({ issuer: ehr.issuer, jwksUrl: ehr.jwksUrl, fhirServers: [] })).statusCode).toBe(204);
    const before = ehr.fhirRequests.length;
    const res = await call(patientView(undefined, 'p2', {
      fhirServer: ehr.fhirBase,
      fhirAuthorization: { access_token: ehr.accessToken, token_type: 'Bearer', expires_in: 300, scope: 'user/Patient.read', subject: 'lantern' },
    }));
    expect(res.statusCode).toBe(200);
    expect(ehr.fhirRequests.length).toBe(before);
    const badUrl = await update({ issuer: ehr.issuer, jwksUrl: 'ftp://keys', fhirServers: [] });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().field).toBe('jwksUrl');
    const foreignFacility = await update({ issuer: ehr.issuer, jwksUrl: ehr.jwksUrl, fhirServers: [], facilityId: randomUUID() });
    expect(foreignFacility.statusCode).toBe(400);
    expect(foreignFacility.json().field).toBe('facilityId');
    expect((await update({ issuer: ehr.issuer, jwksUrl: ehr.jwksUrl, fhirServers: [ehr.fhirBase] })).statusCode).toBe(204);
  });

  test('a removed registration is refused at once, although this process had it cached', async () => {
    const body = patientView({ patient: { resourceType: 'Patient', birthDate: '1980-01-01' } });
    expect((await call(body)).statusCode).toBe(200);
    const list = await lantern.app.inject({ method: 'GET', url: '/api/ehr/cds-clients', headers: bearer(org.users.admin.token) });
    const [registration] = list.json() as { id: string }[];
    const removed = await lantern.app.inject({ method: 'DELETE', url: `/api/ehr/cds-clients/${registration!.id}`, headers: bearer(org.users.admin.token) });
    expect(removed.statusCode).toBe(204);
    const refused = await call(body);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toContain('issuer');
  });
});
