/**
 * @module The shapes the referral pages read from the API (the server's views, as types only).
 */
export type { ReferralView } from '../referral-store.ts';
export type { PartnerReferralView } from '../referral-partner.ts';
export type { ReferralNotification } from '../referral-notifications.ts';
export type { PartnerOrganization } from '../referral-partners.ts';
export type { ShareableField } from '../referral-model.ts';

export type { SearchHit as DirectoryHit } from '../search.ts';
export type { PinnedRoute as PinnedLine } from '../pinned-routes.ts';
export type { ListingSummary } from '../store-listing.ts';

/** The reply of `GET /api/directory/search`. */
export type { SearchResult as DirectorySearchReply } from '../search.ts';
