/**
 * @module The audit log's filters as a query string (the same for a page of events and the CSV
 * export): dates the person picks are local days, sent as the instants that bound them.
 */

export interface AuditFilters {
  from: string;
  to: string;
  actor: string;
  action: string;
  resourceType: string;
  outcome: string;
}

export const emptyAuditFilters: AuditFilters = { from: '', to: '', actor: '', action: '', resourceType: '', outcome: '' };

/** Builds the query for GET /api/audit (and export.csv); empty filters are left out. */
export function auditQuery(filters: AuditFilters, page: { limit?: number; cursor?: string } = {}): string {
  const params = new URLSearchParams();
  if (filters.from) params.set('from', new Date(`${filters.from}T00:00:00`).toISOString());
  if (filters.to) params.set('to', new Date(`${filters.to}T23:59:59.999`).toISOString());
  for (const name of ['actor', 'action', 'resourceType', 'outcome'] as const) {
    const value = filters[name].trim();
    if (value) params.set(name, value);
  }
  if (page.limit) params.set('limit', String(page.limit));
  if (page.cursor) params.set('cursor', page.cursor);
  const query = params.toString();
  return query ? `?${query}` : '';
}
