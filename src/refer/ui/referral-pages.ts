/**
 * @module Refer's referral pages for the web shell's registry (src/web/routes.ts spreads them in):
 * the referral form of a case, the partner's inbox and referral page, the referrer's updates, the
 * program lead's partner list, and the public page of a signed partner link; the directory search and
 * the program lead's listing editor.
 */
import type { PageRoute } from '../../web/routes.ts';
import { messageKey } from '../../web/i18n.tsx';
import { ReferralSendPage } from './referral-send-page.tsx';
import { ReferralInboxDetailPage, ReferralInboxPage } from './referral-inbox-page.tsx';
import { ReferralNotificationsPage } from './referral-notifications-page.tsx';
import { ReferralPartnersPage } from './referral-partners-page.tsx';
import { ReferralLinkPage } from './referral-link-page.tsx';
import { DirectoryPage } from './directory-page.tsx';
import { ListingsPage } from './listings-page.tsx';
import { ListingEditorPage } from './listing-editor-page.tsx';

export const referralPageRoutes: PageRoute[] = [
  { path: '/directory', label: messageKey('refer.nav.directory'), nav: 'main', permission: ['directory', 'read'], summary: messageKey('refer.nav.directorySummary'), Page: DirectoryPage },
  { path: '/directory/listings', label: messageKey('refer.listings.title'), nav: 'admin', permission: ['directory', 'update'], summary: messageKey('refer.listings.summary'), Page: ListingsPage },
  { path: '/directory/listings/:id', label: messageKey('refer.listing.editTitle'), permission: ['directory', 'update'], Page: ListingEditorPage },
  { path: '/cases/:id/referrals', label: messageKey('refer.referrals.title'), permission: ['referral', 'create'], Page: ReferralSendPage },
  { path: '/referrals/inbox', label: messageKey('refer.nav.inbox'), nav: 'main', permission: ['referral', 'update'], Page: ReferralInboxPage },
  { path: '/referrals/inbox/:id', label: messageKey('refer.inbox.title'), permission: ['referral', 'update'], Page: ReferralInboxDetailPage },
  { path: '/referrals/notifications', label: messageKey('refer.nav.notifications'), nav: 'main', permission: ['referral', 'create'], Page: ReferralNotificationsPage },
  // Choosing whom the organization shares with is a program lead's decision (referral: delete).
  { path: '/referrals/partners', label: messageKey('refer.nav.partners'), nav: 'admin', permission: ['referral', 'delete'], summary: messageKey('refer.nav.partnersSummary'), Page: ReferralPartnersPage },
  // Holders of a signed link answer without a Lantern login; the token is in the fragment.
  { path: '/referral-link', label: messageKey('refer.link.title'), public: true, Page: ReferralLinkPage },
];
