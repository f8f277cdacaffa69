/**
 * @module The admin's view of the organization's people: list, add, change roles, disable,
 * unlock. Every function starts from the caller's organization scope, so a user of another
 * organization is simply not found; each change is audited in the same transaction.
 */
import type { Tx } from '../db/index.ts';
import type { OrgScope } from '../db/scope.ts';
import { conflict, notFound } from '../http/errors.ts';
import { isRole, type Role } from '../policy.ts';
import { createUser, grantRoles } from './accounts.ts';
import { clearThrottle } from '../auth/throttle.ts';
import { closeUserSessions } from '../auth/session-store.ts';
import { emailThrottleKey } from './sign-in.ts';

export interface MemberView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
}

/** Members of the organization with their roles here. */
export async function listMembers(scope: OrgScope, now = new Date()): Promise<MemberView[]> {
  const rows = await scope.selectFrom('platform_membership')
    .innerJoin('platform_user', 'platform_user.id', 'platform_membership.user_id')
    .select(['platform_user.id', 'platform_user.email', 'platform_user.display_name', 'platform_user.disabled', 'platform_user.totp_enabled',
      'platform_user.locked_until', 'platform_membership.role'])
    .orderBy('platform_user.email').execute();
  const byId = new Map<string, MemberView>();
  for (const row of rows) {
    const member = byId.get(row.id) ?? {
      id: row.id, email: row.email, displayName: row.display_name, roles: [], disabled: row.disabled === 1, totpEnabled: row.totp_enabled === 1,
      lockedUntil: row.locked_until !== null && row.locked_until > now.toISOString() ? row.locked_until : null,
    };
    if (isRole(row.role)) member.roles.push(row.role);
    byId.set(row.id, member);
  }
  return [...byId.values()].map((m) => ({ ...m, roles: m.roles.sort() }));
}

/** One member, or not found when the user belongs to no role here. */
export async function findMember(scope: OrgScope, userId: string): Promise<MemberView> {
  const member = (await listMembers(scope)).find((m) => m.id === userId);
  if (!member) throw notFound('The user');
  return member;
}

/** Adds a new person to the organization (password optional: single-sign-on users have none). */
export async function addMember(scope: OrgScope, tx: Tx, input: { email: string; displayName: string; roles: Role[]; password?: string }): Promise<MemberView> {
  const id = await createUser(tx, { ...input, organizationId: scope.organizationId });
  await scope.audit({ action: 'create', resourceType: 'user', resourceId: id });
  return findMember(scope, id);
}

export interface MemberChanges {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
  unlock?: true;
  resetSecondFactor?: true;
}

/** Clears a lost authenticator: TOTP off, secret gone, every session ended. */
export async function resetSecondFactor(tx: Tx, userId: string): Promise<void> {
  await tx.updateTable('platform_user').set({ totp_enabled: 0, totp_secret: null, totp_last_step: null }).where('id', '=', userId).execute();
  await closeUserSessions(tx, userId);
}

/** Lifts a lockout and forgets the failed attempts counted against the email. */
export async function unlockUser(tx: Tx, user: { id: string; email: string }): Promise<void> {
  await tx.updateTable('platform_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
  await clearThrottle(tx, emailThrottleKey(user.email));
}

/** Changes a member; an admin cannot disable themself or drop their own admin role (no lock-out by mistake). */
export async function updateMember(scope: OrgScope, tx: Tx, userId: string, changes: MemberChanges): Promise<MemberView> {
  const before = await findMember(scope, userId);
  const self = scope.actor.id === userId;
  if (self && changes.disabled === true) throw conflict('You cannot disable your own account.', 'disabled');
  if (self && changes.roles && before.roles.includes('admin') && !changes.roles.includes('admin')) {
    throw conflict('You cannot remove your own admin role; ask another admin.', 'roles');
  }
  if (changes.displayName !== undefined) {
    await tx.updateTable('platform_user').set({ display_name: changes.displayName.trim() || before.email }).where('id', '=', userId).execute();
  }
  if (changes.roles) {
    await scope.deleteFrom('platform_membership').where('user_id', '=', userId).where('role', 'not in', changes.roles).execute();
    await grantRoles(tx, { userId, organizationId: scope.organizationId, roles: changes.roles });
  }
  if (changes.disabled !== undefined && changes.disabled !== before.disabled) {
    await tx.updateTable('platform_user').set({ disabled: changes.disabled ? 1 : 0 }).where('id', '=', userId).execute();
    if (changes.disabled) await closeUserSessions(tx, userId);
    await scope.audit({ action: changes.disabled ? 'disable' : 'enable', resourceType: 'user', resourceId: userId });
  }
  if (changes.unlock) {
    await unlockUser(tx, before);
    await scope.audit({ action: 'unlock', resourceType: 'user', resourceId: userId });
  }
  if (changes.resetSecondFactor) {
    await resetSecondFactor(tx, userId);
    await scope.audit({ action: 'reset-second-factor', resourceType: 'user', resourceId: userId });
  }
  if (changes.displayName !== undefined || changes.roles) await scope.audit({ action: 'update', resourceType: 'user', resourceId: userId });
  return findMember(scope, userId);
}
