import type { Kysely } from 'kysely';

// Single sign-on: one OpenID provider per organization, and the short-lived state of sign-ins
// in flight (shared through the database so any server process can finish a flow another began).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('platform_sso_provider')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('platform_organization.id'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('platform_sso_login')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
