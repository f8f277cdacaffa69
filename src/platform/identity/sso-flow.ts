/**
 * @module OpenID Connect single sign-on, authorization code flow with PKCE (RFC 7636), per
 * organization. The state (stored hashed), nonce and PKCE verifier wait in the database between
 * the redirect and the callback, so any server process can finish a flow another began. A person
 * is matched by the provider's *verified* email to an existing member of that organization:
 * nobody is created, and nobody from another organization gets in.
 */
import * as oidc from 'openid-client';
import type { Cipher } from '../crypto/cipher.ts';
import type { DataLayer } from '../db/index.ts';
import { recordAudit } from '../audit/index.ts';
import { LanternError, notFound } from '../http/errors.ts';
import { registerProtectedField } from '../crypto/protected-fields.ts';
import { sha256 } from '../auth/principal.ts';
import type { OpenedSession } from '../auth/session-store.ts';
import { normalizeEmail } from './accounts.ts';
import { isLoopback, loadSsoProvider, type SsoProvider } from './sso-provider.ts';
import { openSignedInSession } from './sign-in.ts';

/** Ten minutes to sign in at the provider and come back. */
export const SSO_LOGIN_TTL_MS = 10 * 60 * 1000;
const DISCOVERY_TTL_MS = 10 * 60 * 1000;

const verifierContext = (stateHash: string): string => `platform/platform_sso_login/code_verifier/${stateHash}`;

// Short-lived, but sealed all the same, so key rotation and the plaintext-dump test know of it.
registerProtectedField({
  table: 'platform_sso_login', column: 'code_verifier', idColumn: 'state_hash', contextColumns: [],
  context: (row) => verifierContext(String(row.state_hash)),
});

/** Why a single sign-on failed, as the web app shows it (`/?signInError=<reason>`). */
export type SsoFailure = 'sso-expired' | 'sso-provider-error' | 'sso-email-unverified' | 'sso-no-account';

export class SsoError extends Error {
  constructor(readonly reason: SsoFailure, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SsoError';
  }
}

/** Discovered provider configurations, kept for a while so each sign-in does not fetch the metadata again. */
export class SsoClients {
  private readonly cache = new Map<string, { fingerprint: string; config: oidc.Configuration; at: number }>();

  async configurationFor(provider: SsoProvider, now = Date.now()): Promise<oidc.Configuration> {
    const fingerprint = sha256(`${provider.issuer}\n${provider.clientId}\n${provider.clientSecret}`);
    const cached = this.cache.get(provider.organizationId);
    if (cached && cached.fingerprint === fingerprint && now - cached.at < DISCOVERY_TTL_MS) return cached.config;
    const issuer = new URL(provider.issuer);
    // Plain HTTP only for a provider on this machine's loopback (the admin API refuses it elsewhere).
    const options: oidc.DiscoveryRequestOptions = { timeout: 10, ...(isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}) };
    const config = await oidc.discovery(issuer, provider.clientId, undefined, oidc.ClientSecretBasic(provider.clientSecret), options);
    this.cache.set(provider.organizationId, { fingerprint, config, at: now });
    return config;
  }
}

export interface SsoContext {
  data: DataLayer;
  cipher: Cipher;
  clients: SsoClients;
  /** `<publicUrl>/api/sso/callback`, registered at the provider. */
  redirectUri: string;
}

