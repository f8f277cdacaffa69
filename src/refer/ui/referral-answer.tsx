/**
 * @module One received referral and the partner's answers to it (accept, decline with a reason,
 * complete), shared by the partner's inbox page and the signed-link page: only the consented
 * details while consent lasts.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import type { PartnerReferralView } from './referral-ui-types.ts';
import { fieldLabel, fieldOrder } from './referral-field-label.ts';

export type PartnerAnswerBody = { status: 'accepted' | 'completed' } | { status: 'rejected'; reason: string };

export interface ReferralAnswerProps {
  view: PartnerReferralView;
  /** Sends the answer; resolves true when it was recorded. */
  onAnswer: (answer: PartnerAnswerBody) => Promise<boolean>;
}

/** The referral's status, consented details and the answers its status allows. */
export function ReferralAnswer({ view, onAnswer }: ReferralAnswerProps): ReactElement {
  const { t } = useMessages();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const answered = useRef(false);

  useEffect(() => { if (declining) reasonRef.current?.focus(); }, [declining]);
  // The button pressed goes away with the new status: keyboard users continue from the status line.
  useEffect(() => {
    if (answered.current) statusRef.current?.focus();
    answered.current = false;
  }, [view.status]);

  const answer = async (body: PartnerAnswerBody): Promise<void> => {
    answered.current = true;
    if (await onAnswer(body)) {
      setDeclining(false);
      setReason('');
    } else {
      answered.current = false;
    }
  };
  const decline = (event: FormEvent): void => {
    event.preventDefault();
    void answer({ status: 'rejected', reason });
  };
  const open = view.status === 'requested' || view.status === 'accepted';

  return (
    <>
      <p id="referral-status" ref={statusRef} tabIndex={-1} data-status={view.status}>
        {t('refer.referrals.status', { service: view.serviceName, status: view.status })}
      </p>
      {view.status === 'rejected' && view.statusReason ? <p className="referral-reason">{t('refer.answer.reason', { reason: view.statusReason })}</p> : null}
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
        {open && !declining ? <button type="button" onClick={() => setDeclining(true)}>{t('refer.inbox.decline')}</button> : null}
      </div>
      {open && declining ? (
        <form onSubmit={decline} className="reason-form">
          <div className="field">
            <label htmlFor="decline-reason">{t('refer.inbox.reason')}</label>
            <textarea id="decline-reason" ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
          </div>
          <button type="submit">{t('refer.inbox.decline')}</button>
        </form>
      ) : null}
    </>
  );
}
