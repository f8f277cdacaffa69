/**
 * Test actors: an organization with a user per role, each with an API token, so route tests call
 * the API the way an integration does (`Authorization: Bearer`); fresh tokens and signed-in browser
 * sessions for those users when a test needs more than one credential of a role.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/platform/db/index.ts';
import { createApiToken, createFacility, createOrganization, createUser } from '../../src/platform/identity/accounts.ts';
import { roles, type Role } from '../../src/platform/policy.ts';
import { openSession } from '../../src/platform/auth/session-store.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/platform/auth/principal.ts';

/** The password of users made with `{ password: TEST_PASSWORD }` (strong enough for the password rules). */
export const TEST_PASSWORD = 'correct horse battery staple 42';

export interface TestOrganization {
  organizationId: string;
  organizationName: string;
  facilityId: string;
  users: Record<Role, { id: string; email: string; token: string }>;
}

/**
 * Creates an organization with one user (and API token) per role. Users get a password when given
 * one: hashing it is slow, so tests that neither sign in nor reach password code leave it out.
 */
export async function givenOrganization(db: Db, name = 'Test Org', options: { password?: string } = {}): Promise<TestOrganization> {
  const tag = randomBytes(4).toString('hex');
  const organizationName = `${name} ${tag}`;
  const organizationId = await createOrganization(db, { name: organizationName });
  const facilityId = await createFacility(db, { organizationId, name: 'Test Facility', jurisdiction: 'US-TX' });
  const users = {} as TestOrganization['users'];
  for (const role of roles) {
    const email = `${role}-${tag}@test.example.org`;
    const id = await createUser(db, { email, displayName: `Test ${role}`, organizationId, roles: [role], password: options.password });
    const { token } = await createApiToken(db, { email, organizationId, name: 'test' });
    users[role] = { id, email, token };
  }
  return { organizationId, organizationName, facilityId, users };
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** A fresh API token for a user of the organization (fresh, so a call that revoked another does not matter). */
export async function tokenFor(db: Db, organization: TestOrganization, role: Role): Promise<string> {
  return (await createApiToken(db, { email: organization.users[role].email, organizationId: organization.organizationId, name: `fresh ${role}` })).token;
}

/**
 * Headers of a fresh signed-in browser session (cookie and CSRF token) for the organization's user
 * with this role. An admin is marked as enrolled in TOTP first: sessions of admins without a second
 * factor are held at enrolment.
 */
export async function sessionFor(db: Db, organization: TestOrganization, role: Role): Promise<Record<string, string>> {
  const user = organization.users[role];
  if (role === 'admin') await db.updateTable('platform_user').set({ totp_enabled: 1 }).where('id', '=', user.id).execute();
  const session = await openSession(db, { userId: user.id, organizationId: organization.organizationId, facilityId: organization.facilityId, mfaPending: false });
  return { cookie: `${SESSION_COOKIE}=${session.cookieValue}`, [CSRF_HEADER]: session.csrfToken };
}
