import type { Kysely } from 'kysely';

// An organization's corrections to the shipped jurisdiction data (a county number it confirmed,
// a new statute), kept beside the shipped data rather than replacing it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('respond_jurisdiction_override')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('respond_jurisdiction_override_pk', ['organization_id', 'code'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
