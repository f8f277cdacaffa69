/**
 * @module The demo organization `npm start` creates on an empty database: one facility and one
 * user for each role, `<role>@demo.example.org`, all with the same published demo password.
 */
import type { Db } from './db/index.ts';
import { roles, type Role } from './policy.ts';
import { createFacility, createOrganization, createUser } from './identity/accounts.ts';

export const DEMO_PASSWORD = 'lantern-demo-password';
export const DEMO_DOMAIN = 'demo.example.org';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

export const demoEmail = (role: Role): string => `${role}@${DEMO_DOMAIN}`;

/** Seeds the demo organization unless it exists; returns the logins (empty when it existed). */
export async function seedDemo(db: Db): Promise<{ organizationId: string; logins: DemoLogin[] }> {
  const existing = await db.selectFrom('platform_user').innerJoin('platform_membership', 'platform_membership.user_id', 'platform_user.id')
    .select('platform_membership.organization_id').where('platform_user.email', '=', demoEmail('admin')).executeTakeFirst();
  if (existing) return { organizationId: existing.organization_id, logins: [] };
  return db.transaction().execute(async (tx) => {
    const organizationId = await createOrganization(tx, { name: 'Demo Health System' });
    await createFacility(tx, { organizationId, name: 'Demo Community Hospital', jurisdiction: 'US-TX' });
    const logins: DemoLogin[] = [];
    for (const role of roles) {
      const email = demoEmail(role);
      const name = role.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
      await createUser(tx, { email, displayName: `Demo ${name}`, password: DEMO_PASSWORD, organizationId, roles: [role] });
      logins.push({ role, email, password: DEMO_PASSWORD });
    }
    return { organizationId, logins };
  });
}

export async function hasAnyOrganization(db: Db): Promise<boolean> {
  return (await db.selectFrom('platform_organization').select('id').limit(1).executeTakeFirst()) !== undefined;
}
