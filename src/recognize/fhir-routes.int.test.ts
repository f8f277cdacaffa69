import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { fhirSchemaErrors, fhirStructureErrors } from '../../test/support/fhir-validation.ts';
import { answerFirstN } from './answers.ts';
import { shippedInstruments } from './instrument-catalog.ts';
import { chooseInstrument } from './instrument-choice.ts';
import { readInstrumentChoice, withInstrumentChoice } from './instrument-choice-record.ts';
import { lanternExtension } from './extension-urls.ts';

const fhirJson = { 'content-type': 'application/fhir+json' };

describe('Recognize FHIR API', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let other: TestOrganization;
  const adult = shippedInstruments().get('lantern-adult-screen')!;
  const indicators = shippedInstruments().get('lantern-indicators')!;

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
    other = await givenOrganization(lantern.platform.data.db, 'Other');
  });
  afterAll(async () => { await lantern.close(); });

  const post = (url: string, payload: unknown, token = org.users.clinician.token) =>
    lantern.app.inject({ method: 'POST', url, headers: { ...bearer(token), ...fhirJson }, payload: JSON.stringify(payload) });
  const get = (url: string, token = org.users.clinician.token) => lantern.app.inject({ method: 'GET', url, headers: bearer(token) });
  const screeningCount = async () => Number((await sql<{ n: number }>`select count(*) as n from recognize_screening`.execute(lantern.platform.data.db)).rows[0]!.n);

  test('the CapabilityStatement lists the Questionnaire search parameters and validates', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/fhir/metadata' });
    expect(res.statusCode).toBe(200);
    const statement = res.json();
    expect(fhirSchemaErrors(statement)).toEqual([]);
    expect(fhirStructureErrors(statement)).toEqual([]);
    const questionnaire = statement.rest[0].resource.find((r: { type: string }) => r.type === 'Questionnaire');
    expect(questionnaire.searchParam.map((p: { name: string }) => p.name)).toEqual(['url', 'name', 'status']);
  });

  test('instruments are searchable by url, name and status, as valid searchset Bundles', async () => {
    const all = (await get('/fhir/Questionnaire')).json();
    expect(all.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual(expect.arrayContaining(['lantern-indicators', 'lantern-adult-screen', 'lantern-youth-screen']));
    expect(fhirSchemaErrors(all)).toEqual([]);
    const byUrl = (await get(`/fhir/Questionnaire?url=${encodeURIComponent(adult.url!)}`)).json();
    expect(byUrl.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual(['lantern-adult-screen']);
    const byName = (await get('/fhir/Questionnaire?name=lanternyouth')).json();
    expect(byName.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual(['lantern-youth-screen']);
    expect((await get('/fhir/Questionnaire?status=retired')).json().total).toBe(0);
    expect((await get('/fhir/Questionnaire/lantern-indicators')).json().id).toBe('lantern-indicators');
    expect((await get('/fhir/Questionnaire/nope')).json().resourceType).toBe('OperationOutcome');
  });

  test('a positive adult screen is stored, evaluated and answered with a valid Observation; both read back', async () => {
    const response = answerFirstN(adult, 1);
    const res = await post('/fhir/QuestionnaireResponse', response);
    expect(res.statusCode).toBe(201);
    const bundle = res.json();
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(fhirStructureErrors(bundle)).toEqual([]);
    const [stored, observation] = bundle.entry.map((e: { resource: unknown }) => e.resource);
    expect(observation).toMatchObject({ resourceType: 'Observation', valueInteger: 1, interpretation: [{ coding: [{ code: 'positive' }] }] });
    expect(res.headers.location).toContain(`/fhir/QuestionnaireResponse/${stored.id}`);
    expect((await get(`/fhir/QuestionnaireResponse/${stored.id}`)).json()).toEqual(stored);
    expect((await get(`/fhir/Observation/${observation.id}`)).json()).toEqual(observation);
    const raw = await sql<{ response: string }>`select response from recognize_screening where id = ${stored.id}`.execute(lantern.platform.data.db);
    expect(raw.rows[0]!.response).not.toContain('adult-unsafe-place');
    expect((await get(`/fhir/QuestionnaireResponse/${stored.id}`, other.users.clinician.token)).statusCode).toBe(404);
    expect((await get(`/fhir/QuestionnaireResponse/${stored.id}`, org.users.learner.token)).statusCode).toBe(403);
  });

  test('an overridden instrument choice and its reason are stored with the screen, sealed, and read back valid', async () => {
    const youth = shippedInstruments().get('lantern-youth-screen')!;
    const reason = 'Override-reason-marker: developmental delay noted by the team';
    const choice = chooseInstrument({ ageYears: 19, setting: 'emergency', override: { instrumentId: 'lantern-youth-screen', reason } });
    const res = await post('/fhir/QuestionnaireResponse', withInstrumentChoice(answerFirstN(youth, 2), choice, youth));
    expect(res.statusCode).toBe(201);
    const id = res.json().entry[0].resource.id as string;
    const stored = (await get(`/fhir/QuestionnaireResponse/${id}`)).json();
    expect(readInstrumentChoice(stored)).toEqual({ basis: 'override', instrument: `${youth.url}|${youth.version}`, suggested: adult.url, reason });
    expect(fhirSchemaErrors(stored)).toEqual([]);
    expect(fhirStructureErrors(stored)).toEqual([]);
    // Sealed with the response: the reason is not readable in the database.
    const raw = await sql<{ response: string }>`select response from recognize_screening where id = ${id}`.execute(lantern.platform.data.db);
    expect(raw.rows[0]!.response).not.toContain('Override-reason-marker');

    const byAge = await post('/fhir/QuestionnaireResponse', withInstrumentChoice(answerFirstN(adult, 0), chooseInstrument({ ageYears: 40, setting: 'emergency' }), adult));
    const plain = (await get(`/fhir/QuestionnaireResponse/${byAge.json().entry[0].resource.id}`)).json();
    expect(readInstrumentChoice(plain)).toEqual({ basis: 'adult', instrument: `${adult.url}|${adult.version}` });
    expect(fhirSchemaErrors(plain)).toEqual([]);
  });

  test('an override recorded without a reason is rejected and nothing is stored', async () => {
    const before = await screeningCount();
    const response = { ...answerFirstN(adult, 1), extension: [{ url: lanternExtension.instrumentChoice, extension: [
      { url: 'basis', valueCode: 'override' }, { url: 'instrument', valueCanonical: adult.url },
    ] }] };
    const res = await post('/fhir/QuestionnaireResponse', response);
    expect(res.statusCode).toBe(400);
    expect(res.json().resourceType).toBe('OperationOutcome');
    expect(JSON.stringify(res.json())).toContain('reason');
    expect(await screeningCount()).toBe(before);
  });

  test('invalid responses are rejected with an OperationOutcome naming the item and rule, and nothing is stored', async () => {
    const before = await screeningCount();
    const valid = answerFirstN(adult, 0);
    const unknownLinkId = { ...valid, item: [...valid.item!, { linkId: 'no-such-item', answer: [{ valueBoolean: true }] }] };
    const wrongType = { ...valid, item: valid.item!.map((it, i) => (i === 0 ? { ...it, answer: [{ valueString: 'yes' }] } : it)) };
    const missingRequired = { ...valid, item: valid.item!.slice(1) };
    const minorsOff = answerFirstN(indicators, 0);
    const answerToDisabled = {
      ...minorsOff,
      item: [...minorsOff.item!.filter((it) => it.linkId !== 'minors'), { linkId: 'minors', item: [{ linkId: 'ind-minor-runaway', answer: indicators.item!.find((i) => i.linkId === 'minors')!.item![1]!.answerOption!.slice(0, 1).map((o) => ({ valueCoding: o.valueCoding })) }] }],
    };
    const cases: [unknown, string][] = [[unknownLinkId, 'no-such-item'], [wrongType, 'adult-unsafe-place'], [missingRequired, 'adult-unsafe-place'], [answerToDisabled, 'ind-minor-runaway']];
    for (const [payload, linkId] of cases) {
      const res = await post('/fhir/QuestionnaireResponse', payload);
      expect(res.statusCode).toBe(400);
      const outcome = res.json();
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(JSON.stringify(outcome)).toContain(linkId);
      expect(fhirSchemaErrors(outcome)).toEqual([]);
    }
    expect(await screeningCount()).toBe(before);
  });

  test("an admin imports a facility's instrument, which scores by its own declared rules; a broken one names item and rule", async () => {
    const own = { ...adult, id: 'facility-adult-screen', url: 'http://facility.example.org/Questionnaire/adult', version: '2026.1', name: 'FacilityAdult' };
    const imported = await post('/fhir/Questionnaire', own, org.users.admin.token);
    expect(imported.statusCode).toBe(201);
    expect((await post('/fhir/Questionnaire', own, org.users.clinician.token)).statusCode).toBe(403);
    const response = { ...answerFirstN(own, 2), questionnaire: `${own.url}|${own.version}` };
    const scored = await post('/fhir/QuestionnaireResponse', response);
    expect(scored.statusCode).toBe(201);
    expect(scored.json().entry[1].resource.valueInteger).toBe(2);
    expect((await get('/fhir/Questionnaire?url=' + encodeURIComponent(own.url), other.users.clinician.token)).json().total).toBe(0);
    const broken = { ...own, id: 'broken', version: '9', item: [...own.item!, { linkId: 'follow-up', type: 'boolean', text: 'x', enableWhen: [{ question: 'missing-question', operator: '=', answerBoolean: true }] }] };
    const rejected = await post('/fhir/Questionnaire', broken, org.users.admin.token);
    expect(rejected.statusCode).toBe(400);
    expect(JSON.stringify(rejected.json())).toContain('follow-up');
  });
});
