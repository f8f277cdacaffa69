import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateTotpCode } from './totp.ts';
import {
  TEST_PASSWORD, asBrowser, enrolTotp, givenOrganization, givenSignedInAdmin, givenUser, signIn, startIdentityLantern, type IdentityLantern,
} from './identity-test-support.ts';

describe('POST /api/session/confirm', () => {
  let lantern: IdentityLantern;
  let org: { organizationId: string; facilityId: string };
  beforeAll(async () => {
    lantern = await startIdentityLantern({
      limits: { maxFailedPasswords: 3, lockoutMs: 60_000, perEmail: { limit: 50, windowMs: 60_000 }, perAddress: { limit: 500, windowMs: 60_000 } },
    });
    org = await givenOrganization(lantern.platform, 'Confirm Clinic');
  });
  afterAll(async () => { await lantern.close(); });

  const confirm = (session: Parameters<typeof asBrowser>[0], payload: unknown) =>
    lantern.app.inject({ method: 'POST', url: '/api/session/confirm', headers: asBrowser(session), payload: payload as Record<string, unknown> });
  const auditOf = (userId: string) => lantern.platform.data.db.selectFrom('platform_audit_event').select(['action', 'outcome'])
    .where('actor_id', '=', userId).orderBy('seq').execute();
  const sessionCount = async (userId: string) => (await lantern.platform.data.db.selectFrom('platform_session').select('id_hash').where('user_id', '=', userId).execute()).length;

  test('the right password confirms without a new session; a wrong one is a generic 401; both are audited', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['clinician']);
    const session = await signIn(lantern.app, user.email);
    const wrong = await confirm(session, { password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'The password or code is not right.' });
    const right = await confirm(session, { password: TEST_PASSWORD });
    expect(right.statusCode).toBe(204);
    expect(right.cookies).toEqual([]);
    expect(await sessionCount(user.id)).toBe(1);
    // The session goes on working as before.
    expect((await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: session.cookie } })).statusCode).toBe(200);
    expect(await auditOf(user.id)).toEqual([
      { action: 'sign-in', outcome: 'success' }, { action: 'confirm-identity', outcome: 'failure' }, { action: 'confirm-identity', outcome: 'success' },
    ]);
  });

  test('it needs a signed-in browser session, the CSRF token and a strict body', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['clinician']);
    const session = await signIn(lantern.app, user.email);
    const anonymous = await lantern.app.inject({ method: 'POST', url: '/api/session/confirm', payload: { password: TEST_PASSWORD } });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await lantern.app.inject({ method: 'POST', url: '/api/session/confirm', cookies: { lantern_session: session.cookie }, payload: { password: TEST_PASSWORD } });
    expect(noCsrf.statusCode).toBe(403);
    const extra = await confirm(session, { password: TEST_PASSWORD, email: 'someone-else@example.org' });
    expect(extra.statusCode).toBe(400);
  });

  test('repeated wrong passwords lock the account as sign-in does', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['clinician']);
    const session = await signIn(lantern.app, user.email);
    for (let i = 0; i < 2; i += 1) expect((await confirm(session, { password: `guess ${i}` })).statusCode).toBe(401);
    const locking = await confirm(session, { password: 'guess 3' });
    expect(locking.statusCode).toBe(423);
    const afterwards = await confirm(session, { password: TEST_PASSWORD });
    expect(afterwards.statusCode).toBe(423);
    const signInRefused = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(signInRefused.statusCode).toBe(423);
    expect((await auditOf(user.id)).map((a) => `${a.action}:${a.outcome}`)).toEqual([
      'sign-in:success', 'confirm-identity:failure', 'confirm-identity:failure', 'lock-account:failure', 'confirm-identity:denied', 'sign-in:denied',
    ]);
  });

  test('the per-email limit counts confirmations too', async () => {
    const tight = await startIdentityLantern({
      limits: { maxFailedPasswords: 100, lockoutMs: 60_000, perEmail: { limit: 3, windowMs: 60_000 }, perAddress: { limit: 500, windowMs: 60_000 } },
    });
    try {
      const { organizationId } = await givenOrganization(tight.platform);
      const user = await givenUser(tight.platform, organizationId, ['clinician']);
      const session = await signIn(tight.app, user.email);
      const attempt = () => tight.app.inject({ method: 'POST', url: '/api/session/confirm', headers: asBrowser(session), payload: { password: 'wrong' } });
      // Signing in cleared the counter: three tries are allowed, the fourth is refused.
      for (let i = 0; i < 3; i += 1) expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(429);
    } finally {
      await tight.close();
    }
  });

  test('with TOTP on, the password alone does not confirm; the current code does, once', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['clinician']);
    const plain = await signIn(lantern.app, user.email);
    const now = Date.now();
    const { secret, session } = await enrolTotp(lantern.app, plain, now);
    const passwordOnly = await confirm(session, { password: TEST_PASSWORD });
    expect(passwordOnly.statusCode).toBe(401);
    expect(passwordOnly.json().detail).toBe('The password or code is not right.');
    const wrongCode = await confirm(session, { password: TEST_PASSWORD, code: generateTotpCode(secret, now - 5 * 60_000) });
    expect(wrongCode.statusCode).toBe(401);
    const code = generateTotpCode(secret, now + 30_000);
    const wrongPassword = await confirm(session, { password: 'nope', code });
    expect(wrongPassword.statusCode).toBe(401);
    expect((await confirm(session, { password: TEST_PASSWORD, code })).statusCode).toBe(204);
    const replay = await confirm(session, { password: TEST_PASSWORD, code });
    expect(replay.statusCode).toBe(401);
  });

  test('an admin signed in with both factors confirms with both', async () => {
    const admin = await givenSignedInAdmin(lantern.app, lantern.platform, org.organizationId);
    const res = await confirm(admin.session, { password: TEST_PASSWORD, code: generateTotpCode(admin.secret, Date.now() + 30_000) });
    expect(res.statusCode).toBe(204);
  });

  test('a session still waiting for its second factor cannot confirm', async () => {
    const user = await givenUser(lantern.platform, org.organizationId, ['clinician']);
    const { secret } = await enrolTotp(lantern.app, await signIn(lantern.app, user.email));
    const pending = await signIn(lantern.app, user.email);
    expect(pending.status).toBe('mfa-required');
    const res = await confirm(pending, { password: TEST_PASSWORD, code: generateTotpCode(secret, Date.now() + 30_000) });
    expect(res.statusCode).toBe(401);
  });
});
