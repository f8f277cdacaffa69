/**
 * @module Program statistics: the de-identified monthly counters every capability writes, grouped
 * by month, facility, metric and dimension, with small counts suppressed so that no patient can be
 * singled out (a count from 1 to 10 is shown as "<11", the threshold CMS uses for its data).
 */
import type { OrgScope } from '../platform/db/scope.ts';

export const SMALL_COUNT_THRESHOLD = 11;

export interface StatisticsRow {
  month: string;
  facilityId: string;
  metric: string;
  dimension: string;
  /** The count, or "<11" when it is small enough to point at a person. */
  value: number | '<11';
}

/** Replaces counts from 1 to 10 with "<11". Zero is not identifying and stays. */
export function suppressSmallCount(value: number): number | '<11' {
  return value > 0 && value < SMALL_COUNT_THRESHOLD ? '<11' : value;
}

export interface StatisticsFilter {
  from?: string;
  to?: string;
  facilityId?: string;
  metricPrefix?: string;
}

/** Reads the organization's counters in a month range (inclusive), suppressed. */
export async function readStatistics(scope: OrgScope, filter: StatisticsFilter): Promise<StatisticsRow[]> {
  let query = scope.selectFrom('platform_counter').select(['month', 'facility_id', 'metric', 'dimension', 'value'])
    .orderBy('month').orderBy('facility_id').orderBy('metric').orderBy('dimension');
  if (filter.from) query = query.where('month', '>=', filter.from);
  if (filter.to) query = query.where('month', '<=', filter.to);
  if (filter.facilityId) query = query.where('facility_id', '=', filter.facilityId);
  if (filter.metricPrefix) query = query.where('metric', 'like', `${filter.metricPrefix.replace(/[%_]/g, '')}%`);
  const rows = await query.execute();
  await scope.audit({ action: 'read', resourceType: 'statistics', purpose: 'operations' });
  return rows.map((r) => ({ month: r.month, facilityId: r.facility_id, metric: r.metric, dimension: r.dimension, value: suppressSmallCount(r.value) }));
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function statisticsCsv(rows: StatisticsRow[], facilityNames: ReadonlyMap<string, string>): string {
  const cell = (value: string): string => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [['month', 'facility', 'metric', 'dimension', 'count'].join(',')];
  for (const r of rows) {
    lines.push([r.month, facilityNames.get(r.facilityId) ?? r.facilityId, r.metric, r.dimension, String(r.value)].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
