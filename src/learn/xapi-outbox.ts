/**
 * @module xAPI statements to the organization's learning record store, through a durable outbox.
 * A learning event is queued in the learner's own transaction (only when the organization sends
 * statements) and the learner's request never waits for the LRS: a scheduled job sends what is due
 * in batches, and a batch the LRS refuses or cannot take is tried again with growing waits. Failures
 * are counted on the settings row with a short code; nothing the LRS says is logged or kept.
 */
import { randomUUID } from 'node:crypto';
import type xapiModule from '@xapi/xapi';
import type { Platform } from '../platform/services.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import type { Job } from '../platform/jobs/scheduler.ts';
import { enabledLrsConnections, lrsEnabled, type LrsConnection } from './integration-settings.ts';
import { buildStatement, type LearningEvent } from './xapi-statements.ts';

type Xapi = typeof xapiModule.default;
type AdapterFunction = Extract<NonNullable<ConstructorParameters<Xapi>[0]['adapter']>, (...args: never[]) => unknown>;

let xapiClass: Promise<Xapi> | undefined;
// Loaded on the first delivery: a server with no LRS configured does not hold the client. A
// CommonJS package whose class is also its own `default`: this reads it the same way under Node's
// ESM loader and under the test runner.
const loadXapi = (): Promise<Xapi> => (xapiClass ??= import('@xapi/xapi').then((module) => module.default.default));

/** Statements per request to the LRS. */
const BATCH = 100;
/** A batch refused this many times is set aside (it would otherwise block those behind it). */
export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 5 * 60_000;
const LONGEST_RETRY_MS = 6 * 3600_000;
const REQUEST_TIMEOUT_MS = 15_000;
/** Sent statements are kept this long, then dropped: the LRS is the record. */
const KEEP_SENT_MS = 7 * 86_400_000;

/** Wait before the next try after `attempts` failed tries: 5 min doubling, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/** The learner's opaque id in this organization's statements, made on first use. */
async function learnerIdOf(tx: OrgScope, userId: string): Promise<string> {
  const row = await tx.selectFrom('learn_xapi_learner').select('learner_id').where('user_id', '=', userId).executeTakeFirst();
  if (row) return row.learner_id;
  const learnerId = randomUUID();
  await tx.insert('learn_xapi_learner', { user_id: userId, learner_id: learnerId });
  return learnerId;
}

/** Queues a learning event for the LRS in the caller's transaction; a no-op unless the organization sends statements. */
export async function queueLearningEvent(tx: OrgScope, userId: string, event: LearningEvent, at = new Date()): Promise<void> {
  if (!(await lrsEnabled(tx))) return;
  const occurredAt = at.toISOString();
  await tx.insert('learn_xapi_outbox', {
    id: randomUUID(), learner_id: await learnerIdOf(tx, userId), event: JSON.stringify(event), occurred_at: occurredAt,
    attempts: 0, next_attempt_at: occurredAt, sent_at: null,
  });
}

/** A failed delivery, named by a short code only. */
class LrsFailure extends Error {
  constructor(readonly code: string) { super(code); }
}

/** fetch with a timeout; any non-2xx reply is an LrsFailure named by its status. */
const timedFetch: AdapterFunction = async ({ url, method, headers, data }) => {
  let response: Response;
  try {
    response = await fetch(url, {
      method, headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ...(data === undefined ? {} : { body: typeof data === 'string' ? data : JSON.stringify(data) }),
    });
  } catch (error) {
    throw new LrsFailure(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network');
  }
  const text = await response.text();
  if (!response.ok) throw new LrsFailure(`http-${response.status}`);
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* a non-JSON reply is kept as text */ }
  return { data: body as never, headers: Object.fromEntries(response.headers.entries()), status: response.status };
};

export interface DeliveryResult { organizations: number; sent: number; failedBatches: number }

/** Sends every organization's due statements; returns counts only. */
export async function deliverXapiStatements(platform: Platform, now = new Date()): Promise<DeliveryResult> {
  const connections = await enabledLrsConnections(platform.data.db, platform.cipher);
  const total: DeliveryResult = { organizations: connections.length, sent: 0, failedBatches: 0 };
  for (const connection of connections) {
    const scope = platform.scope(connection.organizationId, { id: null, kind: 'system' });
    const result = await deliverForOrganization(scope, connection, platform.config.publicUrl, now);
    total.sent += result.sent;
    total.failedBatches += result.failed ? 1 : 0;
  }
  return total;
}

async function deliverForOrganization(scope: OrgScope, connection: LrsConnection, homePage: string, now: Date): Promise<{ sent: number; failed: boolean }> {
  const nowIso = now.toISOString();
  await scope.deleteFrom('learn_xapi_outbox').where('sent_at', '<', new Date(now.getTime() - KEEP_SENT_MS).toISOString()).execute();
  const rows = await scope.selectFrom('learn_xapi_outbox').selectAll()
    .where('sent_at', 'is', null).where('next_attempt_at', '<=', nowIso).where('attempts', '<', MAX_ATTEMPTS)
    .orderBy('occurred_at').orderBy('id').limit(BATCH).execute();
  if (rows.length === 0) return { sent: 0, failed: false };
  const statements = rows.map((row) => buildStatement(JSON.parse(row.event) as LearningEvent, { id: row.id, timestamp: row.occurred_at, homePage, learnerId: row.learner_id }));
  const ids = rows.map((row) => row.id);
  const XAPI = await loadXapi();
  const lrs = new XAPI({ endpoint: connection.endpoint, auth: XAPI.toBasicAuth(connection.username, connection.password), version: '1.0.3', adapter: timedFetch });
  try {
    await lrs.sendStatements({ statements });
  } catch (error) {
    const code = error instanceof LrsFailure ? error.code : 'error';
    const attempts = rows[0]!.attempts + 1;
    await scope.transaction(async (tx) => {
      await tx.updateTable('learn_xapi_outbox').set({ attempts, next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() }).where('id', 'in', ids).execute();
      await tx.updateTable('learn_lrs_settings').set((eb) => ({ failed_count: eb('failed_count', '+', 1), last_failure: code, last_failure_at: nowIso })).execute();
    });
    return { sent: 0, failed: true };
  }
  await scope.transaction(async (tx) => {
    await tx.updateTable('learn_xapi_outbox').set({ sent_at: nowIso }).where('id', 'in', ids).execute();
    await tx.updateTable('learn_lrs_settings').set((eb) => ({ delivered_count: eb('delivered_count', '+', rows.length) })).execute();
  });
  return { sent: rows.length, failed: false };
}

/** The five-minute slot a delivery run covers (`2026-11-28T10:05`). */
export function fiveMinuteSlot(now: Date): string {
  const slot = new Date(Math.floor(now.getTime() / FIRST_RETRY_MS) * FIRST_RETRY_MS);
  return slot.toISOString().slice(0, 16);
}

/** The scheduled delivery job: once per five minutes across every process. */
export function xapiDeliveryJob(): Job {
  return { name: 'learn-xapi-delivery', periodOf: fiveMinuteSlot, run: (platform, { now }) => deliverXapiStatements(platform, now) };
}
