import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authorizeInBrowser } from '../../../test/support/oidc-browser.ts';
import { asBrowser, givenOrganization, givenSignedInAdmin, givenUser, sessionCookieOf, startIdentityLantern, type IdentityLantern } from './identity-test-support.ts';

const PUBLIC_URL = 'http://lantern.test';
const CLIENT = { id: 'lantern-client', secret: 'a-client-secret-for-tests-only' };

interface TestAccount { email: string; verified: boolean }

/** A real OpenID provider (oidc-provider with its development login pages) on a random loopback port. */
async function startProvider(accounts: Record<string, TestAccount>): Promise<{ issuer: string; close(): Promise<void> }> {
  let handler: ((req: Parameters<Parameters<typeof createServer>[1] & {}>[0], res: Parameters<Parameters<typeof createServer>[1] & {}>[1]) => void) | undefined;
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [`${PUBLIC_URL}/api/sso/callback`],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: account.verified }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['oidc-test-cookie-key'] },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
  });
  handler = provider.callback();
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Signs in at the provider's development login pages as `accountId` and consents; returns the
 * callback URL the provider sends the browser back to.
 */
function signInAtProvider(startUrl: string, accountId: string): Promise<URL> {
  return authorizeInBrowser(startUrl, PUBLIC_URL, (html): Record<string, string> => {
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!prompt) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    return prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt };
  });
}

describe('single sign-on with OpenID Connect', () => {
  let lantern: IdentityLantern;
  let provider: { issuer: string; close(): Promise<void> };
  let org: { organizationId: string; facilityId: string };
  let other: { organizationId: string };
  let nurse: { id: string; email: string };
  let outsider: { id: string; email: string };

  beforeAll(async () => {
    lantern = await startIdentityLantern({ config: { publicUrl: PUBLIC_URL } });
    org = await givenOrganization(lantern.platform, 'Harbor Health');
    other = await givenOrganization(lantern.platform, 'Other Org');
    nurse = await givenUser(lantern.platform, org.organizationId, ['clinician']);
    outsider = await givenUser(lantern.platform, other.organizationId, ['clinician']);
    const accounts: Record<string, { email: string; verified: boolean }> = {
      nurse: { email: nurse.email.toUpperCase(), verified: true },
      outsider: { email: outsider.email, verified: true },
      unverified: { email: nurse.email, verified: false },
    };
    provider = await startProvider(accounts);
    const admin = await givenSignedInAdmin(lantern.app, lantern.platform, org.organizationId);
    accounts.admin = { email: admin.email, verified: true };
    const configured = await lantern.app.inject({
      method: 'PUT', url: '/api/organization/sso', headers: asBrowser(admin.session),
      payload: { issuer: provider.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret },
    });
    expect(configured.statusCode).toBe(200);
  });
  afterAll(async () => {
    await lantern.close();
    await provider.close();
  });

  async function start(): Promise<{ location: string; state: string }> {
    const res = await lantern.app.inject({ method: 'GET', url: `/api/sso/${org.organizationId}/start` });
    expect(res.statusCode).toBe(302);
    const cookie = res.cookies.find((c) => c.name === 'lantern_sso')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    return { location: res.headers.location as string, state: cookie.value };
  }

  const callback = (url: URL, state?: string) => lantern.app.inject({
    method: 'GET', url: `${url.pathname}${url.search}`, ...(state ? { cookies: { lantern_sso: state } } : {}),
  });

  test('the sign-in page lists the organization', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/api/sso/options' });
    expect(res.json()).toEqual([{ organizationId: org.organizationId, organizationName: 'Harbor Health' }]);
  });

  test('a member signs in through the provider and lands signed in to that organization', async () => {
    const { location, state } = await start();
    const authorize = new URL(location);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/sso/callback`);

    const back = await signInAtProvider(location, 'nurse');
    expect(back.searchParams.get('code')).toBeTruthy();
    const res = await callback(back, state);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = sessionCookieOf(res)!;
    const session = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: cookie } });
    expect(session.json()).toMatchObject({ status: 'signed-in', user: { id: nurse.id }, organizationId: org.organizationId, roles: ['clinician'] });

    // The same callback again (a replayed URL) opens nothing.
    const replay = await callback(back, state);
    expect(replay.headers.location).toBe('/?signInError=sso-expired');
    expect(sessionCookieOf(replay)).toBeUndefined();

    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').select(['action', 'outcome'])
      .where('organization_id', '=', org.organizationId).where('actor_id', '=', nurse.id).execute();
    expect(audit).toContainEqual({ action: 'sign-in-sso', outcome: 'success' });
  });

  test('single sign-on does not skip the second factor of a person who has one', async () => {
    const { location, state } = await start();
    const res = await callback(await signInAtProvider(location, 'admin'), state);
    expect(res.headers.location).toBe('/');
    const session = await lantern.app.inject({ method: 'GET', url: '/api/session', cookies: { lantern_session: sessionCookieOf(res)! } });
    expect(session.json()).toMatchObject({ status: 'mfa-required', roles: [], permissions: {} });
  });

  test('a person of another organization is not let in, even with a verified email', async () => {
    const { location, state } = await start();
    const res = await callback(await signInAtProvider(location, 'outsider'), state);
    expect(res.headers.location).toBe('/?signInError=sso-no-account');
    expect(sessionCookieOf(res)).toBeUndefined();
    const sessions = await lantern.platform.data.db.selectFrom('platform_session').select('id_hash').where('user_id', '=', outsider.id).execute();
    expect(sessions).toEqual([]);
  });

  test('an email the provider has not verified is not trusted', async () => {
    const { location, state } = await start();
    const res = await callback(await signInAtProvider(location, 'unverified'), state);
    expect(res.headers.location).toBe('/?signInError=sso-email-unverified');
    expect(sessionCookieOf(res)).toBeUndefined();
  });

  test('a callback in a browser that did not start the sign-in is refused', async () => {
    const { location } = await start();
    const back = await signInAtProvider(location, 'nurse');
    const res = await callback(back);
    expect(res.headers.location).toBe('/?signInError=sso-expired');
    expect(sessionCookieOf(res)).toBeUndefined();
  });
});
