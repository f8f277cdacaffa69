import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateTotpCode } from './totp.ts';
import { purgeExpiredIdentityState } from './cleanup.ts';
import { sha256 } from '../auth/principal.ts';
import {
  TEST_PASSWORD, asBrowser, enrolTotp, givenOrganization, givenUser, sessionCookieOf, signIn, startIdentityLantern, type IdentityLantern,
} from './identity-test-support.ts';

describe('password sign-in and sessions', () => {
  let lantern: IdentityLantern;
  let org: { organizationId: string; facilityId: string };
  beforeAll(async () => {
    lantern = await startIdentityLantern();
    org = await givenOrganization(lantern.platform, 'Riverside Health');
  });
  afterAll(async () => { await lantern.close(); });

  test('the right password opens a session whose cookie is httpOnly and SameSite=Lax, storing only its hash', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['clinician']);
    const res = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lantern_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const view = res.json();
    expect(view).toMatchObject({
      status: 'signed-in', user: { id: user.id, email: user.email, locale: 'en' }, organizationId: org.organizationId,
      facilityId: org.facilityId, roles: ['clinician'],
    });
    expect(view.permissions.case).toEqual(['read', 'create', 'update']);
    expect(view.permissions.user).toBeUndefined();
    expect(view.organizations).toEqual([{ id: org.organizationId, name: 'Riverside Health', roles: ['clinician'], facilities: [{ id: org.facilityId, name: 'Riverside Health Clinic' }] }]);
    const stored = await lantern.platform.data.db.selectFrom('platform_session').select('id_hash').where('user_id', '=', user.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id_hash).not.toBe(cookie.value);

    const again = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: cookie.value } });
    expect(again.statusCode).toBe(200);
    expect(again.json().user.id).toBe(user.id);

    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').selectAll()
      .where('organization_id', '=', org.organizationId).where('actor_id', '=', user.id).execute();
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([['sign-in', 'success']]);
  });

  test('a wrong password and an unknown email get the same 401, and the failure is audited', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['educator']);
    const wrong = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: 'not the password' } });
    const unknown = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'nobody@example.org', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(sessionCookieOf(wrong)).toBeUndefined();
    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').select(['action', 'outcome'])
      .where('actor_id', '=', user.id).execute();
    expect(audit).toEqual([{ action: 'sign-in', outcome: 'failure' }]);
  });

  test('Secure is set on the cookie when the deployment serves HTTPS', async () => {
    const secure = await startIdentityLantern({ config: { secureCookies: true } });
    try {
      const { organizationId } = await givenOrganization(secure.platform);
      const user = await givenUser(secure.platform, organizationId, ['learner']);
      const res = await secure.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: TEST_PASSWORD } });
      expect(res.cookies.find((c) => c.name === 'lantern_session')?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  test('signing out ends the session; the old cookie no longer works', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['learner']);
    const session = await signIn(lantern.app, user.email);
    const out = await lantern.app.inject({ method: 'DELETE', url: '/api/session', headers: asBrowser(session) });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'lantern_session')?.value).toBe('');
    const after = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: session.cookie } });
    expect(after.statusCode).toBe(401);
  });

  test('a cookie write without the CSRF header is refused and changes nothing', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['learner']);
    const session = await signIn(lantern.app, user.email);
    const res = await lantern.app.inject({ method: 'PUT', url: '/api/session/locale', cookies: { lantern_session: session.cookie }, payload: { locale: 'es' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    const wrongToken = await lantern.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: `lantern_session=${session.cookie}`, 'x-csrf-token': 'forged' } });
    expect(wrongToken.statusCode).toBe(403);
    const row = await lantern.platform.data.db.selectFrom('platform_user').select('locale').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.locale).toBe('en');
    const still = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: session.cookie } });
    expect(still.statusCode).toBe(200);
  });

  test('the language follows the user and is saved', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['learner']);
    const session = await signIn(lantern.app, user.email);
    const res = await lantern.app.inject({ method: 'PUT', url: '/api/session/locale', headers: asBrowser(session), payload: { locale: 'es' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.locale).toBe('es');
    const bad = await lantern.app.inject({ method: 'PUT', url: '/api/session/locale', headers: asBrowser(session), payload: { locale: 'not a tag!' } });
    expect(bad.statusCode).toBe(400);
  });

  test('switching organization works only into organizations the user belongs to', async () => {
    const second = await givenOrganization(lantern.platform, 'Zephyr Clinic Network');
    const user = await givenUser(lantern.platform, org.organizationId, ['clinician']);
    await lantern.platform.data.db.insertInto('platform_membership').values({
      id: crypto.randomUUID(), user_id: user.id, organization_id: second.organizationId, role: 'educator', created_at: new Date().toISOString(),
    }).execute();
    const stranger = await givenOrganization(lantern.platform, 'Elsewhere');
    const session = await signIn(lantern.app, user.email);
    const moved = await lantern.app.inject({ method: 'PUT', url: '/api/session/context', headers: asBrowser(session), payload: { organizationId: second.organizationId } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ organizationId: second.organizationId, facilityId: second.facilityId, roles: ['educator'] });
    expect(moved.json().organizations.map((o: { id: string }) => o.id).sort()).toEqual([org.organizationId, second.organizationId].sort());
    const wrongFacility = await lantern.app.inject({ method: 'PUT', url: '/api/session/context', headers: asBrowser(session), payload: { organizationId: second.organizationId, facilityId: org.facilityId } });
    expect(wrongFacility.statusCode).toBe(400);
    const refused = await lantern.app.inject({ method: 'PUT', url: '/api/session/context', headers: asBrowser(session), payload: { organizationId: stranger.organizationId } });
    expect(refused.statusCode).toBe(403);
    const view = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: session.cookie } });
    expect(view.json().organizationId).toBe(second.organizationId);
  });

  test('a session idle past its limit or past its absolute end is refused', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['learner']);
    const idle = await signIn(lantern.app, user.email);
    const expired = await signIn(lantern.app, user.email);
    const db = lantern.platform.data.db;
    const longAgo = new Date(Date.now() - 31 * 60 * 1000).toISOString();
    await db.updateTable('platform_session').set({ last_seen_at: longAgo }).where('id_hash', '=', sha256(idle.cookie)).execute();
    await db.updateTable('platform_session').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id_hash', '=', sha256(expired.cookie)).execute();
    for (const session of [idle, expired]) {
      const res = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: session.cookie } });
      expect(res.statusCode).toBe(401);
    }
  });

  test('housekeeping removes expired sessions, abandoned single sign-ons and stale counters, and keeps live ones', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['learner']);
    const live = await signIn(lantern.app, user.email);
    const stale = await signIn(lantern.app, user.email);
    const db = lantern.platform.data.db;
    const now = new Date();
    await db.updateTable('platform_session').set({ last_seen_at: new Date(now.getTime() - 3_600_000).toISOString() }).where('id_hash', '=', sha256(stale.cookie)).execute();
    await db.insertInto('platform_sso_login').values({ state_hash: 'abandoned', organization_id: org.organizationId, nonce: 'n', code_verifier: 'v', expires_at: new Date(now.getTime() - 1000).toISOString() }).execute();
    await db.insertInto('platform_throttle').values({ key: 'signin:ip:old', window_start: new Date(now.getTime() - 2 * 86_400_000).toISOString(), count: 3 }).execute();
    const purged = await purgeExpiredIdentityState(db, now);
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.ssoLogins).toBe(1);
    expect(purged.throttles).toBe(1);
    const remaining = await db.selectFrom('platform_session').select('id_hash').where('user_id', '=', user.id).execute();
    expect(remaining.map((r) => r.id_hash)).toEqual([sha256(live.cookie)]);
  });

  test('the OpenAPI document describes the session and admin routes', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/openapi.json' });
    const paths = Object.keys(res.json().paths);
    for (const path of ['/api/session', '/api/session/totp', '/api/session/confirm', '/api/session/context', '/api/users', '/api/users/{id}', '/api/api-tokens', '/api/organization/sso', '/api/sso/callback']) {
      expect(paths).toContain(path);
    }
  });

  test('unknown fields in the sign-in body are refused', async () => {
    const res = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'a@example.org', password: 'x', admin: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('admin');
  });
});

