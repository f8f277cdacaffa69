/**
 * @module Identity as a capability: the session API (password, TOTP, context, language), single
 * sign-on and the admin API for users, API tokens and the organization. src/capabilities.ts
 * mounts `identity`; tests build their own with tighter limits through `identityCapability`.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Capability } from '../http/app.ts';
import type { Platform } from '../services.ts';
import { defaultSignInLimits, type SignInLimits } from './sign-in.ts';
import { sessionRoutes } from './session-routes.ts';
import { adminRoutes } from './admin-routes.ts';
import { ssoRoutes } from './sso-routes.ts';

export interface IdentityOptions {
  limits?: SignInLimits;
}

/** The identity capability with the given sign-in limits. */
export function identityCapability(options: IdentityOptions = {}): Capability {
  const limits = options.limits ?? defaultSignInLimits;
  const plugin: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
    await app.register(sessionRoutes, { platform, limits });
    await app.register(adminRoutes, { platform });
    await app.register(ssoRoutes, { platform });
  };
  return { name: 'identity', plugin };
}

export const identity: Capability = identityCapability();
