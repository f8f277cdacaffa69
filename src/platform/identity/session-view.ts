/**
 * @module What the web app learns about its session (the SessionView of the REST contract): who
 * is signed in, how far (second factor due or not), the current organization and facility, the
 * roles there, every organization the person can switch to, and the permissions the navigation
 * is built from. Before the second factor it reveals nothing beyond the person's own name.
 */
import type { Db, Tx } from '../db/index.ts';
import { actions, isAllowed, isRole, type Action, type Resource, type Role } from '../policy.ts';
import { notFound } from '../http/errors.ts';

export type SessionStatus = 'signed-in' | 'mfa-required' | 'mfa-enrolment-required';

export interface SessionView {
  status: SessionStatus;
  user: { id: string; email: string; displayName: string; locale: string };
  csrfToken: string;
  organizationId: string | null;
  facilityId: string | null;
  roles: Role[];
  organizations: { id: string; name: string; roles: Role[]; facilities: { id: string; name: string }[] }[];
  permissions: Partial<Record<Resource, Action[]>>;
}

// Every resource of the policy table, checked at compile time: a resource added to policy.ts
// without being listed here fails type-checking instead of vanishing from the navigation.
const resources = [
  'organization', 'facility', 'user', 'api-token', 'audit', 'retention', 'instrument', 'screening', 'protocol', 'jurisdiction',
  'case', 'statistics', 'directory', 'referral', 'course', 'enrolment', 'certificate', 'compliance', 'article',
] as const satisfies readonly Resource[];
type Unlisted = Exclude<Resource, (typeof resources)[number]>;
const everyResourceListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyResourceListed;

/** The actions each resource allows for these roles (resources with none are left out). */
export function permissionsFor(roles: readonly Role[]): Partial<Record<Resource, Action[]>> {
  const permissions: Partial<Record<Resource, Action[]>> = {};
  for (const resource of resources) {
    const allowed = actions.filter((action) => isAllowed(roles, resource, action));
    if (allowed.length > 0) permissions[resource] = allowed;
  }
  return permissions;
}

/** Whether a session is still waiting for its second factor, and which kind. */
export function sessionStatus(input: { mfaPending: boolean; totpEnabled: boolean; rolesHere: readonly Role[] }): SessionStatus {
  const pending = input.mfaPending || (!input.totpEnabled && input.rolesHere.includes('admin'));
  if (!pending) return 'signed-in';
  return input.totpEnabled ? 'mfa-required' : 'mfa-enrolment-required';
}

/** Builds the SessionView for a stored session. */
export async function presentSession(db: Db | Tx, idHash: string): Promise<SessionView> {
  const row = await db.selectFrom('platform_session')
    .innerJoin('platform_user', 'platform_user.id', 'platform_session.user_id')
    .select(['platform_session.user_id', 'platform_session.organization_id', 'platform_session.facility_id', 'platform_session.csrf_token',
      'platform_session.mfa_pending', 'platform_user.email', 'platform_user.display_name', 'platform_user.locale', 'platform_user.totp_enabled'])
    .where('platform_session.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) throw notFound('The session');
  const memberships = await db.selectFrom('platform_membership')
    .innerJoin('platform_organization', 'platform_organization.id', 'platform_membership.organization_id')
    .select(['platform_membership.organization_id', 'platform_membership.role', 'platform_organization.name'])
    .where('platform_membership.user_id', '=', row.user_id)
    .execute();
  const rolesHere = memberships.filter((m) => m.organization_id === row.organization_id).map((m) => m.role).filter(isRole).sort();
  const status = sessionStatus({ mfaPending: row.mfa_pending === 1, totpEnabled: row.totp_enabled === 1, rolesHere });
  const user = { id: row.user_id, email: row.email, displayName: row.display_name, locale: row.locale };
  if (status !== 'signed-in') {
    return { status, user, csrfToken: row.csrf_token, organizationId: row.organization_id, facilityId: row.facility_id, roles: [], organizations: [], permissions: {} };
  }
  return {
    status, user, csrfToken: row.csrf_token, organizationId: row.organization_id, facilityId: row.facility_id,
    roles: rolesHere, organizations: await listOrganizations(db, memberships), permissions: permissionsFor(rolesHere),
  };
}

async function listOrganizations(db: Db | Tx, memberships: { organization_id: string; role: string; name: string }[]): Promise<SessionView['organizations']> {
  const byId = new Map<string, { id: string; name: string; roles: Role[]; facilities: { id: string; name: string }[] }>();
  for (const m of memberships) {
    const entry = byId.get(m.organization_id) ?? { id: m.organization_id, name: m.name, roles: [], facilities: [] };
    if (isRole(m.role)) entry.roles.push(m.role);
    byId.set(m.organization_id, entry);
  }
  if (byId.size > 0) {
    const facilities = await db.selectFrom('platform_facility').select(['id', 'name', 'organization_id'])
      .where('organization_id', 'in', [...byId.keys()]).orderBy('name').execute();
    for (const f of facilities) byId.get(f.organization_id)?.facilities.push({ id: f.id, name: f.name });
  }
  return [...byId.values()].map((o) => ({ ...o, roles: o.roles.sort() })).sort((a, b) => a.name.localeCompare(b.name));
}
