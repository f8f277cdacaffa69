import type { Kysely } from 'kysely';

// The organizations a referring organization has chosen to refer to: a referral can name only
// these, and only these are listed to its staff (no organization learns of others by itself).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('refer_partner')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('partner_organization_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('refer_partner_pk', ['organization_id', 'partner_organization_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('refer_partner').execute();
}
