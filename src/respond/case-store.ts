/**
 * @module Cases: a pseudonymous record of one patient's response, with a timeline of the
 * recommended actions (each done, skipped with a reason, or not applicable), tasks, and notes.
 * Every function takes an OrgScope, so it can only touch the caller's organization; every change
 * and every read is audited in the same transaction; protected fields are sealed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { OrgScope } from '../platform/db/scope.ts';
import { conflict, invalid, notFound } from '../platform/http/errors.ts';
import type { EncounterContext, RecommendedAction } from './protocol.ts';
import type { ResponseAction } from './response-actions.ts';

export type ActionStatus = 'pending' | 'done' | 'skipped' | 'not-applicable';
export type CaseSource = 'screen' | 'indicators' | 'ehr' | 'clinician';

export interface CaseAction {
  id: string;
  position: number;
  code: ResponseAction;
  stepId: string;
  recommendation: Omit<RecommendedAction, 'code' | 'stepId'>;
  status: ActionStatus;
  statusReason: string | null;
  actedBy: string | null;
  actedAt: string | null;
}

export interface CaseTask {
  id: string;
  title: string;
  assigneeId: string;
  dueDate: string;
  status: 'open' | 'done';
  createdBy: string;
  createdAt: string;
  completedAt: string | null;
}

export interface CaseNote {
  id: string;
  authorId: string;
  body: string;
  sensitive: boolean;
  createdAt: string;
}

export interface CaseEvent {
  id: string;
  at: string;
  actorId: string | null;
  kind: string;
  detail: Record<string, unknown>;
}

export interface CaseSummary {
  id: string;
  pseudonym: string;
  status: 'open' | 'closed';
  source: CaseSource;
  facilityId: string | null;
  openedAt: string;
  closedAt: string | null;
  pendingActions: number;
}

export interface CaseRecord extends CaseSummary {
  screeningId: string | null;
  context: EncounterContext;
  protocol: { id: string; version: string };
  actions: CaseAction[];
  tasks: CaseTask[];
  notes: CaseNote[];
  timeline: CaseEvent[];
}

// Crockford base32 without look-alike letters: a code staff can read aloud over the phone.
const PSEUDONYM_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newPseudonym(): string {
  const bytes = randomBytes(8);
  return `C-${Array.from(bytes, (b) => PSEUDONYM_ALPHABET[b % 32]).join('')}`;
}

const now = (): string => new Date().toISOString();

// Every change to a case is an event; the case's last activity moves with it, so the retention
// purge never removes a case before the rows in it.
async function appendEvent(scope: OrgScope, caseId: string, kind: string, detail: Record<string, unknown>): Promise<void> {
  const id = randomUUID();
  const at = now();
  await scope.insert('respond_case_event', {
    id, case_id: caseId, at, actor_id: scope.actor.id, kind,
    detail: scope.seal(JSON.stringify(detail), { table: 'respond_case_event', column: 'detail', rowId: id }),
  });
  await scope.updateTable('respond_case').set({ last_activity_at: at }).where('id', '=', caseId).execute();
}

export interface OpenCaseInput {
  facilityId: string | null;
  source: CaseSource;
  screeningId?: string | null;
  ehrPatient?: string | null;
  context: EncounterContext;
  protocol: { id: string; version: string };
  actions: RecommendedAction[];
}

/** Opens a case with the protocol's recommended actions as its pending timeline. */
export async function openCase(scope: OrgScope, input: OpenCaseInput): Promise<{ id: string; pseudonym: string }> {
  return scope.transaction(async (tx) => {
    const id = randomUUID();
    const pseudonym = newPseudonym();
    await tx.insert('respond_case', {
      id, facility_id: input.facilityId, pseudonym, status: 'open', source: input.source,
      screening_id: input.screeningId ?? null,
      context: tx.seal(JSON.stringify(input.context), { table: 'respond_case', column: 'context', rowId: id }),
      ehr_patient: input.ehrPatient ? tx.seal(input.ehrPatient, { table: 'respond_case', column: 'ehr_patient', rowId: id }) : null,
      protocol_id: input.protocol.id, protocol_version: input.protocol.version,
      opened_by: tx.actor.id ?? 'system', opened_at: now(), last_activity_at: now(), closed_at: null,
    });
    await tx.insert('respond_case_action', input.actions.map((action, position) => {
      const { code, stepId, ...recommendation } = action;
      return {
        id: randomUUID(), case_id: id, position, code, step_id: stepId, recommendation: JSON.stringify(recommendation),
        status: 'pending' as const, status_reason: null, acted_by: null, acted_at: null, updated_at: now(),
      };
    }));
    await appendEvent(tx, id, 'opened', { source: input.source, actions: input.actions.map((a) => a.code) });
    await tx.count({ facilityId: input.facilityId, metric: 'case.opened', dimension: input.source });
    await tx.audit({ action: 'create', resourceType: 'case', resourceId: id, purpose: 'treatment' });
    return { id, pseudonym };
  });
}

