/**
 * @module Request guards: resolve the caller once per request, then let each route state what it
 * needs (`app.permit('case', 'read')`). Cookie-authenticated writes must echo the session's CSRF
 * token in `x-csrf-token` (double submit bound to the server-side session).
 */
import fp from 'fastify-plugin';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Platform } from '../services.ts';
import type { OrgScope } from '../db/scope.ts';
import { isAllowed, type Action, type Resource } from '../policy.ts';
import { LanternError, forbidden, unauthenticated } from '../http/errors.ts';
import { CSRF_HEADER, SESSION_COOKIE, principalFromSession, principalFromToken, type Principal } from './principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The caller's organization-scoped data access; throws when no organization is chosen. */
    scope(): OrgScope;
  }
  interface FastifyInstance {
    /** preHandler: the caller must be signed in, in an organization, with the permission. */
    permit(resource: Resource, action: Action): preHandlerAsyncHookHandler;
    /** preHandler: the caller must be signed in (any role, organization optional). */
    signedIn: preHandlerAsyncHookHandler;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function resolvePrincipal(platform: Platform, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const principal = await principalFromToken(platform.data.db, match[1]!);
    if (!principal) throw unauthenticated('This API token is not valid or was revoked.');
    return principal;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  return (await principalFromSession(platform.data.db, cookie)) ?? null;
}

function requireCaller(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (!principal) throw unauthenticated();
  if (principal.session?.mfaPending) throw new LanternError('MFA_REQUIRED', 'Enter the code from your authenticator app to finish signing in.');
  if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, principal.session!.csrfToken)) {
      throw new LanternError('CSRF', 'This form expired or came from another site. Reload the page and try again.');
    }
  }
  return principal;
}

export const authGuard = fp<{ platform: Platform }>(async (app: FastifyInstance, { platform }) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('scope', function scope(this: FastifyRequest): OrgScope {
    const principal = this.principal;
    if (!principal?.organizationId) throw new LanternError('FORBIDDEN', 'Choose an organization first.');
    return platform.scope(principal.organizationId, { id: principal.userId, kind: principal.via === 'token' ? 'token' : 'user' }, this.id);
  });

  app.addHook('onRequest', async (request) => {
    request.principal = await resolvePrincipal(platform, request);
  });

  app.decorate('signedIn', async function signedIn(request: FastifyRequest) {
    requireCaller(request);
  });

  app.decorate('permit', function permit(resource: Resource, action: Action): preHandlerAsyncHookHandler {
    return async function permitted(request: FastifyRequest) {
      const principal = requireCaller(request);
      if (!principal.organizationId) throw new LanternError('FORBIDDEN', 'Choose an organization first.');
      if (!isAllowed(principal.roles, resource, action)) {
        await request.scope().audit({ action, resourceType: resource, outcome: 'denied' });
        throw forbidden();
      }
    };
  });
}, { name: 'lantern-auth-guard' });
