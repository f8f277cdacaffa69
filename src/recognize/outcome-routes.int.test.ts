import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';

describe('recording screens that did not happen', () => {
  let lantern: TestLantern;
  let org: TestOrganization;

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
  });
  afterAll(async () => { await lantern.close(); });

  const post = (payload: unknown, token = org.users.clinician.token) =>
    lantern.app.inject({ method: 'POST', url: '/api/screenings/outcomes', headers: bearer(token), payload: payload as object });

  test('a not-safe and a declined screen are audited and counted, with nothing about the patient', async () => {
    const notSafe = await post({ outcome: 'not-safe-to-screen', reasons: ['not-alone'], instrument: 'lantern-adult-screen' });
    expect(notSafe.statusCode).toBe(201);
    expect(notSafe.json()).toEqual({ id: expect.any(String), outcome: 'not-safe-to-screen', recordedAt: expect.any(String) });
    expect((await post({ outcome: 'declined', mode: 'self' })).statusCode).toBe(201);
    const db = lantern.platform.data.db;
    const counters = await db.selectFrom('platform_counter').select(['metric', 'dimension', 'value'])
      .where('organization_id', '=', org.organizationId).where('metric', 'like', 'screening.%').orderBy('metric').execute();
    expect(counters).toEqual([
      { metric: 'screening.declined', dimension: 'none:self', value: 1 },
      { metric: 'screening.not-safe-to-screen', dimension: 'lantern-adult-screen:clinician', value: 1 },
    ]);
    const audited = await db.selectFrom('platform_audit_event').select(['action', 'resource_id'])
      .where('organization_id', '=', org.organizationId).where('resource_type', '=', 'screening-outcome').execute();
    // Sorting a list that holds a matcher depends on the random ids: check membership instead.
    const ids = audited.map((row) => row.resource_id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(notSafe.json().id);
    expect(new Set(ids).size).toBe(2);
  });

  test('the body is closed, and only those who screen may record', async () => {
    expect((await post({ outcome: 'declined', patientName: 'Jane' })).statusCode).toBe(400);
    expect((await post({ outcome: 'positive' })).statusCode).toBe(400);
    expect((await post({ outcome: 'declined' }, org.users.learner.token)).statusCode).toBe(403);
  });

  test('the quick exit page is neutral and public', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/welcome' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).not.toMatch(/lantern|traffick|screen/i);
  });
});
