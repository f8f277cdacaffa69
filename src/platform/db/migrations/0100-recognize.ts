import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Instruments a facility imported (Lantern's own ship in content/instruments).
  await db.schema
    .createTable('recognize_instrument')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('recognize_instrument_url_version', ['organization_id', 'url', 'version'])
    .execute();

  // Completed screens: the response, its evaluation and the derived Observation, all sealed.
  await db.schema
    .createTable('recognize_screening')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text')
    .addColumn('observation_id', 'text', (c) => c.notNull().unique())
    .addColumn('instrument_url', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('evaluation', 'text', (c) => c.notNull())
    .addColumn('observation', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recognize_screening_org_created').on('recognize_screening').columns(['organization_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
