/**
 * @module The partner's pages: `/referrals/inbox` (referrals sent to the organization) and
 * `/referrals/inbox/:id` (one referral: the consented details while consent lasts, and the
 * answers: accept, decline with a reason, complete).
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link, usePath } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, StatusMessage } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import type { PartnerReferralView } from './referral-ui-types.ts';
import { fieldLabel, fieldOrder } from './referral-field-label.ts';

/** The page at `/referrals/inbox`. */
export function ReferralInboxPage(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const inbox = useLoad(useCallback(() => api.get<PartnerReferralView[]>('/api/referral-inbox'), [api]));
  return (
    <>
      <PageHeading title={t('refer.inbox.title')}>{t('refer.inbox.title')}</PageHeading>
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
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();

  const answer = async (body: { status: 'accepted' | 'completed' } | { status: 'rejected'; reason: string }) => {
    try {
      await api.post<PartnerReferralView>(`/api/referral-inbox/${id}/status`, body);
      setError(undefined);
      setDeclining(false);
      setStatus(t('refer.inbox.updated'));
      await referral.reload();
    } catch (failure) {
      setStatus(undefined);
      setError(describeError(t, failure));
    }
  };
  const decline = (event: FormEvent) => {
    event.preventDefault();
    void answer({ status: 'rejected', reason });
  };

  const view = referral.data;
  const title = view ? t('refer.inbox.detailTitle', { service: view.serviceName }) : t('refer.inbox.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <FormError message={error ?? (referral.error ? describeError(t, referral.error) : undefined)} />
      <StatusMessage message={status} />
      {view === undefined ? <p className="loading">{t('app.loading')}</p> : (
        <>
          <p id="referral-status" data-status={view.status}>{t('refer.referrals.status', { service: view.serviceName, status: view.status })}</p>
          {view.shared === null ? <p>{t('refer.inbox.expired')}</p> : (
            <dl className="referral-shared">
              {fieldOrder.filter((f) => view.shared?.[f] !== undefined).map((f) => (
                <div key={f}><dt>{fieldLabel(t, f)}</dt><dd>{view.shared?.[f]}</dd></div>
              ))}
            </dl>
          )}
          <div className="referral-actions">
            {view.status === 'requested' ? <button type="button" className="button-primary" onClick={() => void answer({ status: 'accepted' })}>{t('refer.inbox.accept')}</button> : null}
            {view.status === 'accepted' ? <button type="button" className="button-primary" onClick={() => void answer({ status: 'completed' })}>{t('refer.inbox.complete')}</button> : null}
            {(view.status === 'requested' || view.status === 'accepted') && !declining
              ? <button type="button" onClick={() => setDeclining(true)}>{t('refer.inbox.decline')}</button> : null}
          </div>
          {declining ? (
            <form onSubmit={decline} className="reason-form">
              <div className="field">
                <label htmlFor="decline-reason">{t('refer.inbox.reason')}</label>
                <textarea id="decline-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
              </div>
              <button type="submit">{t('refer.inbox.decline')}</button>
            </form>
          ) : null}
        </>
      )}
      <p><Link to="/referrals/inbox">{t('refer.inbox.back')}</Link></p>
    </>
  );
}
