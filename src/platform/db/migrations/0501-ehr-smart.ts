import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // EHRs that may launch Lantern's SMART app: the FHIR server (`iss`) and the public client id the
  // EHR's authorization server issued to Lantern. No secret: the app is a public client with PKCE.
  await db.schema
    .createTable('ehr_smart_client')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull().unique())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    // Where the EHR's token endpoint is, when not on the FHIR server's origin (the browser calls it).
    .addColumn('token_endpoint', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Every CDS Hooks call removes expired JWT ids; without an index that is a scan per request.
  await db.schema.createIndex('ehr_cds_jti_expires_at').on('ehr_cds_jti').column('expires_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
