import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('respond_protocol_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('protocol_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('cases', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('respond_protocol_version_unique', ['organization_id', 'protocol_id', 'version'])
    .execute();
  await db.schema.createIndex('respond_protocol_version_org').on('respond_protocol_version').columns(['organization_id', 'published_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
