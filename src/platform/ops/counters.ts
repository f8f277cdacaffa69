/**
 * @module De-identified monthly counters: how many screens, cases or referrals a facility had in a
 * month, by a coarse dimension. They hold no identifiers, so they survive the retention purge and
 * keep year-over-year statistics possible after the rows they count are gone.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/index.ts';

export interface CounterKey {
  organizationId: string;
  facilityId: string;
  /** `YYYY-MM`. */
  month: string;
  /** What is counted, e.g. `screening.completed`. */
  metric: string;
  /** A coarse, non-identifying breakdown (e.g. `positive`), or `all`. */
  dimension: string;
}

/** The `YYYY-MM` month of a moment, in UTC. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** Adds `by` (default 1) to a counter, creating it; call it in the transaction of the counted change. */
export async function incrementCounter(tx: Db | Tx, key: CounterKey, by = 1): Promise<void> {
  if (!/^\d{4}-\d{2}$/.test(key.month)) throw new Error(`counter month must be YYYY-MM (got "${key.month}")`);
  await tx.insertInto('platform_counter')
    .values({ organization_id: key.organizationId, facility_id: key.facilityId, month: key.month, metric: key.metric, dimension: key.dimension, value: by })
    .onConflict((oc) => oc.columns(['organization_id', 'facility_id', 'month', 'metric', 'dimension'])
      .doUpdateSet({ value: sql<number>`platform_counter.value + ${by}` }))
    .execute();
}
