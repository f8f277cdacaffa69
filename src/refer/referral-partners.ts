/**
 * @module The organizations a referring organization refers to. A program lead adds one by its id
 * (which the partner gives them) under a name of their choosing; it must be an organization on
 * this server with `partner` users. Nothing of the other organization is read back (not even its
 * name), and staff see only their own organization's list, so no organization learns of others.
 */
import type { Db } from '../platform/db/index.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { invalid, notFound } from '../platform/http/errors.ts';
import { sha256 } from '../platform/auth/principal.ts';

// An organization's audit trail names another organization only by a digest of its id: an auditor
// who knows the id can match it, and the trail itself discloses nothing about other tenants.
const auditIdOf = (organizationId: string): string => `org-sha256:${sha256(organizationId)}`;

export interface PartnerOrganization {
  id: string;
  name: string;
}

/** The organization's chosen partners, by name. */
export async function listPartnerOrganizations(scope: OrgScope): Promise<PartnerOrganization[]> {
  const rows = await scope.selectFrom('refer_partner').select(['partner_organization_id', 'name']).orderBy('name').execute();
  return rows.map((r) => ({ id: r.partner_organization_id, name: r.name }));
}

/** Adds a partner organization (audited); `db` checks that it exists and receives referrals. */
export async function addPartnerOrganization(scope: OrgScope, db: Db, input: { organizationId: string; name: string }): Promise<PartnerOrganization> {
  const { organizationId } = input;
  const name = input.name.trim();
  if (name === '') throw invalid('Give the organization a name.', 'name');
  if (organizationId === scope.organizationId) throw invalid('Refer to another organization.', 'organizationId');
  const found = await db.selectFrom('platform_organization').select('id').where('id', '=', organizationId)
    .where((eb) => eb.exists(eb.selectFrom('platform_membership').select('platform_membership.id')
      .whereRef('platform_membership.organization_id', '=', 'platform_organization.id').where('platform_membership.role', '=', 'partner')))
    .executeTakeFirst();
  if (!found) throw invalid('No organization with partner users has that id.', 'organizationId');
  await scope.transaction(async (tx) => {
    await tx.deleteFrom('refer_partner').where('partner_organization_id', '=', organizationId).execute();
    await tx.insert('refer_partner', { partner_organization_id: organizationId, name, added_by: tx.actor.id ?? 'system', added_at: new Date().toISOString() });
    await tx.audit({ action: 'create', resourceType: 'referral-partner', resourceId: auditIdOf(organizationId), purpose: 'operations' });
  });
  return { id: organizationId, name };
}

/** Removes a partner organization from the list (audited); existing referrals stay. */
export async function removePartnerOrganization(scope: OrgScope, organizationId: string): Promise<void> {
  await scope.transaction(async (tx) => {
    const result = await tx.deleteFrom('refer_partner').where('partner_organization_id', '=', organizationId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('The partner organization');
    await tx.audit({ action: 'delete', resourceType: 'referral-partner', resourceId: auditIdOf(organizationId), purpose: 'operations' });
  });
}

/** Refuses a partner the referring organization has not chosen. */
export async function requirePartner(scope: OrgScope, organizationId: string): Promise<void> {
  const found = await scope.selectFrom('refer_partner').select('partner_organization_id').where('partner_organization_id', '=', organizationId).executeTakeFirst();
  if (!found) throw invalid('That organization is not one of your receiving organizations.', 'consent/partnerOrganizationId');
}
