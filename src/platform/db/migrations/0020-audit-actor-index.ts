import type { Kysely } from 'kysely';

// Audit review asks "what did this person do": the admin API filters by actor and pages newest
// first by sequence number, which this index answers without scanning the whole chain.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('platform_audit_event_actor').on('platform_audit_event').columns(['organization_id', 'actor_id', 'seq']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
