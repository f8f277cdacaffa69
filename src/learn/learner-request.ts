/**
 * @module The Learn view of a request's caller.
 */
import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../platform/http/errors.ts';
import type { Learner } from './learner-context.ts';

/** The signed-in caller as a learner (the guard has already required a principal). */
export function learnerOf(request: FastifyRequest): Learner {
  const principal = request.principal;
  if (!principal) throw unauthenticated();
  return { userId: principal.userId, roles: principal.roles, facilityId: principal.facilityId, locale: principal.locale };
}
