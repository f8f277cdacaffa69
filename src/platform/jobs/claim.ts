/**
 * @module Exactly-once job runs across processes. A run is a row keyed by (job, period) in
 * platform_job_run; claiming it is an INSERT that does nothing on a primary-key conflict, which
 * both SQLite and PostgreSQL settle atomically, so of any number of processes one gets the row.
 * A claim left unfinished by a process that died is taken over once it is older than `staleAfterMs`.
 */
import type { Db } from '../db/index.ts';

export interface JobClaim {
  job: string;
  period: string;
  claimant: string;
}

/** Claims the run of `job` for `period`; true when this caller must run it. */
export async function claimJobRun(db: Db, claim: JobClaim & { now?: Date; staleAfterMs?: number }): Promise<boolean> {
  const now = claim.now ?? new Date();
  const inserted = await db.insertInto('platform_job_run')
    .values({ job: claim.job, period: claim.period, claimed_by: claim.claimant, started_at: now.toISOString(), finished_at: null, result: null })
    .onConflict((oc) => oc.columns(['job', 'period']).doNothing())
    .returning('job')
    .executeTakeFirst();
  if (inserted) return true;
  if (claim.staleAfterMs === undefined) return false;
  // Take over only an unfinished claim that has gone stale; the conditional UPDATE is atomic too.
  const staleBefore = new Date(now.getTime() - claim.staleAfterMs).toISOString();
  const taken = await db.updateTable('platform_job_run')
    .set({ claimed_by: claim.claimant, started_at: now.toISOString() })
    .where('job', '=', claim.job).where('period', '=', claim.period)
    .where('finished_at', 'is', null).where('started_at', '<', staleBefore)
    .returning('job')
    .executeTakeFirst();
  return taken !== undefined;
}

/** Records that the claimed run finished, with a short JSON result. */
export async function finishJobRun(db: Db, claim: JobClaim, result: unknown, now = new Date()): Promise<void> {
  await db.updateTable('platform_job_run')
    .set({ finished_at: now.toISOString(), result: JSON.stringify(result ?? null) })
    .where('job', '=', claim.job).where('period', '=', claim.period).where('claimed_by', '=', claim.claimant)
    .execute();
}
