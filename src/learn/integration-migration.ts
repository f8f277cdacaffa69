/**
 * @module The migration for Learn's outside integrations: an organization's learning record store
 * (xAPI) and SMTP server, the opaque learner ids statements carry, and the statement outbox. The
 * platform's migration folder re-exports it as `0402-learn-integrations.ts`. Idempotent (`if not
 * exists`), so a test may apply it before the folder does.
 */
import type { Kysely } from 'kysely';

/** Creates the settings, learner-id and outbox tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('learn_lrs_settings').ifNotExists()
    .addColumn('organization_id', 'text', (c) => c.primaryKey())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('delivered_count', 'integer', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull())
    .addColumn('last_failure', 'text')
    .addColumn('last_failure_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('learn_smtp_settings').ifNotExists()
    .addColumn('organization_id', 'text', (c) => c.primaryKey())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('secure', 'integer', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('password', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('learn_xapi_learner').ifNotExists()
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('learner_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learn_xapi_learner_pk', ['organization_id', 'user_id'])
    .execute();

  await db.schema.createTable('learn_xapi_outbox').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('learner_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('learn_xapi_outbox_due').ifNotExists()
    .on('learn_xapi_outbox').columns(['organization_id', 'sent_at', 'next_attempt_at']).execute();
}

/** Drops the tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['learn_xapi_outbox', 'learn_xapi_learner', 'learn_smtp_settings', 'learn_lrs_settings']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
