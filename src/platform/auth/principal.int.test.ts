import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiToken, grantRoles } from '../identity/accounts.ts';
import { givenOrganization, givenUser, startIdentityLantern, type IdentityLantern } from '../identity/identity-test-support.ts';
import { principalFromSession, principalFromToken } from './principal.ts';
import { openSession } from './session-store.ts';

describe('resolving the caller', () => {
  let lantern: IdentityLantern;
  let hospital: { organizationId: string; facilityId: string };
  let shelter: { organizationId: string; facilityId: string };
  beforeAll(async () => {
    lantern = await startIdentityLantern();
    hospital = await givenOrganization(lantern.platform, 'Hospital');
    shelter = await givenOrganization(lantern.platform, 'Shelter');
  });
  afterAll(async () => { await lantern.close(); });

  const db = () => lantern.platform.data.db;
  const sorted = (roles: string[] | undefined) => [...(roles ?? [])].sort();

  /** A nurse who also teaches at the hospital, and administers the shelter's directory. */
  async function givenNurseOfTwoOrganizations(): Promise<{ id: string; email: string }> {
    const nurse = await givenUser(lantern.platform, hospital.organizationId, ['clinician', 'educator']);
    await grantRoles(db(), { userId: nurse.id, organizationId: shelter.organizationId, roles: ['admin'] });
    return nurse;
  }

  test('an API token carries every role its user holds in the token\'s organization, and none from another', async () => {
    const nurse = await givenNurseOfTwoOrganizations();
    const atHospital = await createApiToken(db(), { email: nurse.email, organizationId: hospital.organizationId });
    const atShelter = await createApiToken(db(), { email: nurse.email, organizationId: shelter.organizationId });

    expect(sorted((await principalFromToken(db(), atHospital.token))?.roles)).toEqual(['clinician', 'educator']);
    expect((await principalFromToken(db(), atShelter.token))?.roles).toEqual(['admin']);
    expect(await principalFromToken(db(), 'lt_not-a-token')).toBeUndefined();
  });

  test('a token outlives its user\'s membership with no roles at all', async () => {
    const nurse = await givenNurseOfTwoOrganizations();
    const { token } = await createApiToken(db(), { email: nurse.email, organizationId: hospital.organizationId });
    await db().deleteFrom('platform_membership').where('user_id', '=', nurse.id).where('organization_id', '=', hospital.organizationId).execute();

    expect(await principalFromToken(db(), token)).toMatchObject({ userId: nurse.id, organizationId: hospital.organizationId, roles: [] });
  });

  test('a session carries the roles of the organization it acts in; one with no organization has none', async () => {
    const nurse = await givenNurseOfTwoOrganizations();
    const inHospital = await openSession(db(), { userId: nurse.id, organizationId: hospital.organizationId, facilityId: hospital.facilityId, mfaPending: false });
    const unchosen = await openSession(db(), { userId: nurse.id, organizationId: null, facilityId: null, mfaPending: false });

    const principal = await principalFromSession(db(), inHospital.cookieValue);
    expect(principal).toMatchObject({ userId: nurse.id, organizationId: hospital.organizationId, via: 'session' });
    expect(sorted(principal?.roles)).toEqual(['clinician', 'educator']);
    expect(await principalFromSession(db(), unchosen.cookieValue)).toMatchObject({ organizationId: null, roles: [] });
  });

  test('an admin without a second factor acting in the shelter stays pending, with no roles', async () => {
    const nurse = await givenNurseOfTwoOrganizations();
    const inShelter = await openSession(db(), { userId: nurse.id, organizationId: shelter.organizationId, facilityId: null, mfaPending: false });

    expect(await principalFromSession(db(), inShelter.cookieValue)).toMatchObject({ roles: [], session: { mfaPending: true } });
  });
});
