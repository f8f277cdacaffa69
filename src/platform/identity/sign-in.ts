/**
 * @module Password sign-in: rate limits per email and per client address (counted in the
 * database, so every server process agrees), account lockout after repeated wrong passwords,
 * one generic answer for unknown emails and wrong passwords, and an audit event either way.
 * Passwords never reach a log or an audit row.
 */
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DataLayer, Tx } from '../db/index.ts';
import { LanternError } from '../http/errors.ts';
import { clearThrottle, hitThrottle, type ThrottleRule } from '../auth/throttle.ts';
import { sha256 } from '../auth/principal.ts';
import { openSession, type OpenedSession } from '../auth/session-store.ts';
import { normalizeEmail } from './accounts.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { auditUserEvent } from './user-audit.ts';
import { defaultContext } from './session-context.ts';

export interface SignInLimits {
  /** Wrong passwords in a row before the account locks. */
  maxFailedPasswords: number;
  lockoutMs: number;
  perEmail: ThrottleRule;
  perAddress: ThrottleRule;
}

// A clinic shares one public address behind NAT, so the per-address limit is generous; the
// per-email limit and the lockout stop guessing at one account.
export const defaultSignInLimits: SignInLimits = {
  maxFailedPasswords: 5,
  lockoutMs: 15 * 60 * 1000,
  perEmail: { limit: 20, windowMs: 15 * 60 * 1000 },
  perAddress: { limit: 100, windowMs: 15 * 60 * 1000 },
};

export const emailThrottleKey = (email: string): string => `signin:email:${sha256(normalizeEmail(email))}`;
export const addressThrottleKey = (address: string): string => `signin:ip:${address}`;

export interface PasswordAttempt {
  email: string;
  password: string;
  address: string;
  requestId: string | null;
}

const badCredentials = (): LanternError => new LanternError('UNAUTHENTICATED', 'The email or password is not right.');

/** The answer for a locked account: when it unlocks, and who can unlock it sooner. */
export function lockedOut(until: string): LanternError {
  const time = until.slice(11, 16);
  return new LanternError('LOCKED', `This account is locked after too many wrong passwords. Try again after ${time} UTC, or ask an administrator to unlock it.`);
}

// Unknown emails still cost one argon2 verification, so response time does not reveal which
// emails have accounts.
let decoyHash: Promise<string> | undefined;
const decoy = (): Promise<string> => (decoyHash ??= hashPassword('lantern-decoy-password-never-used'));

/** Checks an email and password; on success opens a session (second factor possibly still due). */
export async function signInWithPassword(data: DataLayer, log: FastifyBaseLogger, attempt: PasswordAttempt, limits = defaultSignInLimits, now = new Date()): Promise<{ userId: string; session: OpenedSession }> {
  const email = normalizeEmail(attempt.email);
  const byAddress = await hitThrottle(data.db, addressThrottleKey(attempt.address), limits.perAddress, now);
  const byEmail = await hitThrottle(data.db, emailThrottleKey(email), limits.perEmail, now);
  if (!byAddress.allowed || !byEmail.allowed) {
    log.warn({ requestId: attempt.requestId, limit: byAddress.allowed ? 'email' : 'address' }, 'sign-in rate limit reached');
    throw new LanternError('RATE_LIMITED', 'Too many sign-in attempts. Wait a few minutes and try again.');
  }

  const user = await data.db.selectFrom('platform_user')
    .select(['id', 'password_hash', 'disabled', 'locked_until', 'totp_enabled'])
    .where('email', '=', email).executeTakeFirst();
  if (!user || user.password_hash === null) {
    await verifyPassword(await decoy(), attempt.password);
    log.info({ requestId: attempt.requestId }, 'sign-in refused: unknown email or no password set');
    throw badCredentials();
  }
  if (user.locked_until !== null && user.locked_until > now.toISOString()) {
    await data.db.transaction().execute((tx) => auditUserEvent(tx, data.dialect, { userId: user.id, action: 'sign-in', outcome: 'denied', requestId: attempt.requestId }));
    throw lockedOut(user.locked_until);
  }
  const passwordRight = await verifyPassword(user.password_hash, attempt.password);
  if (!passwordRight || user.disabled === 1) {
    const lockedUntil = passwordRight ? null : await countFailure(data, user.id, attempt.requestId, limits, now);
    if (lockedUntil) throw lockedOut(lockedUntil);
    throw badCredentials();
  }

  return data.db.transaction().execute(async (tx) => {
    await tx.updateTable('platform_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    // The account's owner got in: earlier attempts at this email no longer count against them.
    await clearThrottle(tx, emailThrottleKey(email));
    const session = await openSignedInSession(tx, user.id, user.totp_enabled === 1, now);
    await auditUserEvent(tx, data.dialect, { userId: user.id, action: 'sign-in', outcome: 'success', requestId: attempt.requestId });
    return { userId: user.id, session };
  });
}

/** Opens a session after a first factor; the second factor is due for TOTP users and for admins. */
export async function openSignedInSession(tx: Tx, userId: string, totpEnabled: boolean, now = new Date(), organizationId?: string): Promise<OpenedSession> {
  const admin = await tx.selectFrom('platform_membership').select('id')
    .where('user_id', '=', userId).where('role', '=', 'admin').limit(1).executeTakeFirst();
  const context = await defaultContext(tx, userId, organizationId);
  return openSession(tx, { userId, ...context, mfaPending: totpEnabled || admin !== undefined }, now);
}

/**
 * Counts a wrong password atomically (two processes cannot both miss the limit) and locks the
 * account when the limit is reached; returns the lock's end when it locked. `action` names the
 * audited attempt (a sign-in, or a signed-in user confirming who they are).
 */
export async function countFailure(data: DataLayer, userId: string, requestId: string | null, limits: SignInLimits, now: Date, action = 'sign-in'): Promise<string | null> {
  return data.db.transaction().execute(async (tx) => {
    const row = await tx.updateTable('platform_user').set({ failed_logins: sql<number>`failed_logins + 1` })
      .where('id', '=', userId).returning('failed_logins').executeTakeFirstOrThrow();
    let lockedUntil: string | null = null;
    if (row.failed_logins >= limits.maxFailedPasswords) {
      lockedUntil = new Date(now.getTime() + limits.lockoutMs).toISOString();
      await tx.updateTable('platform_user').set({ failed_logins: 0, locked_until: lockedUntil }).where('id', '=', userId).execute();
    }
    await auditUserEvent(tx, data.dialect, { userId, action: lockedUntil ? 'lock-account' : action, outcome: 'failure', requestId });
    return lockedUntil;
  });
}
