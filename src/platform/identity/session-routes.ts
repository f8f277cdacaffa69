/**
 * @module `/api/session…`: password sign-in, the second factor, confirming identity, sign-out,
 * context and language. Handlers stay thin; the rules live in sign-in.ts, second-factor.ts,
 * confirm-identity.ts and session-context.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from '../services.ts';
import { unauthenticated } from '../http/errors.ts';
import { SESSION_COOKIE, sha256 } from '../auth/principal.ts';
import { clearSessionCookie, closeSession, setSessionCookie, type OpenedSession } from '../auth/session-store.ts';
import { defaultSignInLimits, signInWithPassword, type SignInLimits } from './sign-in.ts';
import { confirmTotpEnrolment, startTotpEnrolment, verifySecondFactor, type SessionRef } from './second-factor.ts';
import { setLocale, switchContext } from './session-context.ts';
import { presentSession, type SessionView } from './session-view.ts';
import { auditUserEvent } from './user-audit.ts';
import { confirmIdentity } from './confirm-identity.ts';
import { CodeBody, ConfirmIdentityBody, ContextBody, EnrolmentReply, LocaleBody, SessionViewReply, SignInBody } from './schemas.ts';

export interface SessionRoutesOptions {
  platform: Platform;
  limits?: SignInLimits;
}

/** The caller's browser session; API tokens have none. */
export function sessionOf(request: FastifyRequest): SessionRef {
  const principal = request.principal;
  if (!principal?.session) throw unauthenticated('Sign in with a browser session to do this.');
  return { idHash: principal.session.idHash, userId: principal.userId, mfaPending: principal.session.mfaPending, requestId: request.id };
}

export const sessionRoutes: FastifyPluginAsync<SessionRoutesOptions> = async (base, { platform, limits = defaultSignInLimits }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { data, cipher } = platform;
  const tags = ['session'];
  const secure = platform.config.secureCookies;

  const answerWith = async (reply: FastifyReply, opened: OpenedSession): Promise<SessionView> => {
    setSessionCookie(reply, opened.cookieValue, secure);
    return presentSession(data.db, opened.idHash);
  };

  app.post('/api/session', {
    config: { access: 'public' },
    schema: { tags, summary: 'Sign in with email and password', body: SignInBody, response: { 200: SessionViewReply } },
  }, async (request, reply) => {
    const previous = request.cookies[SESSION_COOKIE];
    const { session } = await signInWithPassword(data, request.log, { ...request.body, address: request.ip, requestId: request.id }, limits);
    // A session value planted before sign-in must not survive it (session fixation).
    if (previous) await closeSession(data.db, sha256(previous));
    return answerWith(reply, session);
  });

  app.get('/api/session', {
    config: { access: 'signed-in-pending-mfa' },
    schema: { tags, summary: 'The current session', response: { 200: SessionViewReply } },
  }, async (request) => presentSession(data.db, sessionOf(request).idHash));

  app.delete('/api/session', {
    config: { access: 'signed-in-pending-mfa' },
    schema: { tags, summary: 'Sign out' },
  }, async (request, reply) => {
    const session = sessionOf(request);
    await data.db.transaction().execute(async (tx) => {
      await closeSession(tx, session.idHash);
      await auditUserEvent(tx, data.dialect, { userId: session.userId, action: 'sign-out', outcome: 'success', requestId: request.id });
    });
    clearSessionCookie(reply, secure);
    return reply.code(204).send();
  });

  app.post('/api/session/totp', {
    config: { access: 'signed-in-pending-mfa' },
    schema: { tags, summary: 'Give the second factor after the password', body: CodeBody, response: { 200: SessionViewReply } },
  }, async (request, reply) => answerWith(reply, await verifySecondFactor(data, cipher, sessionOf(request), request.body.code)));

  app.post('/api/session/totp/enrolment', {
    config: { access: 'signed-in-pending-mfa' },
    schema: { tags, summary: 'Start setting up an authenticator app', response: { 200: EnrolmentReply } },
  }, async (request) => startTotpEnrolment(data, cipher, sessionOf(request)));

  app.post('/api/session/totp/enrolment/confirm', {
    config: { access: 'signed-in-pending-mfa' },
    schema: { tags, summary: 'Finish setting up an authenticator app with a code from it', body: CodeBody, response: { 200: SessionViewReply } },
  }, async (request, reply) => answerWith(reply, await confirmTotpEnrolment(data, cipher, sessionOf(request), request.body.code)));

  app.post('/api/session/confirm', {
    config: { access: 'signed-in' },
    schema: {
      tags, summary: 'Confirm the signed-in person is at the device (password, and TOTP code when enrolled); opens no new session',
      body: ConfirmIdentityBody,
    },
  }, async (request, reply) => {
    await confirmIdentity(data, cipher, request.log, {
      session: sessionOf(request), password: request.body.password, ...(request.body.code !== undefined ? { code: request.body.code } : {}), address: request.ip,
    }, limits);
    return reply.code(204).send();
  });

  app.put('/api/session/context', {
    config: { access: 'signed-in' },
    schema: { tags, summary: 'Choose the organization and facility to act in', body: ContextBody, response: { 200: SessionViewReply } },
  }, async (request) => {
    const session = sessionOf(request);
    await switchContext(data.db, { idHash: session.idHash, userId: session.userId, organizationId: request.body.organizationId, facilityId: request.body.facilityId ?? null });
    return presentSession(data.db, session.idHash);
  });

  app.put('/api/session/locale', {
    config: { access: 'signed-in-pending-mfa' },
    schema: { tags, summary: 'Choose the language', body: LocaleBody, response: { 200: SessionViewReply } },
  }, async (request) => {
    const session = sessionOf(request);
    await setLocale(data.db, session.userId, request.body.locale);
    return presentSession(data.db, session.idHash);
  });
};