describe('TOTP second factor', () => {
  let lantern: IdentityLantern;
  let organizationId: string;
  beforeAll(async () => {
    lantern = await startIdentityLantern();
    ({ organizationId } = await givenOrganization(lantern.platform));
  });
  afterAll(async () => { await lantern.close(); });

  test('an admin without TOTP must enrol first and can do nothing else until then', async () => {
    const admin = await givenUser(lantern.platform, organizationId, ['admin']);
    const pending = await signIn(lantern.app, admin.email);
    expect(pending.status).toBe('mfa-enrolment-required');
    const view = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: pending.cookie } });
    expect(view.json()).toMatchObject({ status: 'mfa-enrolment-required', roles: [], organizations: [], permissions: {} });
    const context = await lantern.app.inject({ method: 'PUT', url: '/api/session/context', headers: asBrowser(pending), payload: { organizationId } });
    expect(context.statusCode).toBe(401);
    expect(context.json().code).toBe('MFA_REQUIRED');
    const verify = await lantern.app.inject({ method: 'POST', url: '/api/session/totp', headers: asBrowser(pending), payload: { code: '123456' } });
    expect(verify.statusCode).toBe(409);

    const { session } = await enrolTotp(lantern.app, pending);
    expect(session.status).toBe('signed-in');
    expect(session.cookie).not.toBe(pending.cookie);
    const old = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: pending.cookie } });
    expect(old.statusCode).toBe(401);
    const full = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: session.cookie } });
    expect(full.json()).toMatchObject({ status: 'signed-in', roles: ['admin'] });
    expect(full.json().permissions.user).toEqual(['read', 'create', 'update', 'delete', 'export']);
    const stored = await lantern.platform.data.db.selectFrom('platform_user').select(['totp_secret', 'totp_enabled']).where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(stored.totp_enabled).toBe(1);
    expect(stored.totp_secret).toMatch(/^v1\./);
  });

  test('with TOTP on, the password alone leaves the session pending; the code finishes it and cannot be replayed', async () => {
    const user = await givenUser(lantern.platform, organizationId, ['clinician']);
    const first = await signIn(lantern.app, user.email);
    expect(first.status).toBe('signed-in');
    const now = Date.now();
    const { secret } = await enrolTotp(lantern.app, first, now);

    const pending = await signIn(lantern.app, user.email);
    expect(pending.status).toBe('mfa-required');
    const blocked = await lantern.app.inject({ method: 'POST', url: '/api/session/totp/enrolment', headers: asBrowser(pending) });
    expect(blocked.statusCode).toBe(401);
    const wrong = await lantern.app.inject({ method: 'POST', url: '/api/session/totp', headers: asBrowser(pending), payload: { code: generateTotpCode(secret, now - 5 * 60_000) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().field).toBe('code');
    // The enrolment used the current step; the next step's code is within the window and new.
    const nextCode = generateTotpCode(secret, now + 30_000);
    const ok = await lantern.app.inject({ method: 'POST', url: '/api/session/totp', headers: asBrowser(pending), payload: { code: nextCode } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('signed-in');

    const again = await signIn(lantern.app, user.email);
    const replay = await lantern.app.inject({ method: 'POST', url: '/api/session/totp', headers: asBrowser(again), payload: { code: nextCode } });
    expect(replay.statusCode).toBe(400);
    const replayEnrolCode = await lantern.app.inject({ method: 'POST', url: '/api/session/totp', headers: asBrowser(again), payload: { code: generateTotpCode(secret, now) } });
    expect(replayEnrolCode.statusCode).toBe(400);
    const stillPending = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: again.cookie } });
    expect(stillPending.json().status).toBe('mfa-required');

    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').select(['action', 'outcome'])
      .where('actor_id', '=', user.id).orderBy('seq').execute();
    expect(audit).toContainEqual({ action: 'enrol-second-factor', outcome: 'success' });
    expect(audit).toContainEqual({ action: 'verify-second-factor', outcome: 'success' });
    expect(audit.filter((a) => a.action === 'verify-second-factor' && a.outcome === 'failure')).toHaveLength(3);
  });

  test('a confirmation code that does not match the new secret leaves TOTP off', async () => {
    const user = await givenUser(lantern.platform, organizationId, ['learner']);
    const session = await signIn(lantern.app, user.email);
    const started = await lantern.app.inject({ method: 'POST', url: '/api/session/totp/enrolment', headers: asBrowser(session) });
    expect(started.json().otpauthUri).toContain('otpauth://totp/');
    const res = await lantern.app.inject({ method: 'POST', url: '/api/session/totp/enrolment/confirm', headers: asBrowser(session), payload: { code: '000000' } });
    expect(res.statusCode).toBe(400);
    const row = await lantern.platform.data.db.selectFrom('platform_user').select('totp_enabled').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.totp_enabled).toBe(0);
  });
});
