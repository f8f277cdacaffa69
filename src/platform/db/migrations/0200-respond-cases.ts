import type { Kysely } from 'kysely';

// Cases hold protected health information: every free-text or clinical field is sealed
// (platform/crypto) and stored as text; only what queries need (status, dates, codes) is plain.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('respond_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text')
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('screening_id', 'text')
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('ehr_patient', 'text')
    .addColumn('protocol_id', 'text', (c) => c.notNull())
    .addColumn('protocol_version', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('respond_case_pseudonym', ['organization_id', 'pseudonym'])
    .execute();
  await db.schema.createIndex('respond_case_org_opened').on('respond_case').columns(['organization_id', 'opened_at']).execute();

  await db.schema
    .createTable('respond_case_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('respond_case.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('recommendation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('acted_by', 'text')
    .addColumn('acted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('respond_case_action_case').on('respond_case_action').columns(['case_id', 'position']).execute();

  await db.schema
    .createTable('respond_case_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('respond_case.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('respond_case_task_case').on('respond_case_task').column('case_id').execute();

  await db.schema
    .createTable('respond_case_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('respond_case.id'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('respond_case_note_case').on('respond_case_note').column('case_id').execute();

  await db.schema
    .createTable('respond_case_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('respond_case.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('respond_case_event_case').on('respond_case_event').columns(['case_id', 'at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
