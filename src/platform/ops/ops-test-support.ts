/**
 * @module Factories the operations integration tests share: an organization with users holding
 * API tokens, and audit events written through the real scope. Used by `*.int.test.ts` only.
 */
import { randomUUID } from 'node:crypto';
import type { Platform } from '../services.ts';
import type { Role } from '../policy.ts';
import { createApiToken, createFacility, createOrganization, createUser } from '../identity/accounts.ts';

export interface GivenOrganization {
  organizationId: string;
  facilityId: string;
  /** A user per requested role, with an API token to call as. */
  users: Record<string, { id: string; email: string; token: string }>;
}

/** An organization with a facility and one user (with a token) per role. */
export async function givenOrganization(platform: Platform, roles: Role[], options: { retentionDays?: number } = {}): Promise<GivenOrganization> {
  const tag = randomUUID().slice(0, 8);
  const organizationId = await createOrganization(platform.data.db, { name: `Ops ${tag}`, ...(options.retentionDays ? { retentionDays: options.retentionDays } : {}) });
  const facilityId = await createFacility(platform.data.db, { organizationId, name: `Ops ${tag} clinic` });
  const users: GivenOrganization['users'] = {};
  for (const role of roles) {
    const email = `${role}.${tag}@ops.example.org`;
    const id = await createUser(platform.data.db, { email, displayName: `${role} ${tag}`, password: 'a long enough test password', organizationId, roles: [role] });
    const { token } = await createApiToken(platform.data.db, { email, organizationId, name: 'ops test' });
    users[role] = { id, email, token };
  }
  return { organizationId, facilityId, users };
}

/** The Authorization header for a token. */
export const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });
