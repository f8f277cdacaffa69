/**
 * @module The shapes the referral pages read from the API (the server's views, as types only).
 */
export type { ReferralView } from '../referral-store.ts';
export type { PartnerReferralView } from '../referral-partner.ts';
export type { ReferralNotification } from '../referral-notifications.ts';
export type { PartnerOrganization } from '../referral-partners.ts';
export type { ShareableField } from '../referral-model.ts';

/** The directory search reply, as far as the referral form needs it. */
export interface ServiceHits {
  results: { serviceId: string; name: string; organizationName: string }[];
}
