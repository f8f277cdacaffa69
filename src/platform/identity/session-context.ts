/**
 * @module Where a session acts: the organization and facility chosen, and the person's language.
 */
import type { Db, Tx } from '../db/index.ts';
import { forbidden, invalid } from '../http/errors.ts';

export interface SessionContext {
  organizationId: string | null;
  facilityId: string | null;
}

/** The context a fresh session starts in: the first organization by name, and its facility when it has only one. */
export async function defaultContext(db: Db | Tx, userId: string, organizationId?: string): Promise<SessionContext> {
  const first = organizationId ?? (await db.selectFrom('platform_membership')
    .innerJoin('platform_organization', 'platform_organization.id', 'platform_membership.organization_id')
    .select('platform_organization.id').where('platform_membership.user_id', '=', userId)
    .orderBy('platform_organization.name').orderBy('platform_organization.id').limit(1).executeTakeFirst())?.id;
  if (!first) return { organizationId: null, facilityId: null };
  const facilities = await db.selectFrom('platform_facility').select('id').where('organization_id', '=', first).limit(2).execute();
  return { organizationId: first, facilityId: facilities.length === 1 ? facilities[0]!.id : null };
}

/** Moves a session to another organization (and facility) the user belongs to. */
export async function switchContext(db: Db | Tx, input: { idHash: string; userId: string; organizationId: string; facilityId?: string | null }): Promise<void> {
  const member = await db.selectFrom('platform_membership').select('id')
    .where('user_id', '=', input.userId).where('organization_id', '=', input.organizationId).limit(1).executeTakeFirst();
  // The same answer whether the organization exists or not: its existence is not the caller's business.
  if (!member) throw forbidden('You are not a member of that organization.');
  let facilityId: string | null = null;
  if (input.facilityId) {
    const facility = await db.selectFrom('platform_facility').select('id')
      .where('id', '=', input.facilityId).where('organization_id', '=', input.organizationId).executeTakeFirst();
    if (!facility) throw invalid('That facility is not part of the organization.', 'facilityId');
    facilityId = facility.id;
  } else {
    facilityId = (await defaultContext(db, input.userId, input.organizationId)).facilityId;
  }
  await db.updateTable('platform_session').set({ organization_id: input.organizationId, facility_id: facilityId })
    .where('id_hash', '=', input.idHash).execute();
}

/** BCP 47 tags as the web app sends them: `en`, `es`, `pt-BR`, `zh-Hant`. */
export const LOCALE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$';

/** Saves the user's language, used on every device they sign in from. */
export async function setLocale(db: Db | Tx, userId: string, locale: string): Promise<void> {
  if (!new RegExp(LOCALE_PATTERN).test(locale)) throw invalid('Choose a language tag such as "en" or "es".', 'locale');
  await db.updateTable('platform_user').set({ locale }).where('id', '=', userId).execute();
}
