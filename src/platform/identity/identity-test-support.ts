/**
 * @module Factories the identity integration tests share: a Lantern with only the platform and
 * identity capabilities on a fresh database, organizations, users, and signed-in sessions.
 * Used by `*.int.test.ts` only.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createTestDatabase, testConfig, type TestDatabase } from '../../../test/support/platform.ts';
import type { Config } from '../config.ts';
import { createLogger, createPlatform, type Platform } from '../services.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildApp, type LanternApp } from '../http/app.ts';
import { platformRoutes } from '../routes.ts';
import type { Role } from '../policy.ts';
import { createFacility, createOrganization, createUser } from './accounts.ts';
import { identityCapability, type IdentityOptions } from './index.ts';
import { generateTotpCode } from './totp.ts';

export interface IdentityLantern {
  app: LanternApp;
  platform: Platform;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A migrated platform with the identity API on a fresh database of the project's kind. */
export async function startIdentityLantern(options: IdentityOptions & { config?: Partial<Config> } = {}): Promise<IdentityLantern> {
  const database = await createTestDatabase();
  const platform = createPlatform(testConfig(database, options.config), { logger: createLogger({ logLevel: 'silent' }) });
  await migrateToLatest(platform.data.db);
  const app = await buildApp(platform, { capabilities: [{ name: 'platform', plugin: platformRoutes }, identityCapability(options)] });
  return {
    app, platform, database,
    close: async () => { await app.close(); await platform.close(); await database.drop(); },
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** An organization with one facility. */
export async function givenOrganization(platform: Platform, name = `Org ${randomUUID().slice(0, 8)}`): Promise<{ organizationId: string; facilityId: string }> {
  const organizationId = await createOrganization(platform.data.db, { name });
  const facilityId = await createFacility(platform.data.db, { organizationId, name: `${name} Clinic` });
  return { organizationId, facilityId };
}

/** A user with a password and the given roles in one organization. */
export async function givenUser(platform: Platform, organizationId: string, roles: Role[]): Promise<{ id: string; email: string }> {
  const email = `${roles[0]}-${randomUUID().slice(0, 8)}@example.org`;
  const id = await createUser(platform.data.db, { email, displayName: `Test ${roles.join(' ')}`, password: TEST_PASSWORD, organizationId, roles });
  return { id, email };
}

/** The `lantern_session` value a response set, if any. */
export function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  return res.cookies.find((c) => c.name === 'lantern_session')?.value;
}

export interface BrowserSession {
  cookie: string;
  csrfToken: string;
  status: string;
}

/** Signs in with the password and returns the browser's cookie and CSRF token. */
export async function signIn(app: LanternApp, email: string, password = TEST_PASSWORD): Promise<BrowserSession> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed with ${res.statusCode}: ${res.body}`);
  const body = res.json() as { csrfToken: string; status: string };
  return { cookie: sessionCookieOf(res)!, csrfToken: body.csrfToken, status: body.status };
}

/** Headers a browser sends on a write with this session. */
export function asBrowser(session: BrowserSession): Record<string, string> {
  return { cookie: `lantern_session=${session.cookie}`, 'x-csrf-token': session.csrfToken };
}

/** Enrols TOTP on a pending or signed-in session; returns the secret and the full session. */
export async function enrolTotp(app: LanternApp, session: BrowserSession, now = Date.now()): Promise<{ secret: string; session: BrowserSession }> {
  const started = await app.inject({ method: 'POST', url: '/api/session/totp/enrolment', headers: asBrowser(session) });
  if (started.statusCode !== 200) throw new Error(`enrolment failed with ${started.statusCode}: ${started.body}`);
  const { secret } = started.json() as { secret: string };
  const confirmed = await app.inject({ method: 'POST', url: '/api/session/totp/enrolment/confirm', headers: asBrowser(session), payload: { code: generateTotpCode(secret, now) } });
  if (confirmed.statusCode !== 200) throw new Error(`confirmation failed with ${confirmed.statusCode}: ${confirmed.body}`);
  const body = confirmed.json() as { csrfToken: string; status: string };
  return { secret, session: { cookie: sessionCookieOf(confirmed)!, csrfToken: body.csrfToken, status: body.status } };
}

/** A fully signed-in admin (TOTP enrolled) of the organization. */
export async function givenSignedInAdmin(app: LanternApp, platform: Platform, organizationId: string): Promise<{ id: string; email: string; session: BrowserSession; secret: string }> {
  const admin = await givenUser(platform, organizationId, ['admin']);
  const pending = await signIn(app, admin.email);
  const { secret, session } = await enrolTotp(app, pending);
  return { ...admin, session, secret };
}
