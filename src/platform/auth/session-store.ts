/**
 * @module Server-side sessions (platform_session). The browser holds a random value; the database
 * holds only its SHA-256, so a dump cannot be replayed as a cookie. A session ends at an absolute
 * time and after an idle period, whichever comes first.
 */
import type { FastifyReply } from 'fastify';
import type {} from '@fastify/cookie';
import type { Db, Tx } from '../db/index.ts';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE_MS, newSecret, sha256 } from './principal.ts';

export interface NewSession {
  userId: string;
  organizationId: string | null;
  facilityId: string | null;
  /** True while a second factor (or its enrolment) is still due. */
  mfaPending: boolean;
}

export interface OpenedSession {
  /** The cookie value: shown to the browser once, never stored. */
  cookieValue: string;
  idHash: string;
  csrfToken: string;
}

/** Stores a new session and returns the value for the cookie. */
export async function openSession(db: Db | Tx, input: NewSession, now = new Date()): Promise<OpenedSession> {
  const cookieValue = newSecret(32);
  const idHash = sha256(cookieValue);
  const csrfToken = newSecret(24);
  await db.insertInto('platform_session').values({
    id_hash: idHash, user_id: input.userId, organization_id: input.organizationId, facility_id: input.facilityId,
    csrf_token: csrfToken, mfa_pending: input.mfaPending ? 1 : 0, created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(), last_seen_at: now.toISOString(),
  }).execute();
  return { cookieValue, idHash, csrfToken };
}

/**
 * Replaces a session by a new one with the same context, e.g. once the second factor is given:
 * a session value seen before the privilege change is worthless after it.
 */
export async function renewSession(db: Db | Tx, idHash: string, changes: { mfaPending: boolean }, now = new Date()): Promise<OpenedSession> {
  const old = await db.selectFrom('platform_session').selectAll().where('id_hash', '=', idHash).executeTakeFirstOrThrow();
  await db.deleteFrom('platform_session').where('id_hash', '=', idHash).execute();
  const opened = await openSession(db, { userId: old.user_id, organizationId: old.organization_id, facilityId: old.facility_id, mfaPending: changes.mfaPending }, now);
  // The absolute limit counts from the first sign-in, not from the renewal.
  await db.updateTable('platform_session').set({ expires_at: old.expires_at }).where('id_hash', '=', opened.idHash).execute();
  return opened;
}

/** Ends one session. */
export async function closeSession(db: Db | Tx, idHash: string): Promise<void> {
  await db.deleteFrom('platform_session').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user (disabled, or roles changed). */
export async function closeUserSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.deleteFrom('platform_session').where('user_id', '=', userId).execute();
}

/** Removes sessions past their absolute or idle end; returns how many. */
export async function purgeExpiredSessions(db: Db | Tx, now = new Date()): Promise<number> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  const result = await db.deleteFrom('platform_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure behind HTTPS. */
export function setSessionCookie(reply: FastifyReply, cookieValue: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, cookieValue, {
    path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
