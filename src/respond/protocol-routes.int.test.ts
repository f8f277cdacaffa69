import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { loadDefaultProtocol, type Protocol } from './protocol.ts';

describe('protocol API', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  const shipped = loadDefaultProtocol();

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
  });
  afterAll(async () => { await lantern.close(); });

  const publish = (protocol: unknown, token = org.users['program-lead'].token) =>
    lantern.app.inject({ method: 'POST', url: '/api/protocols/versions', headers: bearer(token), payload: { protocol } });
  const get = (url: string) => lantern.app.inject({ method: 'GET', url, headers: bearer(org.users['program-lead'].token) });

  test('a version whose test cases pass is published, listed with its publisher, diffed, and used by new cases', async () => {
    const [major, minor] = shipped.version.split('.').map(Number);
    const next: Protocol = { ...shipped, version: `${major}.${minor! + 1}.0`, steps: shipped.steps.map((s, i) => (i === 0 ? { ...s, reason: `${s.reason} (our wording)` } : s)) };
    const res = await publish(next);
    expect(res.statusCode).toBe(201);
    expect(res.json().tests.passed).toBeGreaterThanOrEqual(40);
    const versions = (await get('/api/protocols/versions')).json();
    expect(versions[0]).toMatchObject({ version: next.version, publishedByEmail: org.users['program-lead'].email });
    const diff = (await get(`/api/protocols/diff?from=shipped&to=${versions[0].id}`)).json();
    expect(diff.changed.map((c: { stepId: string }) => c.stepId)).toEqual([shipped.steps[0]!.id]);
    const opened = await lantern.app.inject({ method: 'POST', url: '/api/cases', headers: bearer(org.users.clinician.token), payload: { source: 'clinician', context: { screen: 'negative', ageYears: 30 } } });
    expect(opened.json().protocol.version).toBe(next.version);
  });

  test('a version that breaks its test cases is refused, naming each failing case, and nothing is published', async () => {
    const before = (await get('/api/protocols/versions')).json().length;
    const withoutReport = { ...shipped, version: '99.0.0', steps: shipped.steps.filter((s) => s.action !== 'report-child-protection') };
    const res = await publish(withoutReport);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.length).toBeGreaterThan(0);
    expect(res.json().errors[0].message).toContain('report-child-protection');
    expect((await get('/api/protocols/versions')).json().length).toBe(before);
  });

  test('an invalid document is refused with the path of the error; only program leads publish', async () => {
    const broken = { ...shipped, version: '98.0.0', steps: [{ ...shipped.steps[0]!, action: 'do-something-else' }] };
    const res = await publish(broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toContain('/steps/0/action');
    expect((await publish({ ...shipped, version: '97.0.0' }, org.users.clinician.token)).statusCode).toBe(403);
  });
});
