/**
 * @module Audit events about a person rather than one organization's data (sign-in, second
 * factor, sign-out): the event goes to the chain of every organization the person belongs to,
 * so each organization's admins see what happened to their members.
 */
import { recordAudit, type AuditOutcome } from '../audit/index.ts';
import type { Dialect, Tx } from '../db/index.ts';

export interface UserEvent {
  userId: string;
  action: string;
  outcome: AuditOutcome;
  requestId: string | null;
  /** Only this organization (e.g. single sign-on through one organization). */
  organizationId?: string;
}

/** Appends the event to each of the user's organizations' chains, in the caller's transaction. */
export async function auditUserEvent(tx: Tx, dialect: Dialect, event: UserEvent): Promise<void> {
  const organizations = event.organizationId ? [event.organizationId] : (await tx.selectFrom('platform_membership')
    .select('organization_id').distinct().where('user_id', '=', event.userId).execute()).map((m) => m.organization_id);
  for (const organizationId of organizations.sort()) {
    await recordAudit(tx, dialect, {
      organizationId, actorId: event.userId, actorKind: 'user', action: event.action, resourceType: 'session',
      resourceId: event.userId, requestId: event.requestId, outcome: event.outcome,
    });
  }
}
