/**
 * @module Who is learning, and where: the caller's id and roles, and the jurisdiction that decides
 * which child-abuse reporting route a lesson names (the learner's recorded jurisdiction, else their
 * facility's, else none, which gets a phrase pointing to the local agency).
 */
import type { OrgScope } from '../platform/db/scope.ts';
import { isAllowed, type Role } from '../platform/policy.ts';
import { forbidden } from '../platform/http/errors.ts';
import { organizationReference } from '../respond/jurisdiction-store.ts';
import { fillPlaceholders, type PlaceholderFills } from './placeholder-fill.ts';

export interface Learner {
  userId: string;
  roles: readonly Role[];
  facilityId: string | null;
  locale: string;
}

/**
 * Whether the caller oversees other learners (assigns, sees their progress, revokes). The policy
 * grants `compliance` only to the roles that oversee learners, so it answers this too.
 */
export function oversees(learner: Learner): boolean {
  return isAllowed(learner.roles, 'compliance', 'read');
}

/** Throws FORBIDDEN unless the row is the caller's own or the caller oversees learners. */
export function assertOwnOrOverseen(learner: Learner, ownerId: string): void {
  if (ownerId !== learner.userId && !oversees(learner)) throw forbidden('This belongs to another learner.');
}

/** The jurisdiction a learner's lessons are filled for. */
export async function learnerJurisdiction(scope: OrgScope, learner: Learner): Promise<string | undefined> {
  const profile = await scope.selectFrom('learn_profile').select('jurisdiction').where('user_id', '=', learner.userId).executeTakeFirst();
  if (profile) return profile.jurisdiction;
  if (!learner.facilityId) return undefined;
  const facility = await scope.selectFrom('platform_facility').select('jurisdiction').where('id', '=', learner.facilityId).executeTakeFirst();
  return facility?.jurisdiction ?? undefined;
}

/** Placeholder values for this learner, from the organization's jurisdiction data (its edits included). */
export async function learnerFills(scope: OrgScope, learner: Learner, language: string): Promise<PlaceholderFills> {
  const reference = await organizationReference(scope);
  return fillPlaceholders(reference, await learnerJurisdiction(scope, learner), language);
}
