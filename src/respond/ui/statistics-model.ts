/**
 * @module Shapes the suppressed monthly counters into the dashboard's sections: a series per
 * measure, a cell per month. Pure. A cell that combines several counters (facilities, action codes)
 * is only a number when every part is; if any part was suppressed it stays hidden, because adding a
 * "<11" to anything would let a reader work the small count back out.
 */
import type { StatisticsRow } from './respond-types.ts';

/** A number, a single suppressed count ("<11"), or a total that includes a suppressed count. */
export type Cell = number | '<11' | 'hidden';

export interface Series {
  label: string;
  cells: Cell[];
}

export interface Section {
  id: 'screens' | 'safety' | 'cases' | 'actions' | 'other';
  months: string[];
  series: Series[];
}

const SAFETY_RESULTS = new Set(['not-safe-to-screen', 'declined']);

/** Which section and series a counter row belongs to. */
export function classify(row: Pick<StatisticsRow, 'metric' | 'dimension'>): { section: Section['id']; label: string }[] {
  if (row.metric === 'screening.completed') {
    const [instrument = row.dimension, result = ''] = row.dimension.split(':');
    const placed: { section: Section['id']; label: string }[] = [{ section: 'screens', label: `${instrument} · ${result}` }];
    if (SAFETY_RESULTS.has(result)) placed.push({ section: 'safety', label: result });
    return placed;
  }
  if (row.metric === 'case.opened') return [{ section: 'cases', label: 'opened' }];
  if (row.metric === 'case.closed') return [{ section: 'cases', label: 'closed' }];
  const action = /^case\.action\.(.+)$/.exec(row.metric);
  if (action) return [{ section: 'actions', label: action[1]! }];
  return [{ section: 'other', label: row.dimension === 'all' ? row.metric : `${row.metric} · ${row.dimension}` }];
}

/** Adds one counter value into a cell. */
export function combine(cell: Cell | undefined, value: StatisticsRow['value']): Cell {
  if (cell === undefined) return value;
  if (cell === 'hidden' || cell === '<11' || value === '<11') return 'hidden';
  return cell + value;
}

/** Every month from `from` to `to` inclusive (YYYY-MM). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) { month = 1; year += 1; }
    if (months.length > 240) break;
  }
  return months;
}

/** The dashboard's sections for rows in a month range; months without a counter read 0. */
export function buildSections(rows: StatisticsRow[], months: string[]): Section[] {
  const cells = new Map<string, Map<string, Cell>>();
  const order: Section['id'][] = ['screens', 'safety', 'cases', 'actions', 'other'];
  const labels = new Map<Section['id'], Set<string>>(order.map((id) => [id, new Set()]));
  for (const row of rows) {
    for (const { section, label } of classify(row)) {
      labels.get(section)!.add(label);
      const key = `${section}\u0000${label}`;
      const byMonth = cells.get(key) ?? new Map<string, Cell>();
      byMonth.set(row.month, combine(byMonth.get(row.month), row.value));
      cells.set(key, byMonth);
    }
  }
  return order.map((id) => ({
    id, months,
    series: [...labels.get(id)!].sort().map((label) => ({
      label, cells: months.map((month) => cells.get(`${id}\u0000${label}`)?.get(month) ?? 0),
    })),
  }));
}

/** True when a chart of the section would draw at least one bar (a shown count above zero). */
export function hasDrawableCounts(section: Section): boolean {
  return section.series.some((series) => series.cells.some((cell) => typeof cell === 'number' && cell > 0));
}
