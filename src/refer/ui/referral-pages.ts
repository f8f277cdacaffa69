/**
 * @module Refer's referral pages for the web shell's registry (src/web/routes.ts spreads them in):
 * the referral form of a case, the partner's inbox and referral page, the referrer's updates.
 */
import type { PageRoute } from '../../web/routes.ts';
import { messageKey } from '../../web/i18n.tsx';
import { ReferralSendPage } from './referral-send-page.tsx';
import { ReferralInboxDetailPage, ReferralInboxPage } from './referral-inbox-page.tsx';
import { ReferralNotificationsPage } from './referral-notifications-page.tsx';

export const referralPageRoutes: PageRoute[] = [
  { path: '/cases/:id/referrals', label: messageKey('refer.referrals.title'), permission: ['referral', 'create'], Page: ReferralSendPage },
  { path: '/referrals/inbox', label: messageKey('refer.nav.inbox'), nav: 'main', permission: ['referral', 'update'], Page: ReferralInboxPage },
  { path: '/referrals/inbox/:id', label: messageKey('refer.inbox.title'), permission: ['referral', 'update'], Page: ReferralInboxDetailPage },
  { path: '/referrals/notifications', label: messageKey('refer.nav.notifications'), nav: 'main', permission: ['referral', 'create'], Page: ReferralNotificationsPage },
];
