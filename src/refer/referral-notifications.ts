/**
 * @module In-app notifications for referrers: what partners did with their referrals.
 */
import type { OrgScope } from '../platform/db/scope.ts';
import { notFound } from '../platform/http/errors.ts';

export interface ReferralNotification {
  id: string;
  referralId: string;
  kind: string;
  serviceName: string;
  caseId: string;
  createdAt: string;
  readAt: string | null;
}

/** The caller's notifications, newest first. */
export async function listNotifications(scope: OrgScope, userId: string, options: { unreadOnly?: boolean } = {}): Promise<ReferralNotification[]> {
  let query = scope.selectFrom('refer_notification')
    .innerJoin('refer_referral', (join) => join.onRef('refer_referral.id', '=', 'refer_notification.referral_id').onRef('refer_referral.organization_id', '=', 'refer_notification.organization_id'))
    .select(['refer_notification.id', 'refer_notification.referral_id', 'refer_notification.kind', 'refer_notification.created_at', 'refer_notification.read_at', 'refer_referral.service_name', 'refer_referral.case_id'])
    .where('refer_notification.user_id', '=', userId)
    .orderBy('refer_notification.created_at', 'desc').limit(200);
  if (options.unreadOnly) query = query.where('refer_notification.read_at', 'is', null);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, referralId: r.referral_id, kind: r.kind, serviceName: r.service_name, caseId: r.case_id, createdAt: r.created_at, readAt: r.read_at }));
}

/** Marks one of the caller's notifications read. */
export async function markNotificationRead(scope: OrgScope, userId: string, id: string): Promise<void> {
  const result = await scope.updateTable('refer_notification').set({ read_at: new Date().toISOString() })
    .where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('The notification');
}
