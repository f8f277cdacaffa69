/**
 * @module The partner's side: the inbox of referrals sent to the organization, one referral as
 * the partner sees it (the consented fields only, hidden once consent ends), and the partner's
 * answer (accept, decline with a reason, complete), which lands on the referrer's case timeline
 * and in the referrer's notifications in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { OrgScope } from '../platform/db/scope.ts';
import { notFound } from '../platform/http/errors.ts';
import { recordCaseEvent } from '../respond/index.ts';
import { assertTransition, visibleShared, type ReferralStatus, type SharedData } from './referral-model.ts';
import { findReferralRow } from './referral-store.ts';
import type { ReferReferralShareTable } from './referral-tables.ts';

/** A referral as the receiving partner sees it: no case, no referrer, only what was consented. */
export interface PartnerReferralView {
  id: string;
  serviceId: string;
  serviceName: string;
  status: ReferralStatus;
  statusReason: string | null;
  consentUntil: string;
  consentExpired: boolean;
  shared: SharedData | null;
  createdAt: string;
  updatedAt: string;
}

export type PartnerAnswer = { status: 'accepted' } | { status: 'rejected'; reason: string } | { status: 'completed' };

const sharePlace = (id: string, column: string) => ({ table: 'refer_referral_share', column, rowId: id });

/** Referrals sent to the caller's organization, newest first (audited). */
export async function listInbox(partner: OrgScope): Promise<PartnerReferralView[]> {
  const rows = await partner.selectFrom('refer_referral_share').selectAll().orderBy('created_at', 'desc').limit(500).execute();
  await partner.audit({ action: 'read', resourceType: 'referral', resourceId: null, purpose: 'treatment' });
  return rows.map((row) => presentShare(partner, row));
}

/** One referral sent to the caller's organization (audited); 404 for any other. */
export async function readShare(partner: OrgScope, id: string): Promise<PartnerReferralView> {
  const row = await findShareRow(partner, id);
  await partner.audit({ action: 'read', resourceType: 'referral', resourceId: id, purpose: 'treatment' });
  return presentShare(partner, row);
}

/** The share row in the caller's organization, or 404. */
export async function findShareRow(partner: OrgScope, id: string): Promise<ReferReferralShareTable> {
  const row = await partner.selectFrom('refer_referral_share').selectAll().where('referral_id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The referral');
  return row;
}

function presentShare(partner: OrgScope, row: ReferReferralShareTable): PartnerReferralView {
  const shared = JSON.parse(partner.open(row.shared, sharePlace(row.referral_id, 'shared'))) as SharedData;
  const visible = visibleShared(shared, row.consent_until);
  return {
    id: row.referral_id, serviceId: row.service_id, serviceName: row.service_name, status: row.status,
    statusReason: row.status_reason ? partner.open(row.status_reason, sharePlace(row.referral_id, 'status_reason')) : null,
    consentUntil: row.consent_until, consentExpired: visible === null, shared: visible, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/**
 * Applies the partner's answer. `referrer` and `partner` are scopes in one transaction (see
 * referral-scopes.ts); `partner` is null for an answer through a signed link to a referral that
 * has no partner organization.
 */
export async function answerReferral(referrer: OrgScope, partner: OrgScope | null, id: string, answer: PartnerAnswer): Promise<void> {
  const row = await findReferralRow(referrer, id);
  const reason = answer.status === 'rejected' ? answer.reason.trim() : undefined;
  assertTransition('partner', row.status, answer.status, reason);
  const at = new Date().toISOString();
  await referrer.updateTable('refer_referral').set({
    status: answer.status, updated_at: at,
    status_reason: reason ? referrer.seal(reason, { table: 'refer_referral', column: 'status_reason', rowId: id }) : null,
  }).where('id', '=', id).execute();
  if (partner) {
    await partner.updateTable('refer_referral_share').set({
      status: answer.status, updated_at: at,
      status_reason: reason ? partner.seal(reason, sharePlace(id, 'status_reason')) : null,
    }).where('referral_id', '=', id).execute();
    await partner.audit({ action: 'update', resourceType: 'referral', resourceId: id, purpose: 'treatment' });
  }
  const kind = `referral-${answer.status}`;
  await recordCaseEvent(referrer, { caseId: row.case_id, kind, detail: { referralId: id, service: row.service_name, ...(reason ? { reason } : {}) } });
  await referrer.insert('refer_notification', { id: randomUUID(), user_id: row.created_by, referral_id: id, kind, created_at: at, read_at: null });
  await referrer.audit({ action: 'update', resourceType: 'referral', resourceId: id, purpose: 'treatment' });
}
