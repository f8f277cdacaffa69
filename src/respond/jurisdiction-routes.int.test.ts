import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';

describe('jurisdiction API', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let other: TestOrganization;
  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db);
    other = await givenOrganization(lantern.platform.data.db, 'Other');
  });
  afterAll(async () => { await lantern.close(); });

  const get = (url: string, token = org.users.clinician.token) => lantern.app.inject({ method: 'GET', url, headers: bearer(token) });

  test('all 50 states and DC are served, each with a source and a last-verified date', async () => {
    const res = await get('/api/jurisdictions');
    expect(res.statusCode).toBe(200);
    const { jurisdictions, fallback } = res.json();
    expect(jurisdictions).toHaveLength(51);
    expect(jurisdictions.map((j: { code: string }) => j.code)).toContain('US-DC');
    for (const j of jurisdictions) {
      expect(j.sources.length).toBeGreaterThan(0);
      expect(j.lastVerified.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(fallback.code).toBe('FALLBACK');
  });

  test('a known code answers its data; an unknown code answers the fallback, flagged', async () => {
    expect((await get('/api/jurisdictions/US-TX')).json()).toMatchObject({ requested: 'US-TX', isFallback: false, jurisdiction: { code: 'US-TX' } });
    expect((await get('/api/jurisdictions/CA-ON')).json()).toMatchObject({ requested: 'CA-ON', isFallback: true, jurisdiction: { code: 'FALLBACK' } });
    expect((await get('/api/jurisdictions/not-a-code')).statusCode).toBe(400);
  });

  test('the national routes carry the hotline number and text code as data', async () => {
    const routes = (await get('/api/national-routes')).json().routes as { id: string; phone: string; text?: { number: string } }[];
    const hotline = routes.find((r) => r.id === 'human-trafficking-hotline');
    expect(hotline?.phone).toBe('1-888-373-7888');
    expect(hotline?.text?.number).toBe('233733');
  });

  test('an admin edit applies to that organization only, and a broken edit names the field', async () => {
    const current = (await get('/api/jurisdictions/US-TX')).json().jurisdiction;
    const edited = { ...current, childProtection: { ...current.childProtection, notes: [...current.childProtection.notes, 'Edited by the facility.'] } };
    const put = await lantern.app.inject({ method: 'PUT', url: '/api/jurisdictions/US-TX', headers: bearer(org.users.admin.token), payload: edited });
    expect(put.statusCode).toBe(200);
    expect((await get('/api/jurisdictions/US-TX')).json().jurisdiction.childProtection.notes).toContain('Edited by the facility.');
    expect((await get('/api/jurisdictions/US-TX', other.users.clinician.token)).json().jurisdiction.childProtection.notes).not.toContain('Edited by the facility.');
    const broken = await lantern.app.inject({ method: 'PUT', url: '/api/jurisdictions/US-TX', headers: bearer(org.users.admin.token), payload: { ...current, lastVerified: 'yesterday' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().field).toContain('lastVerified');
    const byClinician = await lantern.app.inject({ method: 'PUT', url: '/api/jurisdictions/US-TX', headers: bearer(org.users.clinician.token), payload: edited });
    expect(byClinician.statusCode).toBe(403);
  });
});
