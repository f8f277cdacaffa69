/**
 * @module `/api/sso/…`: which organizations offer single sign-on, the redirect to a provider, and
 * the provider's callback. Failures come back to the web app as `/?signInError=<reason>`.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from '../services.ts';
import { SESSION_COOKIE, sha256 } from '../auth/principal.ts';
import { closeSession, setSessionCookie } from '../auth/session-store.ts';
import { SSO_LOGIN_TTL_MS, SsoClients, SsoError, finishSsoLogin, startSsoLogin, type SsoContext } from './sso-flow.ts';
import { listSsoOrganizations } from './sso-provider.ts';
import { OrganizationParams, SsoCallbackQuery, SsoOptionsReply } from './schemas.ts';

/** The cookie pinning a sign-in to the browser that started it (login CSRF, RFC 6749 §10.12). */
export const SSO_STATE_COOKIE = 'lantern_sso';

export const ssoRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, { platform }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const secure = platform.config.secureCookies;
  const ctx: SsoContext = {
    data: platform.data, cipher: platform.cipher, clients: new SsoClients(),
    redirectUri: `${platform.config.publicUrl}/api/sso/callback`,
  };
  const stateCookie = { path: '/api/sso', httpOnly: true, sameSite: 'lax' as const, secure };

  app.get('/api/sso/options', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Organizations that offer single sign-on', response: { 200: SsoOptionsReply } },
  }, async () => listSsoOrganizations(platform.data.db));

  app.get('/api/sso/:organizationId/start', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: "Go to the organization's sign-in provider", params: OrganizationParams },
  }, async (request, reply) => {
    const { url, state } = await startSsoLogin(ctx, request.params.organizationId);
    reply.setCookie(SSO_STATE_COOKIE, state, { ...stateCookie, maxAge: Math.floor(SSO_LOGIN_TTL_MS / 1000) });
    return reply.redirect(url, 302);
  });

  app.get('/api/sso/callback', {
    config: { access: 'public' },
    schema: { tags: ['session'], summary: 'Where the sign-in provider sends the browser back', querystring: SsoCallbackQuery },
  }, async (request, reply) => {
    reply.clearCookie(SSO_STATE_COOKIE, stateCookie);
    try {
      const callbackUrl = new URL(request.url, platform.config.publicUrl);
      const { session } = await finishSsoLogin(ctx, { callbackUrl, browserState: request.cookies[SSO_STATE_COOKIE], requestId: request.id });
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await closeSession(platform.data.db, sha256(previous));
      setSessionCookie(reply, session.cookieValue, secure);
      return reply.redirect('/', 302);
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      // Only the name, code and message of the provider error: its details can carry ID token
      // claims (emails, names) that have no place in a log.
      const cause = error.cause instanceof Error ? { name: error.cause.name, code: (error.cause as { code?: unknown }).code, message: error.cause.message } : undefined;
      request.log.warn({ reason: error.reason, cause }, 'single sign-on failed');
      return reply.redirect(`/?signInError=${error.reason}`, 302);
    }
  });
};