export async function listCases(scope: OrgScope, filter: { status?: 'open' | 'closed'; limit?: number } = {}): Promise<CaseSummary[]> {
  let query = scope.selectFrom('respond_case')
    .select(['id', 'pseudonym', 'status', 'source', 'facility_id', 'opened_at', 'closed_at'])
    .orderBy('opened_at', 'desc')
    .limit(Math.min(filter.limit ?? 100, 500));
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.execute();
  const pending = rows.length === 0 ? [] : await scope.selectFrom('respond_case_action')
    .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'pending').where('case_id', 'in', rows.map((r) => r.id))
    .groupBy('case_id').execute();
  const pendingByCase = new Map(pending.map((p) => [p.case_id, Number(p.n)]));
  await scope.audit({ action: 'read', resourceType: 'case', resourceId: null, purpose: 'treatment' });
  return rows.map((r) => ({
    id: r.id, pseudonym: r.pseudonym, status: r.status, source: r.source as CaseSource, facilityId: r.facility_id,
    openedAt: r.opened_at, closedAt: r.closed_at, pendingActions: pendingByCase.get(r.id) ?? 0,
  }));
}

/** Reads a whole case (audited); throws not-found for another organization's case. */
export async function readCase(scope: OrgScope, caseId: string, purpose = 'treatment'): Promise<CaseRecord> {
  const row = await scope.selectFrom('respond_case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound('The case');
  const [actions, tasks, notes, events] = await Promise.all([
    scope.selectFrom('respond_case_action').selectAll().where('case_id', '=', caseId).orderBy('position').execute(),
    scope.selectFrom('respond_case_task').selectAll().where('case_id', '=', caseId).orderBy('due_date').execute(),
    scope.selectFrom('respond_case_note').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute(),
    scope.selectFrom('respond_case_event').selectAll().where('case_id', '=', caseId).orderBy('at').execute(),
  ]);
  await scope.audit({ action: 'read', resourceType: 'case', resourceId: caseId, purpose });
  return {
    id: row.id, pseudonym: row.pseudonym, status: row.status, source: row.source as CaseSource, facilityId: row.facility_id,
    openedAt: row.opened_at, closedAt: row.closed_at,
    pendingActions: actions.filter((a) => a.status === 'pending').length,
    screeningId: row.screening_id,
    context: JSON.parse(scope.open(row.context, { table: 'respond_case', column: 'context', rowId: row.id })) as EncounterContext,
    protocol: { id: row.protocol_id, version: row.protocol_version },
    actions: actions.map((a) => ({
      id: a.id, position: a.position, code: a.code as ResponseAction, stepId: a.step_id,
      recommendation: JSON.parse(a.recommendation) as CaseAction['recommendation'], status: a.status,
      statusReason: a.status_reason ? scope.open(a.status_reason, { table: 'respond_case_action', column: 'status_reason', rowId: a.id }) : null,
      actedBy: a.acted_by, actedAt: a.acted_at,
    })),
    tasks: tasks.map((t) => ({
      id: t.id, title: scope.open(t.title, { table: 'respond_case_task', column: 'title', rowId: t.id }), assigneeId: t.assignee_id,
      dueDate: t.due_date, status: t.status, createdBy: t.created_by, createdAt: t.created_at, completedAt: t.completed_at,
    })),
    notes: notes.map((n) => ({
      id: n.id, authorId: n.author_id, body: scope.open(n.body, { table: 'respond_case_note', column: 'body', rowId: n.id }),
      sensitive: n.sensitive === 1, createdAt: n.created_at,
    })),
    timeline: events.map((e) => ({
      id: e.id, at: e.at, actorId: e.actor_id, kind: e.kind,
      detail: JSON.parse(scope.open(e.detail, { table: 'respond_case_event', column: 'detail', rowId: e.id })) as Record<string, unknown>,
    })),
  };
}

/** Checks the case exists and is open; returns its facility (for the statistics counters). */
async function requireOpenCase(scope: OrgScope, caseId: string): Promise<{ facilityId: string | null }> {
  const row = await scope.selectFrom('respond_case').select(['status', 'facility_id']).where('id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound('The case');
  if (row.status !== 'open') throw conflict('This case is closed; reopen it to change it.');
  return { facilityId: row.facility_id };
}

/** Marks an action done, skipped (reason required) or not applicable (reason required). */
export async function recordActionStatus(scope: OrgScope, input: { caseId: string; actionId: string; status: Exclude<ActionStatus, 'pending'>; reason?: string }): Promise<void> {
  const reason = input.reason?.trim();
  if (input.status !== 'done' && !reason) throw invalid('Say why this step was skipped or does not apply.', 'reason');
  await scope.transaction(async (tx) => {
    const { facilityId } = await requireOpenCase(tx, input.caseId);
    const action = await tx.selectFrom('respond_case_action').select(['id', 'code']).where('id', '=', input.actionId).where('case_id', '=', input.caseId).executeTakeFirst();
    if (!action) throw notFound('The action');
    await tx.updateTable('respond_case_action').set({
      status: input.status,
      status_reason: reason ? tx.seal(reason, { table: 'respond_case_action', column: 'status_reason', rowId: action.id }) : null,
      acted_by: tx.actor.id, acted_at: now(), updated_at: now(),
    }).where('id', '=', action.id).execute();
    await appendEvent(tx, input.caseId, `action-${input.status}`, { actionId: action.id, code: action.code, ...(reason ? { reason } : {}) });
    await tx.count({ facilityId, metric: `case.action.${input.status}`, dimension: action.code });
    await tx.audit({ action: 'update', resourceType: 'case', resourceId: input.caseId, purpose: 'treatment' });
  });
}

export async function addTask(scope: OrgScope, input: { caseId: string; title: string; assigneeId: string; dueDate: string }): Promise<string> {
  const title = input.title.trim();
  if (!title) throw invalid('Describe the task.', 'title');
  return scope.transaction(async (tx) => {
    await requireOpenCase(tx, input.caseId);
    const assignee = await tx.selectFrom('platform_membership').select('user_id').where('user_id', '=', input.assigneeId).executeTakeFirst();
    if (!assignee) throw invalid('Assign the task to a member of your organization.', 'assigneeId');
    const id = randomUUID();
    await tx.insert('respond_case_task', {
      id, case_id: input.caseId, title: tx.seal(title, { table: 'respond_case_task', column: 'title', rowId: id }),
      assignee_id: input.assigneeId, due_date: input.dueDate, status: 'open', created_by: tx.actor.id ?? 'system', created_at: now(), completed_at: null,
    });
    await appendEvent(tx, input.caseId, 'task-added', { taskId: id, assigneeId: input.assigneeId, dueDate: input.dueDate });
    await tx.audit({ action: 'update', resourceType: 'case', resourceId: input.caseId, purpose: 'treatment' });
    return id;
  });
}

export async function completeTask(scope: OrgScope, input: { caseId: string; taskId: string }): Promise<void> {
  await scope.transaction(async (tx) => {
    await requireOpenCase(tx, input.caseId);
    const result = await tx.updateTable('respond_case_task').set({ status: 'done', completed_at: now() })
      .where('id', '=', input.taskId).where('case_id', '=', input.caseId).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('The task');
    await appendEvent(tx, input.caseId, 'task-done', { taskId: input.taskId });
    await tx.audit({ action: 'update', resourceType: 'case', resourceId: input.caseId, purpose: 'treatment' });
  });
}

export async function addNote(scope: OrgScope, input: { caseId: string; body: string; sensitive: boolean }): Promise<string> {
  const body = input.body.trim();
  if (!body) throw invalid('The note is empty.', 'body');
  return scope.transaction(async (tx) => {
    await requireOpenCase(tx, input.caseId);
    const id = randomUUID();
    await tx.insert('respond_case_note', {
      id, case_id: input.caseId, author_id: tx.actor.id ?? 'system',
      body: tx.seal(body, { table: 'respond_case_note', column: 'body', rowId: id }), sensitive: input.sensitive ? 1 : 0, created_at: now(),
    });
    await appendEvent(tx, input.caseId, 'note-added', { noteId: id, sensitive: input.sensitive });
    await tx.audit({ action: 'update', resourceType: 'case', resourceId: input.caseId, purpose: 'treatment' });
    return id;
  });
}

export async function closeCase(scope: OrgScope, caseId: string): Promise<void> {
  await scope.transaction(async (tx) => {
    const { facilityId } = await requireOpenCase(tx, caseId);
    await tx.updateTable('respond_case').set({ status: 'closed', closed_at: now() }).where('id', '=', caseId).execute();
    await tx.count({ facilityId, metric: 'case.closed' });
    await appendEvent(tx, caseId, 'closed', {});
    await tx.audit({ action: 'update', resourceType: 'case', resourceId: caseId, purpose: 'treatment' });
  });
}

/** Adds an event another capability caused (a referral accepted, a report made) to the timeline. */
export async function recordCaseEvent(scope: OrgScope, input: { caseId: string; kind: string; detail: Record<string, unknown> }): Promise<void> {
  await scope.transaction(async (tx) => {
    const row = await tx.selectFrom('respond_case').select('id').where('id', '=', input.caseId).executeTakeFirst();
    if (!row) throw notFound('The case');
    await appendEvent(tx, input.caseId, input.kind, input.detail);
  });
}

/** Finds the case an action belongs to (for FHIR Task reads by id). */
export async function findCaseOfAction(scope: OrgScope, actionId: string): Promise<string> {
  const row = await scope.selectFrom('respond_case_action').select('case_id').where('id', '=', actionId).executeTakeFirst();
  if (!row) throw notFound('The Task');
  return row.case_id;
}

/** Finds a case by its pseudonym (for FHIR Task searches by group identifier). */
export async function findCaseByPseudonym(scope: OrgScope, pseudonym: string): Promise<string | undefined> {
  const row = await scope.selectFrom('respond_case').select('id').where('pseudonym', '=', pseudonym).executeTakeFirst();
  return row?.id;
}
