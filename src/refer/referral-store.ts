/**
 * @module The referrer's side: refer a case's patient to a directory service with recorded
 * consent, list and read the case's referrals, cancel one. Only consented data is stored, sealed;
 * a partner organization gets its own share row (the explicit cross-organization share).
 */
import { randomUUID } from 'node:crypto';
import type { OrgScope } from '../platform/db/scope.ts';
import { invalid, notFound } from '../platform/http/errors.ts';
import { readCase, recordCaseEvent } from '../respond/index.ts';
import { readServiceDocument } from './store-listing.ts';
import { assertTransition, checkConsentUntil, selectConsented, visibleShared, type Consent, type ReferralStatus, type ShareableField, type SharedData } from './referral-model.ts';
import type { ReferReferralTable } from './referral-tables.ts';

export interface NewReferral {
  caseId: string;
  serviceId: string;
  consent: { fields: ShareableField[]; partnerOrganizationId: string | null; until: string };
  shared: SharedData;
}

/** The referral as its referrer sees it. */
export interface ReferralView {
  id: string;
  caseId: string;
  serviceId: string;
  serviceName: string;
  partnerOrganizationId: string | null;
  status: ReferralStatus;
  statusReason: string | null;
  consent: Consent;
  consentExpired: boolean;
  shared: SharedData | null;
  link: { expiresAt: string } | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const now = (): string => new Date().toISOString();
const place = (id: string, column: string) => ({ table: 'refer_referral', column, rowId: id });

/**
 * Records a referral and its consent. `partner` is the receiving organization's scope (in the same
 * transaction) when the consent names one; it receives a share with the consented fields only.
 */
export async function createReferral(referrer: OrgScope, partner: OrgScope | null, input: NewReferral): Promise<ReferralView> {
  checkConsentUntil(input.consent.until);
  if ((partner?.organizationId ?? null) !== input.consent.partnerOrganizationId) throw new Error('createReferral: the partner scope must match the consent');
  if (partner?.organizationId === referrer.organizationId) throw invalid('Refer to another organization.', 'consent/partnerOrganizationId');
  const shared = selectConsented(input.consent.fields, input.shared);
  const service = await readServiceDocument(referrer, input.serviceId);
  if (!service) throw invalid('No such service in the directory.', 'serviceId');
  const serviceName = typeof service.name === 'string' ? service.name : input.serviceId;
  const id = randomUUID();
  const at = now();
  const consent: Consent = {
    fields: [...new Set(input.consent.fields)], partnerOrganizationId: input.consent.partnerOrganizationId,
    until: new Date(input.consent.until).toISOString(), recordedBy: referrer.actor.id ?? 'system', recordedAt: at,
  };
  await referrer.transaction(async (tx) => {
    await readCase(tx, input.caseId);
    await tx.insert('refer_referral', {
      id, case_id: input.caseId, service_id: input.serviceId, service_name: serviceName,
      partner_organization_id: consent.partnerOrganizationId, status: 'requested', status_reason: null,
      consent: JSON.stringify(consent), consent_until: consent.until,
      shared: tx.seal(JSON.stringify(shared), place(id, 'shared')),
      link_id: null, link_expires_at: null, created_by: consent.recordedBy, created_at: at, updated_at: at,
    });
    await recordCaseEvent(tx, { caseId: input.caseId, kind: 'referral-requested', detail: { referralId: id, service: serviceName, shared: Object.keys(shared), until: consent.until } });
    await tx.audit({ action: 'create', resourceType: 'referral', resourceId: id, purpose: 'treatment' });
    if (partner) {
      await partner.insert('refer_referral_share', {
        referral_id: id, source_organization_id: referrer.organizationId, service_id: input.serviceId, service_name: serviceName,
        status: 'requested', status_reason: null, consent_until: consent.until,
        shared: partner.seal(JSON.stringify(shared), { table: 'refer_referral_share', column: 'shared', rowId: id }),
        created_at: at, updated_at: at,
      });
      // The share is a disclosure to another organization: it is on both organizations' audit trails.
      await partner.audit({ action: 'share-received', resourceType: 'referral', resourceId: id, purpose: 'treatment' });
      await tx.audit({ action: 'share', resourceType: 'referral', resourceId: id, purpose: 'treatment' });
    }
  });
  return readReferral(referrer, id);
}

/** Reads one of the organization's referrals (audited). */
export async function readReferral(scope: OrgScope, id: string): Promise<ReferralView> {
  const row = await findReferralRow(scope, id);
  await scope.audit({ action: 'read', resourceType: 'referral', resourceId: id, purpose: 'treatment' });
  return presentReferral(scope, row);
}

/** The case's referrals, newest first (audited). */
export async function listCaseReferrals(scope: OrgScope, caseId: string): Promise<ReferralView[]> {
  const rows = await scope.selectFrom('refer_referral').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute();
  await scope.audit({ action: 'read', resourceType: 'referral', resourceId: null, purpose: 'treatment' });
  return rows.map((row) => presentReferral(scope, row));
}

/** The raw row, or 404. */
export async function findReferralRow(scope: OrgScope, id: string): Promise<ReferReferralTable> {
  const row = await scope.selectFrom('refer_referral').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The referral');
  return row;
}

/** Opens the sealed fields of a referral row into the referrer's view. */
export function presentReferral(scope: OrgScope, row: ReferReferralTable): ReferralView {
  const shared = JSON.parse(scope.open(row.shared, place(row.id, 'shared'))) as SharedData;
  const visible = visibleShared(shared, row.consent_until);
  return {
    id: row.id, caseId: row.case_id, serviceId: row.service_id, serviceName: row.service_name,
    partnerOrganizationId: row.partner_organization_id, status: row.status,
    statusReason: row.status_reason ? scope.open(row.status_reason, place(row.id, 'status_reason')) : null,
    consent: JSON.parse(row.consent) as Consent, consentExpired: visible === null, shared: visible,
    link: row.link_id && row.link_expires_at ? { expiresAt: row.link_expires_at } : null,
    createdBy: row.created_by, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** The referrer withdraws a referral (with a reason); the partner's share follows. */
export async function cancelReferral(referrer: OrgScope, partner: OrgScope | null, input: { id: string; reason: string }): Promise<void> {
  await referrer.transaction(async (tx) => {
    const row = await findReferralRow(tx, input.id);
    assertTransition('referrer', row.status, 'cancelled', input.reason);
    const at = now();
    await tx.updateTable('refer_referral').set({
      status: 'cancelled', status_reason: tx.seal(input.reason.trim(), place(row.id, 'status_reason')), link_id: null, link_expires_at: null, updated_at: at,
    }).where('id', '=', row.id).execute();
    if (partner) await partner.updateTable('refer_referral_share').set({ status: 'cancelled', updated_at: at }).where('referral_id', '=', row.id).execute();
    await recordCaseEvent(tx, { caseId: row.case_id, kind: 'referral-cancelled', detail: { referralId: row.id, service: row.service_name, reason: input.reason.trim() } });
    await tx.audit({ action: 'update', resourceType: 'referral', resourceId: row.id, purpose: 'treatment' });
  });
}
