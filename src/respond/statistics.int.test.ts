import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { answerFirstN } from '../recognize/answers.ts';
import { shippedInstruments } from '../recognize/instrument-catalog.ts';

describe('program statistics', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
  });
  afterAll(async () => { await lantern.close(); });

  const screen = (positive: number) => lantern.app.inject({
    method: 'POST', url: '/fhir/QuestionnaireResponse', headers: { ...bearer(org.users.clinician.token), 'content-type': 'application/fhir+json' },
    payload: JSON.stringify(answerFirstN(shippedInstruments().get('lantern-adult-screen')!, positive)),
  });

  test('screens and cases are counted per month, and small counts are shown as "<11"', async () => {
    for (let i = 0; i < 12; i += 1) expect((await screen(0)).statusCode).toBe(201);
    for (let i = 0; i < 2; i += 1) expect((await screen(1)).statusCode).toBe(201);
    await lantern.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(org.users.clinician.token), payload: { source: 'clinician', context: { screen: 'positive', ageYears: 30 } } });
    const res = await lantern.app.inject({ method: 'GET', url: '/api/statistics', headers: bearer(org.users['program-lead'].token) });
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { metric: string; dimension: string; value: number | string }[];
    const month = new Date().toISOString().slice(0, 7);
    expect(rows).toContainEqual(expect.objectContaining({ month, metric: 'screening.completed', dimension: 'lantern-adult-screen:negative', value: 12 }));
    expect(rows).toContainEqual(expect.objectContaining({ metric: 'screening.completed', dimension: 'lantern-adult-screen:positive', value: '<11' }));
    expect(rows).toContainEqual(expect.objectContaining({ metric: 'case.opened', dimension: 'clinician', value: '<11' }));
    expect(JSON.stringify(rows)).not.toMatch(/"value":[1-9],|"value":10,/);
    const csv = await lantern.app.inject({ method: 'GET', url: '/api/statistics.csv', headers: bearer(org.users['program-lead'].token) });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('screening.completed,lantern-adult-screen:negative,12');
    expect(csv.body).toContain('<11');
    expect((await lantern.app.inject({ method: 'GET', url: '/api/statistics', headers: bearer(org.users.clinician.token) })).statusCode).toBe(403);
  });
});
