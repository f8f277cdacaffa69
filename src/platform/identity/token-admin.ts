/**
 * @module API tokens of the organization: list, issue (shown once, stored hashed), revoke.
 */
import type { Tx } from '../db/index.ts';
import type { OrgScope } from '../db/scope.ts';
import { invalid, notFound } from '../http/errors.ts';
import { createApiToken } from './accounts.ts';

export interface ApiTokenView {
  id: string;
  name: string;
  userEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The organization's tokens, newest first (never the token itself: only its hash exists). */
export async function listApiTokens(scope: OrgScope): Promise<ApiTokenView[]> {
  const rows = await scope.selectFrom('platform_api_token')
    .innerJoin('platform_user', 'platform_user.id', 'platform_api_token.user_id')
    .select(['platform_api_token.id', 'platform_api_token.name', 'platform_user.email', 'platform_api_token.created_at',
      'platform_api_token.last_used_at', 'platform_api_token.revoked_at'])
    .orderBy('platform_api_token.created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, userEmail: r.email, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

/** Issues a token acting as a member of this organization (the caller by default). */
export async function issueApiToken(scope: OrgScope, tx: Tx, input: { name: string; userId?: string }): Promise<{ id: string; token: string }> {
  const userId = input.userId ?? scope.actor.id;
  const member = userId === null ? undefined : await scope.selectFrom('platform_membership')
    .innerJoin('platform_user', 'platform_user.id', 'platform_membership.user_id')
    .select(['platform_user.email', 'platform_user.disabled']).where('platform_membership.user_id', '=', userId).executeTakeFirst();
  if (!member) throw invalid('That user is not a member of this organization.', 'userId');
  if (member.disabled === 1) throw invalid('That user is disabled; enable them before issuing a token.', 'userId');
  const name = input.name.trim();
  if (!name) throw invalid('Name the token after the integration that will use it.', 'name');
  const { id, token } = await createApiToken(tx, { email: member.email, organizationId: scope.organizationId, name });
  await scope.audit({ action: 'create', resourceType: 'api-token', resourceId: id });
  return { id, token };
}

/** Revokes a token of this organization; revoking twice is harmless. */
export async function revokeApiToken(scope: OrgScope, tokenId: string, now = new Date()): Promise<void> {
  const token = await scope.selectFrom('platform_api_token').select(['id', 'revoked_at']).where('id', '=', tokenId).executeTakeFirst();
  if (!token) throw notFound('The API token');
  if (token.revoked_at === null) {
    await scope.updateTable('platform_api_token').set({ revoked_at: now.toISOString() }).where('id', '=', tokenId).execute();
  }
  await scope.audit({ action: 'delete', resourceType: 'api-token', resourceId: tokenId });
}
