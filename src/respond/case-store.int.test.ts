import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { createOrganization, createUser } from '../platform/identity/accounts.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { addNote, addTask, closeCase, completeTask, listCases, openCase, readCase, recordActionStatus } from './case-store.ts';
import { purgeExpiredData } from '../platform/ops/retention.ts';
import './data-protection.ts';
import type { RecommendedAction } from './protocol.ts';

const actions: RecommendedAction[] = [
  { code: 'ensure-privacy', stepId: 'privacy', reason: 'Ask in private.', sources: ['heal-toolkit'] },
  { code: 'offer-hotline', stepId: 'hotline', reason: 'Offer the hotline.', sources: ['nhth'] },
];

describe('case store', () => {
  let lantern: TestLantern;
  let scope: OrgScope;
  let otherScope: OrgScope;
  let clinicianId: string;

  beforeAll(async () => {
    lantern = await startTestLantern();
    const { db } = lantern.platform.data;
    const orgId = await createOrganization(db, { name: 'Case Org' });
    const otherOrgId = await createOrganization(db, { name: 'Other Org' });
    clinicianId = await createUser(db, { email: 'nurse@case.example.org', displayName: 'Nurse', organizationId: orgId, roles: ['clinician'] });
    scope = lantern.platform.scope(orgId, { id: clinicianId, kind: 'user' });
    otherScope = lantern.platform.scope(otherOrgId, { id: null, kind: 'system' });
  });
  afterAll(async () => { await lantern.close(); });

  test('a case opens with the recommended actions pending and an audit event', async () => {
    const opened = await openCase(scope, {
      facilityId: null, source: 'screen', context: { screen: 'positive', ageYears: 16 },
      protocol: { id: 'default', version: '1.0.0' }, actions,
    });
    expect(opened.pseudonym).toMatch(/^C-[0-9A-Z]{8}$/);
    const record = await readCase(scope, opened.id);
    expect(record.actions.map((a) => [a.code, a.status])).toEqual([['ensure-privacy', 'pending'], ['offer-hotline', 'pending']]);
    expect(record.context).toEqual({ screen: 'positive', ageYears: 16 });
    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').select(['action', 'resource_type'])
      .where('resource_id', '=', opened.id).execute();
    expect(audit).toContainEqual({ action: 'create', resource_type: 'case' });
    expect(audit).toContainEqual({ action: 'read', resource_type: 'case' });
  });

  test('a timeline records done, skipped with reason, tasks and notes; skipping needs a reason', async () => {
    const { id } = await openCase(scope, { facilityId: null, source: 'indicators', context: { screen: 'not-screened' }, protocol: { id: 'default', version: '1.0.0' }, actions });
    const before = await readCase(scope, id);
    const [privacy, hotline] = before.actions;
    await recordActionStatus(scope, { caseId: id, actionId: privacy!.id, status: 'done' });
    await expect(recordActionStatus(scope, { caseId: id, actionId: hotline!.id, status: 'skipped' })).rejects.toMatchObject({ code: 'INVALID', field: 'reason' });
    await recordActionStatus(scope, { caseId: id, actionId: hotline!.id, status: 'skipped', reason: 'Patient declined today' });
    const taskId = await addTask(scope, { caseId: id, title: 'Call back in a week', assigneeId: clinicianId, dueDate: '2026-12-05' });
    await completeTask(scope, { caseId: id, taskId });
    await addNote(scope, { caseId: id, body: 'Patient says she is fine.', sensitive: true });
    const after = await readCase(scope, id);
    expect(after.actions.map((a) => a.status)).toEqual(['done', 'skipped']);
    expect(after.actions[1]!.statusReason).toBe('Patient declined today');
    expect(after.tasks[0]).toMatchObject({ title: 'Call back in a week', status: 'done' });
    expect(after.notes[0]).toMatchObject({ body: 'Patient says she is fine.', sensitive: true });
    expect(after.timeline.map((e) => e.kind)).toEqual(['opened', 'action-done', 'action-skipped', 'task-added', 'task-done', 'note-added']);
    expect(after.pendingActions).toBe(0);
    await closeCase(scope, id);
    await expect(addNote(scope, { caseId: id, body: 'late', sensitive: false })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  test('protected fields are not stored in plaintext', async () => {
    const { id } = await openCase(scope, { facilityId: null, source: 'screen', context: { screen: 'positive', jurisdiction: 'US-PLAINTEXT-CHECK' }, protocol: { id: 'default', version: '1' }, actions });
    await addNote(scope, { caseId: id, body: 'secret-note-marker', sensitive: false });
    const rows = await sql<{ body: string }>`select body from respond_case_note where case_id = ${id}`.execute(lantern.platform.data.db);
    expect(rows.rows[0]!.body).not.toContain('secret-note-marker');
    const cases = await sql<{ context: string }>`select context from respond_case where id = ${id}`.execute(lantern.platform.data.db);
    expect(cases.rows[0]!.context).not.toContain('PLAINTEXT-CHECK');
  });

  test('another organization cannot see or change the case', async () => {
    const { id } = await openCase(scope, { facilityId: null, source: 'screen', context: { screen: 'positive' }, protocol: { id: 'default', version: '1' }, actions });
    await expect(readCase(otherScope, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addNote(otherScope, { caseId: id, body: 'x', sensitive: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listCases(otherScope)).map((c) => c.id)).not.toContain(id);
    expect((await listCases(scope)).map((c) => c.id)).toContain(id);
  });

  test('the retention purge removes a case past the period with everything in it, keeps a recent one and the counters', async () => {
    const old = await openCase(scope, { facilityId: null, source: 'screen', context: { screen: 'positive' }, protocol: { id: 'default', version: '1' }, actions });
    await addNote(scope, { caseId: old.id, body: 'old note', sensitive: false });
    await addTask(scope, { caseId: old.id, title: 'old task', assigneeId: clinicianId, dueDate: '2019-01-01' });
    const recent = await openCase(scope, { facilityId: null, source: 'screen', context: { screen: 'positive' }, protocol: { id: 'default', version: '1' }, actions });
    const { db, dialect } = lantern.platform.data;
    const longAgo = '2015-01-01T00:00:00.000Z';
    for (const [table, column, key] of [['respond_case', 'last_activity_at', 'id'], ['respond_case', 'opened_at', 'id'], ['respond_case_action', 'updated_at', 'case_id'],
      ['respond_case_note', 'created_at', 'case_id'], ['respond_case_task', 'created_at', 'case_id'], ['respond_case_event', 'at', 'case_id']] as const) {
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${longAgo} where ${sql.ref(key)} = ${old.id}`.execute(db);
    }
    const countersBefore = await db.selectFrom('platform_counter').select(['metric', 'value']).where('organization_id', '=', scope.organizationId).execute();
    await purgeExpiredData(db, dialect);
    await expect(readCase(scope, old.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const table of ['respond_case_action', 'respond_case_note', 'respond_case_task', 'respond_case_event'] as const) {
      expect((await db.selectFrom(table).select('id').where('case_id', '=', old.id).execute()).length).toBe(0);
    }
    expect((await readCase(scope, recent.id)).id).toBe(recent.id);
    const countersAfter = await db.selectFrom('platform_counter').select(['metric', 'value']).where('organization_id', '=', scope.organizationId).execute();
    expect(countersAfter).toEqual(countersBefore);
  });
});
