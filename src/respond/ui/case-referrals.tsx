/**
 * @module The case's referrals, read from its own timeline: Refer records each change (sent,
 * accepted, declined with a reason, completed, withdrawn) as a `referral-*` case event, so the
 * case shows where every referral stands, and how it got there, without a second request.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { formatTime } from '../../web/admin/format-time.ts';
import type { CaseEvent } from './respond-types.ts';
import { referralsOf } from './case-referral-history.ts';

export interface CaseReferralsProps {
  timeline: CaseEvent[];
}

/** The referrals section of the case page. */
export function CaseReferrals({ timeline }: CaseReferralsProps): ReactElement {
  const { t, locale } = useMessages();
  const referrals = referralsOf(timeline);
  return (
    <section aria-labelledby="referrals-heading" className="section-card">
      <h2 id="referrals-heading">{t('respond.referrals.heading')}</h2>
      {referrals.length === 0 ? <p>{t('respond.referrals.none')}</p> : (
        <ul className="plain-list cards case-referrals">
          {referrals.map((referral) => {
            const current = referral.changes[referral.changes.length - 1]!.status;
            return (
              <li key={referral.id} className="card" data-status={current}>
                <h3 className="card-title">{t('respond.referrals.current', { service: referral.service, status: current })}</h3>
                <ol className="referral-history">
                  {referral.changes.map((change) => (
                    <li key={change.id} data-status={change.status}>
                      {t('respond.referrals.change', { status: change.status, at: formatTime(change.at, locale) })}
                      {change.reason ? <> {t('respond.referrals.reason', { reason: change.reason })}</> : null}
                    </li>
                  ))}
                </ol>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
