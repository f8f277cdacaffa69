/**
 * @module Two organizations for cross-capability tests: the first with one user per role (each
 * with API tokens on demand) plus a "target" user and token whose ids routes are called with; the
 * second with its own admin. Also what tests compare before and after: row counts of every table
 * and the rows that belong to an organization.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/index.ts';
import { createApiToken, createFacility, createOrganization, createUser } from '../../src/platform/identity/accounts.ts';
import { roles, type Role } from '../../src/platform/policy.ts';
import { openSession } from '../../src/platform/auth/session-store.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/platform/auth/principal.ts';

export const TEST_PASSWORD = 'correct horse battery staple 42';

export interface Tenant {
  organizationId: string;
  organizationName: string;
  facilityId: string;
  /** Users that make calls, by role, with their emails. */
  users: Record<Role, { id: string; email: string }>;
  /** A user (and its token) that routes act on, never used to call. */
  target: { userId: string; email: string; tokenId: string };
}

/** Creates an organization with a facility, one user per role and a target user with a token. */
export async function createTenant(db: Db, label: string): Promise<Tenant> {
  const organizationName = `${label} Health ${Math.random().toString(36).slice(2, 8)}`;
  const organizationId = await createOrganization(db, { name: organizationName });
  const facilityId = await createFacility(db, { organizationId, name: `${label} General Hospital` });
  const users = {} as Tenant['users'];
  const tag = organizationId.slice(0, 8);
  for (const role of roles) {
    const email = `${role}.${tag}@${label.toLowerCase()}.example.org`;
    const id = await createUser(db, { email, displayName: `${label} ${role}`, password: TEST_PASSWORD, organizationId, roles: [role] });
    users[role] = { id, email };
  }
  const targetEmail = `target.${tag}@${label.toLowerCase()}.example.org`;
  const targetId = await createUser(db, { email: targetEmail, displayName: `${label} target`, password: TEST_PASSWORD, organizationId, roles: ['learner'] });
  const targetToken = await createApiToken(db, { email: targetEmail, name: 'target' });
  return { organizationId, organizationName, facilityId, users, target: { userId: targetId, email: targetEmail, tokenId: targetToken.id } };
}

/** A fresh API token for a user of the tenant (fresh, so a call that revoked the last one does not matter). */
export async function tokenFor(db: Db, tenant: Tenant, role: Role): Promise<string> {
  return (await createApiToken(db, { email: tenant.users[role].email, organizationId: tenant.organizationId, name: `walk ${role}` })).token;
}

/**
 * Headers of a fresh signed-in browser session (cookie and CSRF token) for the tenant's user with
 * this role, in the tenant's organization. An admin is marked as enrolled in TOTP first: sessions
 * of admins without a second factor are held at enrolment.
 */
export async function sessionFor(db: Db, tenant: Tenant, role: Role): Promise<Record<string, string>> {
  const user = tenant.users[role];
  if (role === 'admin') await db.updateTable('platform_user').set({ totp_enabled: 1 }).where('id', '=', user.id).execute();
  const session = await openSession(db, { userId: user.id, organizationId: tenant.organizationId, facilityId: tenant.facilityId, mfaPending: false });
  return { cookie: `${SESSION_COOKIE}=${session.cookieValue}`, [CSRF_HEADER]: session.csrfToken };
}

/** Every table of the schema with its column names. */
export async function listTables(db: Db): Promise<{ name: string; columns: string[] }[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));
}

/** Row counts of every table, by name. */
export async function countRows(db: Db, except: readonly string[] = []): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db)) {
    if (except.includes(table.name)) continue;
    const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
    counts[table.name] = Number(row.rows[0]!.n);
  }
  return counts;
}

/**
 * Every row, in every table, that mentions one of `ids` in any column (the organization's id, its
 * users' ids…), serialized and sorted: two snapshots are equal when nothing of it changed.
 */
export async function snapshotRows(db: Db, ids: ReadonlySet<string>): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of await listTables(db)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    snapshot[table.name] = rows.rows
      .filter((row) => Object.values(row).some((v) => typeof v === 'string' && ids.has(v)))
      .map((row) => JSON.stringify(row, Object.keys(row).sort()))
      .sort();
  }
  return snapshot;
}

/**
 * The ids of the organization's rows, by table: rows of tables bound to it (`organization_id`),
 * and rows those point at through a `<name>_id` column (its users, through memberships; the
 * organization itself). These fill the `:id`s of routes.
 */
export async function organizationRowIds(db: Db, organizationId: string): Promise<Record<string, string[]>> {
  const tables = await listTables(db);
  const ids: Record<string, Set<string>> = {};
  const add = (table: string, id: unknown): void => { if (typeof id === 'string') (ids[table] ??= new Set()).add(id); };
  for (const table of tables) {
    if (!table.columns.includes('organization_id')) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)} where organization_id = ${organizationId}`.execute(db);
    for (const row of rows.rows) {
      if (table.columns.includes('id')) add(table.name, row.id);
      for (const column of table.columns.filter((c) => c.endsWith('_id'))) {
        const name = column.slice(0, -'_id'.length);
        for (const referenced of tables.filter((t) => t.columns.includes('id') && (t.name === name || t.name.endsWith(`_${name}`)))) {
          add(referenced.name, row[column]);
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(ids).map(([table, set]) => [table, [...set]]));
}

/**
 * Ids worth trying for a route parameter: those of the tables its name or the path segment before
 * it names (`/api/api-tokens/:id` → `*_api_token`, `:userId` → `*_user`); every table's otherwise.
 */
export function idsFor(rowIds: Record<string, string[]>, param: string, segment: string | undefined, exclude: ReadonlySet<string>): string[] {
  const singular = (word: string): string => word.toLowerCase().replace(/-/g, '_').replace(/ies$/, 'y').replace(/s$/, '');
  const fromParam = /^(.+?)_?id$/i.exec(param.replace(/([a-z])([A-Z])/g, '$1_$2'))?.[1];
  const names = [fromParam, segment].filter((n): n is string => !!n).map(singular);
  const usable = (list: string[]): string[] => list.filter((id) => !exclude.has(id));
  for (const name of names) {
    const matches = Object.entries(rowIds).filter(([table]) => table === name || table.endsWith(`_${name}`));
    const found = usable(matches.flatMap(([, list]) => list));
    if (found.length > 0) return found.slice(0, 2);
  }
  return Object.values(rowIds).flatMap((list) => usable(list).slice(0, 1));
}
