/**
 * Test actors: an organization with a user per role, each with an API token, so route tests call
 * the API the way an integration does (`Authorization: Bearer`).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/platform/db/index.ts';
import { createApiToken, createFacility, createOrganization, createUser } from '../../src/platform/identity/accounts.ts';
import { roles, type Role } from '../../src/platform/policy.ts';

export interface TestOrganization {
  organizationId: string;
  facilityId: string;
  users: Record<Role, { id: string; email: string; token: string }>;
}

/** Creates an organization with one user (and API token) per role. */
export async function givenOrganization(db: Db, name = 'Test Org'): Promise<TestOrganization> {
  const tag = randomBytes(4).toString('hex');
  const organizationId = await createOrganization(db, { name: `${name} ${tag}` });
  const facilityId = await createFacility(db, { organizationId, name: 'Test Facility', jurisdiction: 'US-TX' });
  const users = {} as TestOrganization['users'];
  for (const role of roles) {
    const email = `${role}-${tag}@test.example.org`;
    const id = await createUser(db, { email, displayName: `Test ${role}`, organizationId, roles: [role] });
    const { token } = await createApiToken(db, { email, organizationId, name: 'test' });
    users[role] = { id, email, token };
  }
  return { organizationId, facilityId, users };
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
