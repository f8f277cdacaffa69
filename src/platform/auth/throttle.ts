/**
 * @module Fixed-window counters kept in the database (platform_throttle), so every server process
 * behind a load balancer counts the same attempts. One atomic upsert per hit: two processes
 * counting at once cannot both see a fresh window.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/index.ts';

export interface ThrottleRule {
  /** How many hits a window allows. */
  limit: number;
  windowMs: number;
}

export interface ThrottleResult {
  allowed: boolean;
  count: number;
  /** When the current window ends (ISO). */
  resetsAt: string;
}

/** Counts one hit against `key` and says whether it stays within the rule. */
export async function hitThrottle(db: Db | Tx, key: string, rule: ThrottleRule, now = new Date()): Promise<ThrottleResult> {
  const start = now.toISOString();
  const cutoff = new Date(now.getTime() - rule.windowMs).toISOString();
  // A window older than the rule restarts at 1; otherwise the count grows. ISO strings compare
  // in time order as text on both databases.
  const row = await db.insertInto('platform_throttle')
    .values({ key, window_start: start, count: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({
      count: sql<number>`case when platform_throttle.window_start <= ${cutoff} then 1 else platform_throttle.count + 1 end`,
      window_start: sql<string>`case when platform_throttle.window_start <= ${cutoff} then ${start} else platform_throttle.window_start end`,
    }))
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  const resetsAt = new Date(new Date(row.window_start).getTime() + rule.windowMs).toISOString();
  return { allowed: row.count <= rule.limit, count: row.count, resetsAt };
}

/** Forgets a counter (an admin unlocked the account, or the right password arrived). */
export async function clearThrottle(db: Db | Tx, key: string): Promise<void> {
  await db.deleteFrom('platform_throttle').where('key', '=', key).execute();
}
