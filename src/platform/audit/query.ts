/**
 * @module Reading an organization's audit log: filters, newest first, cursor paging by sequence
 * number (stable while new events are appended, unlike offsets). Always through an `OrgScope`, so
 * an admin sees only their own organization's events.
 */
import type { OrgScope } from '../db/scope.ts';
import { invalid } from '../http/errors.ts';
import { normalizeEmail } from '../identity/accounts.ts';

export interface AuditFilter {
  /** ISO date or date-time; inclusive. */
  from?: string;
  /** ISO date (the whole day) or date-time; inclusive. */
  to?: string;
  /** A user id, or an email address. */
  actor?: string;
  action?: string;
  resourceType?: string;
  outcome?: string;
}

export interface AuditEventView {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorKind: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  purpose: string | null;
  requestId: string | null;
  outcome: string;
}

export interface AuditPage {
  events: AuditEventView[];
  nextCursor: string | null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parseBound(value: string, field: 'from' | 'to'): string {
  const at = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(at.getTime())) throw invalid(`"${field}" must be a date (2026-11-28) or a date and time (2026-11-28T09:30:00Z).`, field);
  // A date-only "to" covers that whole day; a date-time "to" includes its own millisecond.
  if (field === 'to') at.setTime(at.getTime() + (DATE_ONLY.test(value) ? 86_400_000 : 1));
  return at.toISOString();
}

/** Throws a 400 for a filter that cannot be applied (before a response starts streaming). */
export function checkAuditFilter(filter: AuditFilter): void {
  if (filter.from) parseBound(filter.from, 'from');
  if (filter.to) parseBound(filter.to, 'to');
}

/** An opaque cursor: the sequence number the next page starts below. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalid('This cursor is not one Lantern gave out; start again from the first page.', 'cursor');
  return Number(match[1]);
}

/** One page of events matching the filter, newest first, starting below `beforeSeq`. */
export async function listAuditEvents(scope: OrgScope, filter: AuditFilter, page: { limit: number; beforeSeq?: number }): Promise<AuditPage> {
  let query = scope.selectFrom('platform_audit_event')
    .leftJoin('platform_user', 'platform_user.id', 'platform_audit_event.actor_id')
    .select([
      'platform_audit_event.seq', 'platform_audit_event.at', 'platform_audit_event.actor_id', 'platform_user.email',
      'platform_audit_event.actor_kind', 'platform_audit_event.action', 'platform_audit_event.resource_type',
      'platform_audit_event.resource_id', 'platform_audit_event.purpose', 'platform_audit_event.request_id', 'platform_audit_event.outcome',
    ]);
  if (filter.from) query = query.where('platform_audit_event.at', '>=', parseBound(filter.from, 'from'));
  if (filter.to) query = query.where('platform_audit_event.at', '<', parseBound(filter.to, 'to'));
  if (filter.actor) {
    query = filter.actor.includes('@')
      ? query.where('platform_user.email', '=', normalizeEmail(filter.actor))
      : query.where('platform_audit_event.actor_id', '=', filter.actor);
  }
  if (filter.action) query = query.where('platform_audit_event.action', '=', filter.action);
  if (filter.resourceType) query = query.where('platform_audit_event.resource_type', '=', filter.resourceType);
  if (filter.outcome) query = query.where('platform_audit_event.outcome', '=', filter.outcome);
  if (page.beforeSeq !== undefined) query = query.where('platform_audit_event.seq', '<', page.beforeSeq);
  // One extra row tells whether another page exists without a count query.
  const rows = await query.orderBy('platform_audit_event.seq', 'desc').limit(page.limit + 1).execute();
  const events = rows.slice(0, page.limit).map((row): AuditEventView => ({
    seq: row.seq, at: row.at, actorId: row.actor_id, actorEmail: row.email ?? null, actorKind: row.actor_kind,
    action: row.action, resourceType: row.resource_type, resourceId: row.resource_id, purpose: row.purpose,
    requestId: row.request_id, outcome: row.outcome,
  }));
  const last = events[events.length - 1];
  return { events, nextCursor: rows.length > page.limit && last ? encodeCursor(last.seq) : null };
}

/** Every event matching the filter, newest first, read a page at a time (for exports). */
export async function* eachAuditEvent(scope: OrgScope, filter: AuditFilter, pageSize = 1000): AsyncGenerator<AuditEventView> {
  let beforeSeq: number | undefined;
  for (;;) {
    const page = await listAuditEvents(scope, filter, { limit: pageSize, ...(beforeSeq === undefined ? {} : { beforeSeq }) });
    yield* page.events;
    if (!page.nextCursor) return;
    beforeSeq = page.events[page.events.length - 1]!.seq;
  }
}
