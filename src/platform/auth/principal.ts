/**
 * @module Who is calling. A request is authenticated by a session cookie (the web app) or by an
 * API token in `Authorization: Bearer` (integrations). Both resolve to a `Principal` bound to one
 * organization; secrets are stored only as SHA-256 hashes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { isRole, type Role } from '../policy.ts';

export const SESSION_COOKIE = 'lantern_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  /** The organization the caller acts in; null until one is chosen. */
  organizationId: string | null;
  facilityId: string | null;
  roles: Role[];
  via: 'session' | 'token';
  /** Set for sessions: the CSRF token writes must echo, and the session's hash. */
  session?: { idHash: string; csrfToken: string; mfaPending: boolean };
  tokenId?: string;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * The caller's roles in their organization. Every request resolves its caller, so the caller's row
 * and their roles come from one statement (a membership row per role joined on, or one row with
 * no role): a round trip less per request.
 */
function rolesOf(rows: { role: string | null }[]): Role[] {
  return rows.map((r) => r.role).filter((role): role is Role => role !== null && isRole(role));
}

/** A working day, and half an hour away from the screen (a shared clinic computer). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;

// Writing last-seen times on every request would turn each read into a write; a minute's
// precision is plenty for an idle limit of half an hour.
const TOUCH_AFTER_MS = 60 * 1000;

/**
 * Resolves a session cookie value; unknown, expired (absolute or idle) sessions and disabled
 * users resolve to nothing. An admin without a second factor stays pending until they enrol,
 * even when the admin role was granted after the session began.
 */
export async function principalFromSession(db: Db, cookieValue: string, now = new Date()): Promise<Principal | undefined> {
  const idHash = sha256(cookieValue);
  const rows = await db.selectFrom('platform_session')
    .innerJoin('platform_user', 'platform_user.id', 'platform_session.user_id')
    .leftJoin('platform_membership', (join) => join
      .onRef('platform_membership.user_id', '=', 'platform_session.user_id')
      .onRef('platform_membership.organization_id', '=', 'platform_session.organization_id'))
    .select(['platform_session.id_hash', 'platform_session.user_id', 'platform_session.organization_id', 'platform_session.facility_id',
      'platform_session.csrf_token', 'platform_session.mfa_pending', 'platform_session.expires_at', 'platform_session.last_seen_at',
      'platform_user.email', 'platform_user.display_name', 'platform_user.locale', 'platform_user.disabled', 'platform_user.totp_enabled',
      'platform_membership.role'])
    .where('platform_session.id_hash', '=', idHash)
    .execute();
  const row = rows[0];
  if (!row || row.disabled === 1 || row.expires_at <= now.toISOString()) return undefined;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (lastSeen + SESSION_IDLE_MS <= now.getTime()) return undefined;
  if (now.getTime() - lastSeen >= TOUCH_AFTER_MS) {
    await db.updateTable('platform_session').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  const memberRoles = rolesOf(rows);
  const mfaPending = row.mfa_pending === 1 || (row.totp_enabled === 0 && memberRoles.includes('admin'));
  return {
    userId: row.user_id, email: row.email, displayName: row.display_name, locale: row.locale,
    organizationId: row.organization_id, facilityId: row.facility_id, roles: mfaPending ? [] : memberRoles, via: 'session',
    session: { idHash, csrfToken: row.csrf_token, mfaPending },
  };
}

/** Resolves an API token; revoked tokens and disabled users resolve to nothing. */
export async function principalFromToken(db: Db, token: string, now = new Date()): Promise<Principal | undefined> {
  const rows = await db.selectFrom('platform_api_token')
    .innerJoin('platform_user', 'platform_user.id', 'platform_api_token.user_id')
    .leftJoin('platform_membership', (join) => join
      .onRef('platform_membership.user_id', '=', 'platform_api_token.user_id')
      .onRef('platform_membership.organization_id', '=', 'platform_api_token.organization_id'))
    .select(['platform_api_token.id', 'platform_api_token.organization_id', 'platform_api_token.user_id', 'platform_api_token.revoked_at',
      'platform_api_token.last_used_at', 'platform_user.email', 'platform_user.display_name', 'platform_user.locale', 'platform_user.disabled',
      'platform_membership.role'])
    .where('platform_api_token.token_hash', '=', sha256(token))
    .execute();
  const row = rows[0];
  if (!row || row.revoked_at !== null || row.disabled === 1) return undefined;
  if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() >= TOUCH_AFTER_MS) {
    await db.updateTable('platform_api_token').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return {
    userId: row.user_id, email: row.email, displayName: row.display_name, locale: row.locale,
    organizationId: row.organization_id, facilityId: null, roles: rolesOf(rows),
    via: 'token', tokenId: row.id,
  };
}
