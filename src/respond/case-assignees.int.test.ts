import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';

describe('GET /api/cases/assignees', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
    other = await givenOrganization(lantern.platform.data.db, 'Other');
  });
  afterAll(async () => { await lantern.close(); });

  test('a clinician gets the clinical members of their own organization, id and name only', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/api/cases/assignees', headers: bearer(org.users.clinician.token) });
    expect(res.statusCode).toBe(200);
    const list = res.json() as { id: string; displayName: string }[];
    expect(list.map((a) => a.id).sort()).toEqual([org.users.clinician.id, org.users['social-worker'].id, org.users['program-lead'].id].sort());
    expect(list.every((a) => Object.keys(a).sort().join() === 'displayName,id')).toBe(true);
    expect(list.map((a) => a.id)).not.toContain(other.users.clinician.id);
  });

  test('disabled members are left out, and roles without case update are refused', async () => {
    await lantern.platform.data.db.updateTable('platform_user').set({ disabled: 1 }).where('id', '=', org.users['social-worker'].id).execute();
    const res = await lantern.app.inject({ method: 'GET', url: '/api/cases/assignees', headers: bearer(org.users['program-lead'].token) });
    expect(res.json().map((a: { id: string }) => a.id)).not.toContain(org.users['social-worker'].id);
    const learner = await lantern.app.inject({ method: 'GET', url: '/api/cases/assignees', headers: bearer(org.users.learner.token) });
    expect(learner.statusCode).toBe(403);
  });
});
