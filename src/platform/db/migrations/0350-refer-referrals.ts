import type { Kysely } from 'kysely';

// Closed-loop referrals. `refer_referral` belongs to the referring organization (the case's);
// `refer_referral_share` belongs to the receiving partner organization and is the explicit
// cross-organization share: only the consented fields, sealed under the partner's own context.
// `refer_notification` tells the referrer, in the app, what the partner did.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('refer_referral')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('partner_organization_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('consent_until', 'text', (c) => c.notNull())
    .addColumn('shared', 'text', (c) => c.notNull())
    .addColumn('link_id', 'text')
    .addColumn('link_expires_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('refer_referral_pk', ['organization_id', 'id'])
    .execute();
  await db.schema.createIndex('refer_referral_case').on('refer_referral').columns(['organization_id', 'case_id']).execute();

  await db.schema
    .createTable('refer_referral_share')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('referral_id', 'text', (c) => c.notNull())
    .addColumn('source_organization_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('consent_until', 'text', (c) => c.notNull())
    .addColumn('shared', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('refer_referral_share_pk', ['organization_id', 'referral_id'])
    .execute();

  await db.schema
    .createTable('refer_notification')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('referral_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addPrimaryKeyConstraint('refer_notification_pk', ['organization_id', 'id'])
    .execute();
  await db.schema.createIndex('refer_notification_user').on('refer_notification').columns(['organization_id', 'user_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('refer_notification').execute();
  await db.schema.dropTable('refer_referral_share').execute();
  await db.schema.dropTable('refer_referral').execute();
}
