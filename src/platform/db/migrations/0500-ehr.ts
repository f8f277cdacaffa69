import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // EHRs allowed to call Lantern's CDS Hooks service: the JWT issuer, where its keys are, and
  // the FHIR servers Lantern may query on its behalf.
  await db.schema
    .createTable('ehr_cds_client')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull().unique())
    .addColumn('jwks_url', 'text', (c) => c.notNull())
    .addColumn('fhir_servers', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // JWT ids already accepted, until they expire: a replayed request is refused.
  await db.schema
    .createTable('ehr_cds_jti')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('jti', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ehr_cds_jti_pk', ['issuer', 'jti'])
    .execute();

  // Cards Lantern issued (no patient data: which signals, when), so feedback can be matched once.
  await db.schema
    .createTable('ehr_cds_card')
    .addColumn('uuid', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text')
    .addColumn('signals', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
