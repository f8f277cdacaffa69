/**
 * @module Request guards: resolve the caller once per request, then enforce what the route declares
 * in its config — `{ access: { permission: ['case', 'read'] } }`, `{ access: 'signed-in' }` or
 * `{ access: 'public' }`. A route under /api or /fhir that declares nothing is refused, so a new
 * route cannot be left open by mistake (and the policy walk test can read every route's rule).
 * Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`.
 */
import fp from 'fastify-plugin';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Platform } from '../services.ts';
import type { OrgScope } from '../db/scope.ts';
import { isAllowed, type Action, type Resource } from '../policy.ts';
import { LanternError, forbidden, unauthenticated } from '../http/errors.ts';
import { CSRF_HEADER, SESSION_COOKIE, principalFromSession, principalFromToken, type Principal } from './principal.ts';

/** What a route requires of its caller. */
/**
 * What a route requires of its caller. `external`: the route authenticates the caller itself with
 * a standard's own scheme (a CDS Hooks JWT, a signed referral link); Lantern's sessions and API
 * tokens are not consulted.
 */
export type RouteAccess = 'public' | 'external' | 'signed-in' | 'signed-in-pending-mfa' | { permission: [Resource, Action] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The caller's organization-scoped data access; throws when no organization is chosen. */
    scope(): OrgScope;
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

function requireCaller(request: FastifyRequest, allowPendingMfa = false): Principal {
  const principal = request.principal;
  if (!principal) throw unauthenticated();
  if (principal.session?.mfaPending && !allowPendingMfa) {
    throw new LanternError('MFA_REQUIRED', 'Enter the code from your authenticator app to finish signing in.');
  }
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
    if (request.routeOptions.config.access === 'external') return;
    request.principal = await resolvePrincipal(platform, request);
  });

  app.addHook('preHandler', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === 'public' || access === 'external') return;
    if (access === undefined) {
      // Only routes outside the API (web assets, docs, operations) may omit a rule.
      if (/^\/(api|fhir|hsds|cds-services)(\/|$)/.test(request.url)) throw forbidden('This route declares no access rule.');
      return;
    }
    if (access === 'signed-in' || access === 'signed-in-pending-mfa') {
      requireCaller(request, access === 'signed-in-pending-mfa');
      return;
    }
    const [resource, action] = access.permission;
    const principal = requireCaller(request);
    if (!principal.organizationId) throw new LanternError('FORBIDDEN', 'Choose an organization first.');
    if (!isAllowed(principal.roles, resource, action)) {
      await request.scope().audit({ action, resourceType: resource, outcome: 'denied' });
      throw forbidden();
    }
  });
}, { name: 'lantern-auth-guard' });
