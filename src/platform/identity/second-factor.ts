/**
 * @module The TOTP second factor for a signed-in session: start and confirm enrolment, and check
 * a code after the password. The secret is stored sealed (platform/crypto); each accepted time
 * step is remembered so a code — seen over a shoulder or replayed — never works twice.
 */
import type { Cipher } from '../crypto/cipher.ts';
import type { DataLayer, Tx } from '../db/index.ts';
import { LanternError, conflict, invalid } from '../http/errors.ts';
import { hitThrottle, type ThrottleRule } from '../auth/throttle.ts';
import { renewSession, type OpenedSession } from '../auth/session-store.ts';
import { matchTotpStep, newTotpSecret, totpUri } from './totp.ts';
import { auditUserEvent } from './user-audit.ts';

/** Ten tries per quarter hour: far too few to guess a six-digit code. */
export const totpAttemptRule: ThrottleRule = { limit: 10, windowMs: 15 * 60 * 1000 };

/** Where a TOTP secret is sealed: users belong to no single organization, so the context names the row alone. */
export const totpSecretContext = (userId: string): string => `platform/platform_user/totp_secret/${userId}`;

export interface SessionRef {
  idHash: string;
  userId: string;
  /** True while the session waits for its second factor. */
  mfaPending: boolean;
  requestId: string | null;
}

const wrongCode = (): LanternError => invalid('That code is not right or was already used. Enter the current code from your authenticator app.', 'code');

/** Creates a new secret for the user to add to an authenticator app (not active until confirmed). */
export async function startTotpEnrolment(data: DataLayer, cipher: Cipher, session: SessionRef): Promise<{ secret: string; otpauthUri: string }> {
  const user = await data.db.selectFrom('platform_user').select(['email', 'totp_enabled']).where('id', '=', session.userId).executeTakeFirstOrThrow();
  if (user.totp_enabled === 1) {
    // Re-enrolling while the second factor is due would let a password alone replace it.
    if (session.mfaPending) throw new LanternError('MFA_REQUIRED', 'Enter the code from your authenticator app to finish signing in.');
    throw conflict('Two-step sign-in is already set up for this account.');
  }
  const secret = newTotpSecret();
  await data.db.updateTable('platform_user').set({ totp_secret: cipher.seal(secret, totpSecretContext(session.userId)), totp_last_step: null })
    .where('id', '=', session.userId).execute();
  return { secret, otpauthUri: totpUri(secret, user.email) };
}

/** Activates the enrolled secret once the user proves their app produces its codes. */
export async function confirmTotpEnrolment(data: DataLayer, cipher: Cipher, session: SessionRef, code: string, now = new Date()): Promise<OpenedSession> {
  await countAttempt(data, session.userId, now);
  const user = await data.db.selectFrom('platform_user').select(['totp_secret', 'totp_enabled']).where('id', '=', session.userId).executeTakeFirstOrThrow();
  if (user.totp_enabled === 1) throw conflict('Two-step sign-in is already set up for this account.');
  if (user.totp_secret === null) throw invalid('Start the set-up first: no authenticator secret is waiting for confirmation.', 'code');
  const step = matchTotpStep(cipher.open(user.totp_secret, totpSecretContext(session.userId)), code, now.getTime());
  if (step === null) throw wrongCode();
  return data.db.transaction().execute(async (tx) => {
    await tx.updateTable('platform_user').set({ totp_enabled: 1, totp_last_step: step }).where('id', '=', session.userId).execute();
    await auditUserEvent(tx, data.dialect, { userId: session.userId, action: 'enrol-second-factor', outcome: 'success', requestId: session.requestId });
    return renewSession(tx, session.idHash, { mfaPending: false }, now);
  });
}

/** Checks the code after the password; the session is replaced by a fully signed-in one. */
export async function verifySecondFactor(data: DataLayer, cipher: Cipher, session: SessionRef, code: string, now = new Date()): Promise<OpenedSession> {
  await countAttempt(data, session.userId, now);
  const user = await data.db.selectFrom('platform_user').select(['totp_secret', 'totp_enabled']).where('id', '=', session.userId).executeTakeFirstOrThrow();
  if (user.totp_enabled !== 1 || user.totp_secret === null) throw conflict('Two-step sign-in is not set up for this account yet: set it up first.');
  const step = matchTotpStep(cipher.open(user.totp_secret, totpSecretContext(session.userId)), code, now.getTime());
  const opened = step === null ? undefined : await data.db.transaction().execute(async (tx) => {
    if (!(await claimStep(tx, session.userId, step))) return undefined;
    await auditUserEvent(tx, data.dialect, { userId: session.userId, action: 'verify-second-factor', outcome: 'success', requestId: session.requestId });
    return renewSession(tx, session.idHash, { mfaPending: false }, now);
  });
  if (opened) return opened;
  await data.db.transaction().execute((tx) =>
    auditUserEvent(tx, data.dialect, { userId: session.userId, action: 'verify-second-factor', outcome: 'failure', requestId: session.requestId }));
  throw wrongCode();
}

/**
 * Records the step only if it is later than the last one accepted: one conditional UPDATE, so two
 * requests racing with the same code cannot both win.
 */
export async function claimStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const result = await tx.updateTable('platform_user').set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts one code tried for the user; refuses once the quarter hour's tries are used up. */
export async function countAttempt(data: DataLayer, userId: string, now: Date): Promise<void> {
  const hit = await hitThrottle(data.db, `totp:user:${userId}`, totpAttemptRule, now);
  if (!hit.allowed) throw new LanternError('RATE_LIMITED', 'Too many codes tried. Wait a few minutes and try again.');
}