/** Starts a sign-in at the organization's provider: returns where to send the browser and the state to pin in a cookie. */
export async function startSsoLogin(ctx: SsoContext, organizationId: string, now = new Date()): Promise<{ url: string; state: string }> {
  const provider = await loadSsoProvider(ctx.data.db, ctx.cipher, organizationId);
  if (!provider) throw notFound('Single sign-on for this organization');
  let config: oidc.Configuration;
  try {
    config = await ctx.clients.configurationFor(provider);
  } catch (error) {
    throw new LanternError('UNAVAILABLE', 'The sign-in provider could not be reached. Try again, or sign in with your password.', undefined, { cause: error });
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const stateHash = sha256(state);
  await ctx.data.db.deleteFrom('platform_sso_login').where('expires_at', '<=', now.toISOString()).execute();
  await ctx.data.db.insertInto('platform_sso_login').values({
    state_hash: stateHash, organization_id: organizationId, nonce, code_verifier: ctx.cipher.seal(verifier, verifierContext(stateHash)),
    expires_at: new Date(now.getTime() + SSO_LOGIN_TTL_MS).toISOString(),
  }).execute();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ctx.redirectUri, scope: 'openid email profile', state, nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  return { url: url.href, state };
}

/**
 * Finishes a sign-in: checks that the callback's state is the one this browser started with,
 * redeems the code (PKCE, nonce, ID token signature and issuer checked by openid-client), and
 * opens a session for the matching member.
 */
export async function finishSsoLogin(ctx: SsoContext, input: { callbackUrl: URL; browserState: string | undefined; requestId: string | null }, now = new Date()): Promise<{ userId: string; organizationId: string; session: OpenedSession }> {
  const state = input.callbackUrl.searchParams.get('state');
  if (!state || !input.browserState || state !== input.browserState) throw new SsoError('sso-expired', 'The sign-in did not start in this browser or was already used.');
  const stateHash = sha256(state);
  const pending = await ctx.data.db.deleteFrom('platform_sso_login').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();
  if (!pending || pending.expires_at <= now.toISOString()) throw new SsoError('sso-expired', 'The sign-in took too long or was already used.');
  const provider = await loadSsoProvider(ctx.data.db, ctx.cipher, pending.organization_id);
  if (!provider) throw new SsoError('sso-expired', 'Single sign-on was turned off for this organization.');

  let claims: { email?: unknown; email_verified?: unknown } | undefined;
  try {
    const config = await ctx.clients.configurationFor(provider);
    const tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: ctx.cipher.open(pending.code_verifier, verifierContext(stateHash)),
      expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // In the code flow many providers put profile claims only in the UserInfo response
    // (OpenID Connect Core §5.4); its subject must be the ID token's (§5.3.2).
    const fromUserInfo = typeof idToken.email === 'string' ? undefined : await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
    const source = fromUserInfo ?? idToken;
    claims = { email: source.email, email_verified: source.email_verified };
  } catch (error) {
    await auditSso(ctx, pending.organization_id, null, 'failure', input.requestId);
    throw new SsoError('sso-provider-error', 'The sign-in provider refused or returned an answer that did not check out.', { cause: error });
  }
  const email = typeof claims?.email === 'string' ? normalizeEmail(claims.email) : undefined;
  if (!email || claims?.email_verified !== true) {
    await auditSso(ctx, pending.organization_id, null, 'denied', input.requestId);
    throw new SsoError('sso-email-unverified', 'The sign-in provider did not confirm an email address for this account.');
  }
  const member = await ctx.data.db.selectFrom('platform_user')
    .innerJoin('platform_membership', 'platform_membership.user_id', 'platform_user.id')
    .select(['platform_user.id', 'platform_user.disabled', 'platform_user.totp_enabled'])
    .where('platform_user.email', '=', email).where('platform_membership.organization_id', '=', pending.organization_id)
    .limit(1).executeTakeFirst();
  if (!member || member.disabled === 1) {
    await auditSso(ctx, pending.organization_id, member?.id ?? null, 'denied', input.requestId);
    throw new SsoError('sso-no-account', 'No active account in this organization uses that email. Ask your administrator to add you.');
  }
  return ctx.data.db.transaction().execute(async (tx) => {
    const session = await openSignedInSession(tx, member.id, member.totp_enabled === 1, now, pending.organization_id);
    await recordAudit(tx, ctx.data.dialect, {
      organizationId: pending.organization_id, actorId: member.id, actorKind: 'user', action: 'sign-in-sso', resourceType: 'session',
      resourceId: member.id, requestId: input.requestId, outcome: 'success',
    });
    return { userId: member.id, organizationId: pending.organization_id, session };
  });
}

async function auditSso(ctx: SsoContext, organizationId: string, userId: string | null, outcome: 'failure' | 'denied', requestId: string | null): Promise<void> {
  await ctx.data.db.transaction().execute((tx) => recordAudit(tx, ctx.data.dialect, {
    organizationId, actorId: userId, actorKind: userId ? 'user' : 'anonymous', action: 'sign-in-sso', resourceType: 'session',
    resourceId: userId, requestId, outcome,
  }));
}
