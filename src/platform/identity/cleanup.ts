/**
 * @module Housekeeping for identity state that expires: sessions past their absolute or idle end,
 * single sign-ons never finished, and throttle counters whose window is long gone. Meant for a
 * scheduled job (hourly is plenty); nothing depends on it for security, since every reader
 * checks expiry itself.
 */
import type { Db } from '../db/index.ts';
import { purgeExpiredSessions } from '../auth/session-store.ts';

/** Throttle windows are minutes long; a day-old counter can only be stale. */
const THROTTLE_KEEP_MS = 24 * 60 * 60 * 1000;

/** Deletes expired identity rows; returns how many of each. */
export async function purgeExpiredIdentityState(db: Db, now = new Date()): Promise<{ sessions: number; ssoLogins: number; throttles: number }> {
  const sessions = await purgeExpiredSessions(db, now);
  const sso = await db.deleteFrom('platform_sso_login').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  const throttle = await db.deleteFrom('platform_throttle')
    .where('window_start', '<=', new Date(now.getTime() - THROTTLE_KEEP_MS).toISOString()).executeTakeFirst();
  return { sessions, ssoLogins: Number(sso.numDeletedRows), throttles: Number(throttle.numDeletedRows) };
}
