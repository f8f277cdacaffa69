/**
 * @module `/referrals/notifications`: what partners did with the caller's referrals, newest first,
 * each linking to its case and markable as read.
 */
import { useCallback, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { formatTime } from '../../web/admin/format-time.ts';
import type { ReferralNotification } from './referral-ui-types.ts';

/** The page at `/referrals/notifications`. */
export function ReferralNotificationsPage(): ReactElement {
  const { t, locale } = useMessages();
  const { api } = useSignedIn();
  const notes = useLoad(useCallback(() => api.get<ReferralNotification[]>('/api/referral-notifications'), [api]));
  const markRead = async (id: string) => {
    await api.post(`/api/referral-notifications/${id}/read`);
    await notes.reload();
  };
  return (
    <>
      <PageHeading title={t('refer.notifications.title')}>{t('refer.notifications.title')}</PageHeading>
      <FormError message={notes.error ? describeError(t, notes.error) : undefined} />
      {notes.data === undefined ? <p className="loading">{t('app.loading')}</p>
        : notes.data.length === 0 ? <p>{t('refer.notifications.none')}</p> : (
          <ul className="plain-list referral-notifications">
            {notes.data.map((n) => (
              <li key={n.id} data-read={n.readAt ? 'yes' : 'no'}>
                <p>{t('refer.notifications.item', { service: n.serviceName, kind: n.kind.replace(/^referral-/, '') })} <span className="muted">{formatTime(n.createdAt, locale)}</span></p>
                <div className="actions">
                  <Link to={`/cases/${n.caseId}/referrals`} className="button-quiet">{t('refer.notifications.openCase')}</Link>
                  {n.readAt ? null : <button type="button" className="button-quiet" onClick={() => void markRead(n.id)}>{t('refer.notifications.markRead')}</button>}
                </div>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
