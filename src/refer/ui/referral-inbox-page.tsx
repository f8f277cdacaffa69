/**
 * @module The partner's pages: `/referrals/inbox` (referrals sent to the organization) and
 * `/referrals/inbox/:id` (one referral: the consented details while consent lasts, and the
 * answers: accept, decline with a reason, complete).
 */
import { useCallback, useState, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link, usePath } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, StatusMessage } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import type { PartnerReferralView } from './referral-ui-types.ts';
import { ReferralAnswer, type PartnerAnswerBody } from './referral-answer.tsx';

/** The page at `/referrals/inbox`. */
export function ReferralInboxPage(): ReactElement {
  const { t } = useMessages();
  const { api, session } = useSignedIn();
  const inbox = useLoad(useCallback(() => api.get<PartnerReferralView[]>('/api/referral-inbox'), [api]));
  return (
    <>
      <PageHeading title={t('refer.inbox.title')}>{t('refer.inbox.title')}</PageHeading>
      <p className="muted" id="own-organization-id">{t('refer.inbox.organizationId', { id: session.organizationId ?? '' })}</p>
      <FormError message={inbox.error ? describeError(t, inbox.error) : undefined} />
      {inbox.data === undefined ? <p className="loading">{t('app.loading')}</p>
        : inbox.data.length === 0 ? <p>{t('refer.inbox.none')}</p> : (
          <ul className="plain-list referral-list">
            {inbox.data.map((r) => (
              <li key={r.id} data-status={r.status}>
                <Link to={`/referrals/inbox/${r.id}`}>{t('refer.referrals.status', { service: r.serviceName, status: r.status })}</Link>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}

/** The page at `/referrals/inbox/:id`. */
export function ReferralInboxDetailPage(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const id = /^\/referrals\/inbox\/([^/]+)$/.exec(usePath())?.[1] ?? '';
  const referral = useLoad(useCallback(() => api.get<PartnerReferralView>(`/api/referral-inbox/${id}`), [api, id]));
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();

  const answer = async (body: PartnerAnswerBody): Promise<boolean> => {
    try {
      await api.post<PartnerReferralView>(`/api/referral-inbox/${id}/status`, body);
      setError(undefined);
      setStatus(t('refer.inbox.updated'));
      await referral.reload();
      return true;
    } catch (failure) {
      setStatus(undefined);
      setError(describeError(t, failure));
      return false;
    }
  };

  const view = referral.data;
  const title = view ? t('refer.inbox.detailTitle', { service: view.serviceName }) : t('refer.inbox.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <FormError message={error ?? (referral.error ? describeError(t, referral.error) : undefined)} />
      <StatusMessage message={status} />
      {view === undefined ? <p className="loading">{t('app.loading')}</p> : <ReferralAnswer view={view} onAnswer={answer} />}
      <div className="actions">
        <Link to="/referrals/inbox" className="button-quiet">{t('refer.inbox.back')}</Link>
      </div>
    </>
  );
}
