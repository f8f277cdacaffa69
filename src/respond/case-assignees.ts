/**
 * @module `GET /api/cases/assignees`: the colleagues a case task can be assigned to — members of the
 * caller's organization with a clinical role — as id and display name only (the users list is for
 * admins; a clinician needs names, not emails or roles).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { OrgScope } from '../platform/db/scope.ts';
import type { Platform } from '../platform/services.ts';

/** Roles whose members work cases (they hold case update in the policy table). */
export const CASE_TEAM_ROLES = ['clinician', 'social-worker', 'program-lead'] as const;

export interface Assignee {
  id: string;
  displayName: string;
}

/** The organization's enabled members with a clinical role, by name. */
export async function listAssignees(scope: OrgScope): Promise<Assignee[]> {
  const rows = await scope.selectFrom('platform_membership')
    .innerJoin('platform_user', 'platform_user.id', 'platform_membership.user_id')
    .select(['platform_user.id', 'platform_user.display_name'])
    .where('platform_membership.role', 'in', [...CASE_TEAM_ROLES])
    .where('platform_user.disabled', '=', 0)
    .distinct()
    .orderBy('platform_user.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

export const caseAssigneeRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app) => {
  app.get('/api/cases/assignees', {
    config: { access: { permission: ['case', 'update'] } },
    schema: { tags: ['respond'], summary: 'Colleagues a case task can be assigned to (id and name)' },
  }, async (request) => listAssignees(request.scope()));
};
