/**
 * @module The demo organization `npm start` creates on an empty database: one facility and one
 * user for each role, `<role>@demo.example.org`, all with the same published demo password. The
 * partner login belongs to a second organization, Demo Partner Services, which the demo
 * organization refers to, so a referral can be followed from the case to the partner and back.
 */
import type { Db, Dialect, Tx } from './db/index.ts';
import { roles, type Role } from './policy.ts';
import { createFacility, createOrganization, createUser } from './identity/accounts.ts';

export const DEMO_PASSWORD = 'lantern-demo-password';
export const DEMO_DOMAIN = 'demo.example.org';
export const DEMO_PARTNER_ORGANIZATION = 'Demo Partner Services';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

export const demoEmail = (role: Role): string => `${role}@${DEMO_DOMAIN}`;

/** The demo organization, as a capability's demo data needs it. */
export interface DemoOrganization {
  organizationId: string;
  dialect: Dialect;
  /** ISO 3166-2 code of the demo facility (`US-TX`). */
  jurisdiction: string;
  /** The second demo organization, where the partner login belongs. */
  partner: { organizationId: string; name: string };
}

/** Adds a capability's demo data to its own tables, inside the seed's transaction. */
export type DemoSeeder = (tx: Tx, demo: DemoOrganization) => Promise<void>;

const demoSeeders: DemoSeeder[] = [];

/** Registers a capability's demo data (called when the capability's module loads, so the platform imports no capability). */
export function registerDemoSeeder(seeder: DemoSeeder): void {
  demoSeeders.push(seeder);
}

/** Seeds the demo organization unless it exists; returns the logins (empty when it existed). */
export async function seedDemo(db: Db): Promise<{ organizationId: string; logins: DemoLogin[] }> {
  const existing = await db.selectFrom('platform_user').innerJoin('platform_membership', 'platform_membership.user_id', 'platform_user.id')
    .select('platform_membership.organization_id').where('platform_user.email', '=', demoEmail('admin')).executeTakeFirst();
  if (existing) return { organizationId: existing.organization_id, logins: [] };
  return db.transaction().execute(async (tx) => {
    const organizationId = await createOrganization(tx, { name: 'Demo Health System' });
    const jurisdiction = 'US-TX';
    await createFacility(tx, { organizationId, name: 'Demo Community Hospital', jurisdiction });
    const partnerOrganizationId = await createOrganization(tx, { name: DEMO_PARTNER_ORGANIZATION });
    const logins: DemoLogin[] = [];
    for (const role of roles) {
      const email = demoEmail(role);
      const name = role.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
      const memberOf = role === 'partner' ? partnerOrganizationId : organizationId;
      await createUser(tx, { email, displayName: `Demo ${name}`, password: DEMO_PASSWORD, organizationId: memberOf, roles: [role] });
      logins.push({ role, email, password: DEMO_PASSWORD });
    }
    // The dialect from the adapter, as the migrations tell it (seedDemo receives the database alone).
    const dialect: Dialect = tx.getExecutor().adapter.constructor.name.startsWith('Postgres') ? 'postgres' : 'sqlite';
    const partner = { organizationId: partnerOrganizationId, name: DEMO_PARTNER_ORGANIZATION };
    for (const seed of demoSeeders) await seed(tx, { organizationId, dialect, jurisdiction, partner });
    return { organizationId, logins };
  });
}

export async function hasAnyOrganization(db: Db): Promise<boolean> {
  return (await db.selectFrom('platform_organization').select('id').limit(1).executeTakeFirst()) !== undefined;
}
