import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  TEST_PASSWORD, asBrowser, givenOrganization, givenSignedInAdmin, givenUser, signIn, startIdentityLantern, type BrowserSession, type IdentityLantern,
} from './identity-test-support.ts';
import { defaultSignInLimits } from './sign-in.ts';
import { recoverAccount } from './recovery.ts';

const limits = { ...defaultSignInLimits, maxFailedPasswords: 3, perEmail: { limit: 6, windowMs: 60_000 }, perAddress: { limit: 20, windowMs: 60_000 } };

describe('admin API', () => {
  let lantern: IdentityLantern;
  let orgA: { organizationId: string; facilityId: string };
  let orgB: { organizationId: string; facilityId: string };
  let adminA: { id: string; email: string; session: BrowserSession };
  let adminB: { id: string; email: string; session: BrowserSession };
  beforeAll(async () => {
    lantern = await startIdentityLantern({ limits });
    orgA = await givenOrganization(lantern.platform, 'Alpha Health');
    orgB = await givenOrganization(lantern.platform, 'Beta Clinics');
    adminA = await givenSignedInAdmin(lantern.app, lantern.platform, orgA.organizationId);
    adminB = await givenSignedInAdmin(lantern.app, lantern.platform, orgB.organizationId);
  });
  afterAll(async () => { await lantern.close(); });

  const auditOf = (organizationId: string) => lantern.platform.data.db.selectFrom('platform_audit_event')
    .select(['action', 'resource_type', 'resource_id', 'actor_id', 'outcome']).where('organization_id', '=', organizationId).orderBy('seq').execute();

  test('an admin adds a person, changes their roles and sees them listed; each change is audited', async () => {
    const created = await lantern.app.inject({
      method: 'POST', url: '/api/users', headers: asBrowser(adminA.session),
      payload: { email: 'New.Nurse@Example.org', displayName: 'New Nurse', roles: ['clinician'], password: TEST_PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toEqual({ id: expect.any(String), email: 'new.nurse@example.org', displayName: 'New Nurse', roles: ['clinician'], disabled: false, totpEnabled: false, lockedUntil: null });

    const changed = await lantern.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: asBrowser(adminA.session), payload: { roles: ['social-worker', 'educator'], displayName: 'Nurse N.' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ roles: ['educator', 'social-worker'], displayName: 'Nurse N.' });

    const list = await lantern.app.inject({ method: 'GET', url: '/api/users', cookies: { lantern_session: adminA.session.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((u: { email: string }) => u.email).sort()).toEqual([adminA.email, 'new.nurse@example.org'].sort());

    const duplicate = await lantern.app.inject({ method: 'POST', url: '/api/users', headers: asBrowser(adminA.session), payload: { email: 'new.nurse@example.org', displayName: 'Again', roles: ['learner'] } });
    expect(duplicate.statusCode).toBe(409);
    const unknownRole = await lantern.app.inject({ method: 'POST', url: '/api/users', headers: asBrowser(adminA.session), payload: { email: 'x@example.org', displayName: 'X', roles: ['root'] } });
    expect(unknownRole.statusCode).toBe(400);

    const audit = await auditOf(orgA.organizationId);
    expect(audit).toContainEqual({ action: 'create', resource_type: 'user', resource_id: user.id, actor_id: adminA.id, outcome: 'success' });
    expect(audit).toContainEqual({ action: 'update', resource_type: 'user', resource_id: user.id, actor_id: adminA.id, outcome: 'success' });
  });

  test('an admin resets a lost authenticator: the person is signed out and must set up a new one', async () => {
    const colleague = await givenSignedInAdmin(lantern.app, lantern.platform, orgA.organizationId);
    const res = await lantern.app.inject({ method: 'PATCH', url: `/api/users/${colleague.id}`, headers: asBrowser(adminA.session), payload: { resetSecondFactor: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().totpEnabled).toBe(false);
    expect((await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: colleague.session.cookie } })).statusCode).toBe(401);
    const again = await signIn(lantern.app, colleague.email);
    expect(again.status).toBe('mfa-enrolment-required');
    const audit = await auditOf(orgA.organizationId);
    expect(audit).toContainEqual({ action: 'reset-second-factor', resource_type: 'user', resource_id: colleague.id, actor_id: adminA.id, outcome: 'success' });
  });

  test('from the command line, a locked-out admin who lost their phone gets back in', async () => {
    const lost = await givenSignedInAdmin(lantern.app, lantern.platform, orgA.organizationId);
    await lantern.platform.data.db.updateTable('platform_user').set({ locked_until: new Date(Date.now() + 3_600_000).toISOString() }).where('id', '=', lost.id).execute();
    const userId = await recoverAccount(lantern.platform.data, { email: lost.email.toUpperCase(), unlock: true, resetSecondFactor: true });
    expect(userId).toBe(lost.id);
    const back = await signIn(lantern.app, lost.email);
    expect(back.status).toBe('mfa-enrolment-required');
    const audit = await auditOf(orgA.organizationId);
    expect(audit).toContainEqual({ action: 'unlock', resource_type: 'user', resource_id: lost.id, actor_id: null, outcome: 'success' });
    expect(audit).toContainEqual({ action: 'reset-second-factor', resource_type: 'user', resource_id: lost.id, actor_id: null, outcome: 'success' });
    await expect(recoverAccount(lantern.platform.data, { email: 'nobody@example.org', unlock: true })).rejects.toThrow(/not found/);
  });

  test('an admin cannot disable themself or drop their own admin role', async () => {
    const disable = await lantern.app.inject({ method: 'PATCH', url: `/api/users/${adminA.id}`, headers: asBrowser(adminA.session), payload: { disabled: true } });
    expect(disable.statusCode).toBe(409);
    const demote = await lantern.app.inject({ method: 'PATCH', url: `/api/users/${adminA.id}`, headers: asBrowser(adminA.session), payload: { roles: ['clinician'] } });
    expect(demote.statusCode).toBe(409);
  });

  test('repeated wrong passwords lock the account (423) until an admin unlocks it', async () => {
    const user = await givenUser(lantern.platform, orgA.organizationId, ['clinician']);
    const attempt = (password: string) => lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password }, remoteAddress: '10.0.0.1' });
    expect((await attempt('wrong one')).statusCode).toBe(401);
    expect((await attempt('wrong two')).statusCode).toBe(401);
    const third = await attempt('wrong three');
    expect(third.statusCode).toBe(423);
    expect(third.json().code).toBe('LOCKED');
    expect(third.json().detail).toContain('locked');
    const rightButLocked = await attempt(TEST_PASSWORD);
    expect(rightButLocked.statusCode).toBe(423);

    const listed = (await lantern.app.inject({ method: 'GET', url: '/api/users', cookies: { lantern_session: adminA.session.cookie } })).json();
    expect(listed.find((u: { id: string }) => u.id === user.id).lockedUntil).not.toBeNull();

    const unlocked = await lantern.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: asBrowser(adminA.session), payload: { unlock: true } });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);

    const audit = await auditOf(orgA.organizationId);
    expect(audit).toContainEqual({ action: 'lock-account', resource_type: 'session', resource_id: user.id, actor_id: user.id, outcome: 'failure' });
    expect(audit).toContainEqual({ action: 'sign-in', resource_type: 'session', resource_id: user.id, actor_id: user.id, outcome: 'denied' });
    expect(audit).toContainEqual({ action: 'unlock', resource_type: 'user', resource_id: user.id, actor_id: adminA.id, outcome: 'success' });
  });

  test('too many attempts from one address are rate limited (429), whoever they target, and counted in the database', async () => {
    const address = '10.9.9.9';
    const statuses: number[] = [];
    for (let i = 0; i < limits.perAddress.limit + 1; i += 1) {
      const res = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: `guess${i}@example.org`, password: 'guessing' }, remoteAddress: address });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, limits.perAddress.limit).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Even a real account and password are refused from that address until the window ends.
    const user = await givenUser(lantern.platform, orgA.organizationId, ['learner']);
    const real = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: TEST_PASSWORD }, remoteAddress: address });
    expect(real.statusCode).toBe(429);
    expect(real.json().code).toBe('RATE_LIMITED');
    const fromElsewhere = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: TEST_PASSWORD }, remoteAddress: '10.9.9.10' });
    expect(fromElsewhere.statusCode).toBe(200);
    const row = await lantern.platform.data.db.selectFrom('platform_throttle').select('count').where('key', '=', `signin:ip:${address}`).executeTakeFirstOrThrow();
    expect(row.count).toBe(limits.perAddress.limit + 2);
  });

  test('too many attempts at one email are rate limited across addresses', async () => {
    const email = 'target@example.org';
    const statuses: number[] = [];
    for (let i = 0; i < limits.perEmail.limit + 1; i += 1) {
      const res = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: 'guessing' }, remoteAddress: `10.1.2.${i}` });
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 401)).toHaveLength(limits.perEmail.limit);
  });

  test('an API token authenticates its holder; once revoked it is refused', async () => {
    const issued = await lantern.app.inject({ method: 'POST', url: '/api/api-tokens', headers: asBrowser(adminA.session), payload: { name: 'EHR bridge' } });
    expect(issued.statusCode).toBe(201);
    const { id, token } = issued.json();
    expect(token).toMatch(/^lt_/);
    const stored = await lantern.platform.data.db.selectFrom('platform_api_token').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const withToken = await lantern.app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${token}` } });
    expect(withToken.statusCode).toBe(200);
    // A token needs no CSRF header: it is not sent automatically by a browser.
    const write = await lantern.app.inject({ method: 'PUT', url: '/api/organization/retention', headers: { authorization: `Bearer ${token}` }, payload: { retentionDays: 400 } });
    expect(write.statusCode).toBe(200);

    const tokens = (await lantern.app.inject({ method: 'GET', url: '/api/api-tokens', cookies: { lantern_session: adminA.session.cookie } })).json();
    expect(tokens.find((t: { id: string }) => t.id === id)).toMatchObject({ name: 'EHR bridge', userEmail: adminA.email, revokedAt: null, lastUsedAt: expect.any(String) });
    expect(JSON.stringify(tokens)).not.toContain(token);

    const revoked = await lantern.app.inject({ method: 'DELETE', url: `/api/api-tokens/${id}`, headers: asBrowser(adminA.session) });
    expect(revoked.statusCode).toBe(204);
    const refused = await lantern.app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${token}` } });
    expect(refused.statusCode).toBe(401);
    const audit = await auditOf(orgA.organizationId);
    expect(audit).toContainEqual({ action: 'create', resource_type: 'api-token', resource_id: id, actor_id: adminA.id, outcome: 'success' });
    expect(audit).toContainEqual({ action: 'delete', resource_type: 'api-token', resource_id: id, actor_id: adminA.id, outcome: 'success' });
  });

  test('control characters in names and ids are refused as invalid input, not a server error', async () => {
    const token = await lantern.app.inject({ method: 'POST', url: '/api/api-tokens', headers: asBrowser(adminA.session), payload: { name: 'bad\u0000name' } });
    expect(token.statusCode).toBe(400);
    expect(token.json().field).toBe('name');
    const user = await lantern.app.inject({ method: 'PATCH', url: `/api/users/${encodeURIComponent('x\u0000')}`, headers: asBrowser(adminA.session), payload: { unlock: true } });
    expect(user.statusCode).toBe(400);
    const signIn = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'a\u0000@example.org', password: 'x' }, remoteAddress: '10.4.4.4' });
    expect(signIn.statusCode).toBe(400);
  });

  test('a token is issued only for members of the organization', async () => {
    const res = await lantern.app.inject({ method: 'POST', url: '/api/api-tokens', headers: asBrowser(adminA.session), payload: { name: 'x', userId: adminB.id } });
    expect(res.statusCode).toBe(400);
  });

  test('the organization settings: retention and single sign-on, secret never shown', async () => {
    const retention = await lantern.app.inject({ method: 'PUT', url: '/api/organization/retention', headers: asBrowser(adminA.session), payload: { retentionDays: 3650 } });
    expect(retention.statusCode).toBe(200);
    expect(retention.json()).toEqual({ id: orgA.organizationId, name: 'Alpha Health', retentionDays: 3650, sso: null });
    const invalidDays = await lantern.app.inject({ method: 'PUT', url: '/api/organization/retention', headers: asBrowser(adminA.session), payload: { retentionDays: 0 } });
    expect(invalidDays.statusCode).toBe(400);

    const sso = await lantern.app.inject({ method: 'PUT', url: '/api/organization/sso', headers: asBrowser(adminA.session), payload: { issuer: 'https://login.alpha.example/', clientId: 'lantern', clientSecret: 'very-secret-value' } });
    expect(sso.statusCode).toBe(200);
    expect(sso.json().sso).toEqual({ issuer: 'https://login.alpha.example', clientId: 'lantern' });
    const plainHttp = await lantern.app.inject({ method: 'PUT', url: '/api/organization/sso', headers: asBrowser(adminA.session), payload: { issuer: 'http://login.alpha.example', clientId: 'lantern', clientSecret: 's' } });
    expect(plainHttp.statusCode).toBe(400);
    expect(plainHttp.json().field).toBe('issuer');
    const row = await lantern.platform.data.db.selectFrom('platform_sso_provider').select('client_secret').where('organization_id', '=', orgA.organizationId).executeTakeFirstOrThrow();
    expect(row.client_secret).not.toContain('very-secret-value');
    const options = await lantern.app.inject({ method: 'GET', url: '/api/sso/options' });
    if (options.statusCode === 200) expect(options.json()).toContainEqual({ organizationId: orgA.organizationId, organizationName: 'Alpha Health' });

    const org = await lantern.app.inject({ method: 'GET', url: '/api/organization', cookies: { lantern_session: adminA.session.cookie } });
    expect(JSON.stringify(org.json())).not.toContain('very-secret');
    const off = await lantern.app.inject({ method: 'DELETE', url: '/api/organization/sso', headers: asBrowser(adminA.session) });
    expect(off.statusCode).toBe(204);
    const audit = await auditOf(orgA.organizationId);
    expect(audit).toContainEqual({ action: 'update', resource_type: 'retention', resource_id: orgA.organizationId, actor_id: adminA.id, outcome: 'success' });
    expect(audit).toContainEqual({ action: 'update', resource_type: 'sso-provider', resource_id: orgA.organizationId, actor_id: adminA.id, outcome: 'success' });
  });

  test("an admin of another organization can neither read nor change this organization's users", async () => {
    const member = await givenUser(lantern.platform, orgA.organizationId, ['clinician']);
    const list = await lantern.app.inject({ method: 'GET', url: '/api/users', cookies: { lantern_session: adminB.session.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((u: { id: string }) => u.id)).toEqual([adminB.id]);
    const patch = await lantern.app.inject({ method: 'PATCH', url: `/api/users/${member.id}`, headers: asBrowser(adminB.session), payload: { disabled: true } });
    expect(patch.statusCode).toBe(404);
    const unlock = await lantern.app.inject({ method: 'PATCH', url: `/api/users/${member.id}`, headers: asBrowser(adminB.session), payload: { unlock: true } });
    expect(unlock.statusCode).toBe(404);
    const switchIn = await lantern.app.inject({ method: 'PUT', url: '/api/session/context', headers: asBrowser(adminB.session), payload: { organizationId: orgA.organizationId } });
    expect(switchIn.statusCode).toBe(403);
    const tokens = await lantern.app.inject({ method: 'GET', url: '/api/api-tokens', cookies: { lantern_session: adminB.session.cookie } });
    expect(tokens.json()).toEqual([]);
    const row = await lantern.platform.data.db.selectFrom('platform_user').select('disabled').where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(row.disabled).toBe(0);
  });

  test('roles without the permission are refused (403) and the refusal is audited', async () => {
    const clinician = await givenUser(lantern.platform, orgA.organizationId, ['clinician']);
    const session = await signIn(lantern.app, clinician.email);
    const res = await lantern.app.inject({ method: 'POST', url: '/api/users', headers: asBrowser(session), payload: { email: 'y@example.org', displayName: 'Y', roles: ['admin'] } });
    expect(res.statusCode).toBe(403);
    const audit = await auditOf(orgA.organizationId);
    expect(audit).toContainEqual({ action: 'create', resource_type: 'user', resource_id: null, actor_id: clinician.id, outcome: 'denied' });
    const anonymous = await lantern.app.inject({ method: 'GET', url: '/api/users' });
    expect(anonymous.statusCode).toBe(401);
  });

  test('a disabled user is signed out everywhere and cannot sign in', async () => {
    const user = await givenUser(lantern.platform, orgA.organizationId, ['learner']);
    const session = await signIn(lantern.app, user.email);
    const res = await lantern.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: asBrowser(adminA.session), payload: { disabled: true } });
    expect(res.json().disabled).toBe(true);
    expect((await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: session.cookie } })).statusCode).toBe(401);
    const again = await lantern.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password: TEST_PASSWORD }, remoteAddress: '10.3.3.3' });
    expect(again.statusCode).toBe(401);
  });
});
