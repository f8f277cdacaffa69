/**
 * @module The organization's own settings an admin manages: name and retention period, and its
 * single sign-on provider.
 */
import type { Tx } from '../db/index.ts';
import type { OrgScope } from '../db/scope.ts';
import { notFound } from '../http/errors.ts';
import { describeSsoProvider } from './sso-provider.ts';

export interface OrganizationView {
  id: string;
  name: string;
  retentionDays: number;
  sso: { issuer: string; clientId: string } | null;
}

/** The caller's organization as the admin area shows it. */
export async function readOrganization(scope: OrgScope, tx: Tx): Promise<OrganizationView> {
  const row = await tx.selectFrom('platform_organization').select(['id', 'name', 'retention_days'])
    .where('id', '=', scope.organizationId).executeTakeFirst();
  if (!row) throw notFound('The organization');
  return { id: row.id, name: row.name, retentionDays: row.retention_days, sso: await describeSsoProvider(scope) };
}

/** Sets how long protected data is kept before the scheduled purge removes it. */
export async function setRetention(scope: OrgScope, tx: Tx, retentionDays: number): Promise<OrganizationView> {
  await tx.updateTable('platform_organization').set({ retention_days: retentionDays }).where('id', '=', scope.organizationId).execute();
  await scope.audit({ action: 'update', resourceType: 'retention', resourceId: scope.organizationId });
  return readOrganization(scope, tx);
}
