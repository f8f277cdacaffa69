/**
 * @module The audit log: every read and write of protected data and every admin action appends an
 * event in the same transaction as the change. Events form one hash chain per organization, so a
 * changed, removed or inserted row breaks the chain at a point `verifyAuditChain` names.
 */
import { createHash, randomUUID } from 'node:crypto';
import { lockForTransaction, type Db, type Tx, type Dialect } from '../db/index.ts';
import type { AuditEventTable } from '../db/schema.ts';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEntry {
  organizationId: string;
  actorId: string | null;
  actorKind: 'user' | 'token' | 'system' | 'partner-link' | 'anonymous';
  /** Verb, e.g. `read`, `create`, `update`, `delete`, `export`, `sign-in`. */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  /** Why the data was touched (treatment, operations, audit review…). */
  purpose?: string | null;
  requestId?: string | null;
  outcome?: AuditOutcome;
}

const GENESIS = '0'.repeat(64);

type ChainFields = Omit<AuditEventTable, 'hash'>;

/** The hash covers every field but itself, in a fixed order, so any edit changes it. */
export function hashEvent(event: ChainFields): string {
  const canonical = JSON.stringify([
    event.id, event.organization_id, event.seq, event.at, event.actor_id, event.actor_kind, event.action,
    event.resource_type, event.resource_id, event.purpose, event.request_id, event.outcome, event.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one event to the organization's chain. Call it inside the change's transaction. */
export async function recordAudit(tx: Tx, dialect: Dialect, entry: AuditEntry, now = new Date()): Promise<void> {
  // One chain per organization is appended to by one writer at a time.
  await lockForTransaction(tx, dialect, `audit:${entry.organizationId}`);
  const last = await tx
    .selectFrom('platform_audit_event')
    .select(['seq', 'hash'])
    .where('organization_id', '=', entry.organizationId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields: ChainFields = {
    id: randomUUID(),
    organization_id: entry.organizationId,
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor_id: entry.actorId,
    actor_kind: entry.actorKind,
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId ?? null,
    purpose: entry.purpose ?? null,
    request_id: entry.requestId ?? null,
    outcome: entry.outcome ?? 'success',
    prev_hash: last?.hash ?? GENESIS,
  };
  await tx.insertInto('platform_audit_event').values({ ...fields, hash: hashEvent(fields) }).execute();
}

export interface ChainBreak {
  organizationId: string;
  /** The first sequence number at which the chain no longer holds. */
  seq: number;
  reason: 'tampered' | 'missing' | 'broken-link';
}

/** Walks each organization's chain in order and reports the first event that does not hold. */
export async function verifyAuditChain(db: Db | Tx, organizationId?: string): Promise<{ events: number; breaks: ChainBreak[] }> {
  let orgQuery = db.selectFrom('platform_audit_event').select('organization_id').distinct();
  if (organizationId) orgQuery = orgQuery.where('organization_id', '=', organizationId);
  const orgs = await orgQuery.execute();
  const breaks: ChainBreak[] = [];
  let events = 0;
  for (const { organization_id } of orgs) {
    let expectedSeq = 1;
    let prevHash = GENESIS;
    // Read in pages so a long chain does not have to fit in memory.
    let after = 0;
    let broken: ChainBreak | undefined;
    while (!broken) {
      const page = await db
        .selectFrom('platform_audit_event')
        .selectAll()
        .where('organization_id', '=', organization_id)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(5000)
        .execute();
      if (page.length === 0) break;
      for (const row of page) {
        events += 1;
        if (row.seq !== expectedSeq) broken = { organizationId: organization_id, seq: expectedSeq, reason: 'missing' };
        else if (row.prev_hash !== prevHash) broken = { organizationId: organization_id, seq: row.seq, reason: 'broken-link' };
        else if (hashEvent(row) !== row.hash) broken = { organizationId: organization_id, seq: row.seq, reason: 'tampered' };
        if (broken) break;
        expectedSeq = row.seq + 1;
        prevHash = row.hash;
      }
      after = page[page.length - 1]!.seq;
    }
    if (broken) breaks.push(broken);
  }
  return { events, breaks };
}
