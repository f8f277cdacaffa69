/**
 * @module A signed-in person proves they are still the one at the device (their password, and their
 * authenticator code when they use one) without a new session: used before showing what a patient
 * must not see on a device the patient has held. Counted against the same limits as sign-in, so a
 * shared device cannot be used to guess the account's password, and audited either way.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Cipher } from '../crypto/cipher.ts';
import type { DataLayer } from '../db/index.ts';
import { LanternError } from '../http/errors.ts';
import { clearThrottle, hitThrottle } from '../auth/throttle.ts';
import { addressThrottleKey, countFailure, defaultSignInLimits, emailThrottleKey, lockedOut, type SignInLimits } from './sign-in.ts';
import { claimStep, countAttempt, totpSecretContext, type SessionRef } from './second-factor.ts';
import { matchTotpStep } from './totp.ts';
import { verifyPassword } from './passwords.ts';
import { auditUserEvent } from './user-audit.ts';

/** What the person at the device typed, and where the request came from. */
export interface IdentityConfirmation {
  session: SessionRef;
  password: string;
  /** Required when the account uses an authenticator app. */
  code?: string;
  address: string;
}

export const CONFIRM_IDENTITY_ACTION = 'confirm-identity';

// One answer for a wrong password, a wrong code and a missing code: whoever holds the device
// learns nothing about which part was wrong.
const notConfirmed = (): LanternError => new LanternError('UNAUTHENTICATED', 'The password or code is not right.');

/** Checks the session user's password (and TOTP code when enrolled); resolves when they match. */
export async function confirmIdentity(data: DataLayer, cipher: Cipher, log: FastifyBaseLogger, attempt: IdentityConfirmation, limits: SignInLimits = defaultSignInLimits, now = new Date()): Promise<void> {
  const { session } = attempt;
  const user = await data.db.selectFrom('platform_user')
    .select(['email', 'password_hash', 'disabled', 'locked_until', 'totp_enabled', 'totp_secret'])
    .where('id', '=', session.userId).executeTakeFirstOrThrow();
  const byAddress = await hitThrottle(data.db, addressThrottleKey(attempt.address), limits.perAddress, now);
  const byEmail = await hitThrottle(data.db, emailThrottleKey(user.email), limits.perEmail, now);
  if (!byAddress.allowed || !byEmail.allowed) {
    log.warn({ requestId: session.requestId, limit: byAddress.allowed ? 'email' : 'address' }, 'identity confirmation rate limit reached');
    throw new LanternError('RATE_LIMITED', 'Too many attempts. Wait a few minutes and try again.');
  }
  const audit = (outcome: 'success' | 'failure' | 'denied'): Promise<void> => data.db.transaction().execute((tx) =>
    auditUserEvent(tx, data.dialect, { userId: session.userId, action: CONFIRM_IDENTITY_ACTION, outcome, requestId: session.requestId }));

  if (user.locked_until !== null && user.locked_until > now.toISOString()) {
    await audit('denied');
    throw lockedOut(user.locked_until);
  }
  // Single sign-on accounts have no password here: they cannot confirm this way.
  const passwordRight = user.password_hash !== null && await verifyPassword(user.password_hash, attempt.password);
  if (!passwordRight || user.disabled === 1) {
    // A wrong password counts toward the lockout (and is audited there); anything else is audited here.
    if (user.password_hash !== null && !passwordRight) {
      const lockedUntil = await countFailure(data, session.userId, session.requestId, limits, now, CONFIRM_IDENTITY_ACTION);
      if (lockedUntil) throw lockedOut(lockedUntil);
    } else {
      await audit('failure');
    }
    throw notConfirmed();
  }

  if (user.totp_enabled === 1) {
    await countAttempt(data, session.userId, now);
    const step = attempt.code && user.totp_secret !== null
      ? matchTotpStep(cipher.open(user.totp_secret, totpSecretContext(session.userId)), attempt.code, now.getTime())
      : null;
    // A code already used (to sign in, or seen over a shoulder) does not work a second time.
    const claimed = step !== null && await data.db.transaction().execute((tx) => claimStep(tx, session.userId, step));
    if (!claimed) {
      await audit('failure');
      throw notConfirmed();
    }
  }

  await data.db.transaction().execute(async (tx) => {
    await tx.updateTable('platform_user').set({ failed_logins: 0 }).where('id', '=', session.userId).execute();
    await clearThrottle(tx, emailThrottleKey(user.email));
    await auditUserEvent(tx, data.dialect, { userId: session.userId, action: CONFIRM_IDENTITY_ACTION, outcome: 'success', requestId: session.requestId });
  });
}
