/**
 * @module Organizations, facilities, users and their roles, and API tokens: the commands behind
 * the admin API, the CLI and the demo seed. Each takes a database handle (or transaction) first.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/index.ts';
import { conflict, invalid, notFound } from '../http/errors.ts';
import { isRole, type Role } from '../policy.ts';
import { checkPasswordStrength, hashPassword } from './passwords.ts';
import { newSecret, sha256 } from '../auth/principal.ts';

export const DEFAULT_RETENTION_DAYS = 365 * 7;

export interface OrganizationSettings {
  /** Suggest ICD-10-CM codes that appear on claims for suspected (not confirmed) cases. */
  suggestClaimCodesWhenSuspected?: boolean;
  [key: string]: unknown;
}

export async function createOrganization(db: Db | Tx, input: { name: string; retentionDays?: number; settings?: OrganizationSettings }): Promise<string> {
  const name = input.name.trim();
  if (!name) throw invalid('Give the organization a name.', 'name');
  const id = randomUUID();
  await db.insertInto('platform_organization').values({
    id, name, retention_days: input.retentionDays ?? DEFAULT_RETENTION_DAYS,
    settings: JSON.stringify(input.settings ?? {}), created_at: new Date().toISOString(),
  }).execute();
  return id;
}

export async function createFacility(db: Db | Tx, input: { organizationId: string; name: string; jurisdiction?: string | null }): Promise<string> {
  const name = input.name.trim();
  if (!name) throw invalid('Give the facility a name.', 'name');
  const id = randomUUID();
  await db.insertInto('platform_facility').values({
    id, organization_id: input.organizationId, name, jurisdiction: input.jurisdiction ?? null, created_at: new Date().toISOString(),
  }).execute();
  return id;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUser {
  email: string;
  displayName: string;
  /** Omitted for single-sign-on-only users. */
  password?: string;
  locale?: string;
  organizationId: string;
  roles: Role[];
}

export async function createUser(db: Db | Tx, input: NewUser): Promise<string> {
  const email = normalizeEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalid('Enter a valid email address.', 'email');
  if (input.roles.length === 0) throw invalid('Give the user at least one role.', 'roles');
  for (const role of input.roles) if (!isRole(role)) throw invalid(`"${role}" is not a role.`, 'roles');
  if (input.password !== undefined) checkPasswordStrength(input.password);
  const existing = await db.selectFrom('platform_user').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw conflict('A user with this email already exists.', 'email');
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.insertInto('platform_user').values({
    id, email, display_name: input.displayName.trim() || email, password_hash: input.password ? await hashPassword(input.password) : null,
    totp_secret: null, totp_enabled: 0, totp_last_step: null, locale: input.locale ?? 'en', failed_logins: 0, locked_until: null,
    disabled: 0, created_at: now,
  }).execute();
  await grantRoles(db, { userId: id, organizationId: input.organizationId, roles: input.roles });
  return id;
}

export async function grantRoles(db: Db | Tx, input: { userId: string; organizationId: string; roles: Role[] }): Promise<void> {
  const now = new Date().toISOString();
  for (const role of input.roles) {
    await db.insertInto('platform_membership')
      .values({ id: randomUUID(), user_id: input.userId, organization_id: input.organizationId, role, created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'organization_id', 'role']).doNothing())
      .execute();
  }
}

/** Creates an API token and returns it once; only its hash is kept. */
export async function createApiToken(db: Db | Tx, input: { email: string; organizationId?: string; name?: string }): Promise<{ id: string; token: string; organizationId: string }> {
  const user = await db.selectFrom('platform_user').select(['id']).where('email', '=', normalizeEmail(input.email)).executeTakeFirst();
  if (!user) throw notFound(`A user with email ${input.email}`);
  const memberships = await db.selectFrom('platform_membership').select('organization_id').distinct().where('user_id', '=', user.id).execute();
  const organizationId = input.organizationId ?? (memberships.length === 1 ? memberships[0]!.organization_id : undefined);
  if (!organizationId) throw invalid('This user belongs to several organizations: name one.', 'organization');
  if (!memberships.some((m) => m.organization_id === organizationId)) throw invalid('The user is not a member of that organization.', 'organization');
  const token = `lt_${newSecret(32)}`;
  const id = randomUUID();
  await db.insertInto('platform_api_token').values({
    id, organization_id: organizationId, user_id: user.id, name: input.name ?? 'cli', token_hash: sha256(token),
    created_at: new Date().toISOString(), last_used_at: null, revoked_at: null,
  }).execute();
  return { id, token, organizationId };
}
