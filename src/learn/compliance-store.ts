/**
 * @module Reads what the compliance view needs (members, profiles, completions) within one
 * organization, and saves a learner's license profile. Completions are valid certificates.
 */
import type { OrgScope } from '../platform/db/scope.ts';
import { invalid } from '../platform/http/errors.ts';
import type { ComplianceRulesFile } from './compliance-rules.ts';
import type { CompletionRecord, Member, ProfileRecord } from './compliance-report.ts';
import type { LearnProfileTable } from './tables.ts';

export interface ProfileView {
  profession: string;
  jurisdiction: string;
  facilityId: string | null;
  licenseRenewalDate: string | null;
  licenseIssuedDate: string | null;
  updatedAt: string;
}

/** Every member of the organization with their roles. */
export async function listMembers(scope: OrgScope): Promise<Member[]> {
  const rows = await scope.selectFrom('platform_membership').innerJoin('platform_user', 'platform_user.id', 'platform_membership.user_id')
    .select(['platform_membership.user_id', 'platform_membership.role', 'platform_user.display_name', 'platform_user.email'])
    .where('platform_user.disabled', '=', 0).orderBy('platform_user.display_name').execute();
  const byUser = new Map<string, Member>();
  for (const r of rows) {
    const member = byUser.get(r.user_id) ?? { userId: r.user_id, displayName: r.display_name, email: r.email, roles: [] };
    member.roles.push(r.role);
    byUser.set(r.user_id, member);
  }
  return [...byUser.values()];
}

export async function listProfiles(scope: OrgScope): Promise<ProfileRecord[]> {
  const rows = await scope.selectFrom('learn_profile').selectAll().execute();
  return rows.map((r) => ({ userId: r.user_id, facilityId: r.facility_id, profession: r.profession, jurisdiction: r.jurisdiction, licenseRenewalDate: r.license_renewal_date, licenseIssuedDate: r.license_issued_date }));
}

/** Valid (unrevoked) certificates as completions. */
export async function listCompletions(scope: OrgScope): Promise<CompletionRecord[]> {
  const rows = await scope.selectFrom('learn_certificate').select(['user_id', 'course_id', 'course_version', 'ce_hours', 'issued_at']).where('revoked_at', 'is', null).execute();
  return rows.map((r) => ({ userId: r.user_id, courseId: r.course_id, courseVersion: r.course_version, hours: Number(r.ce_hours), completedAt: r.issued_at }));
}

/** Facility names by id, for the CSV. */
export async function facilityNames(scope: OrgScope): Promise<Map<string, string>> {
  const rows = await scope.selectFrom('platform_facility').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The caller's license profile, or null. */
export async function readProfile(scope: OrgScope, userId: string): Promise<ProfileView | null> {
  const row = await scope.selectFrom('learn_profile').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row ? presentProfile(row) : null;
}

/** Saves the caller's profession, jurisdiction, facility and license dates; audited. */
export async function saveProfile(scope: OrgScope, userId: string, input: {
  profession: string; jurisdiction: string; facilityId?: string | null; licenseRenewalDate?: string | null; licenseIssuedDate?: string | null;
}, rules: ComplianceRulesFile): Promise<ProfileView> {
  if (!rules.professions.some((p) => p.id === input.profession)) throw invalid(`Unknown profession ${input.profession}.`, 'profession');
  return scope.transaction(async (tx) => {
    if (input.facilityId) {
      const facility = await tx.selectFrom('platform_facility').select('id').where('id', '=', input.facilityId).executeTakeFirst();
      if (!facility) throw invalid('No such facility in this organization.', 'facilityId');
    }
    const row: Omit<LearnProfileTable, 'organization_id'> = {
      user_id: userId, facility_id: input.facilityId ?? null, profession: input.profession, jurisdiction: input.jurisdiction,
      license_renewal_date: input.licenseRenewalDate ?? null, license_issued_date: input.licenseIssuedDate ?? null, updated_at: new Date().toISOString(),
    };
    await tx.deleteFrom('learn_profile').where('user_id', '=', userId).execute();
    await tx.insert('learn_profile', row);
    await tx.audit({ action: 'update', resourceType: 'learn-profile', resourceId: userId });
    return presentProfile({ ...row, organization_id: tx.organizationId });
  });
}

function presentProfile(row: LearnProfileTable): ProfileView {
  return { profession: row.profession, jurisdiction: row.jurisdiction, facilityId: row.facility_id, licenseRenewalDate: row.license_renewal_date, licenseIssuedDate: row.license_issued_date, updatedAt: row.updated_at };
}
