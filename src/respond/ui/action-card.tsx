/**
 * @module One recommended action on the case timeline: the action in the reader's language, why it
 * applies, its sources and contact, its status (by whom and when), and the controls to mark it done,
 * skipped with a reason, or not applicable with a reason.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { formatTime } from '../../web/admin/format-time.ts';
import { actionName, reasonIn } from './action-text.ts';
import { ActionContactDetails } from './action-contact.tsx';
import type { ActionStatus, CaseAction } from './respond-types.ts';

export interface ActionCardProps {
  action: CaseAction;
  canUpdate: boolean;
  nameOf: (userId: string | null) => string;
  onStatus: (action: CaseAction, status: Exclude<ActionStatus, 'pending'>, reason?: string) => Promise<boolean>;
}

/** A timeline entry. */
export function ActionCard({ action, canUpdate, nameOf, onStatus }: ActionCardProps): ReactElement {
  const { t, locale } = useMessages();
  const [asking, setAsking] = useState<'skipped' | 'not-applicable'>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const titleId = `action-${action.id}-title`;
  const reasonId = `action-${action.id}-reason`;
  const name = actionName(action.code, locale);
  const statusText = {
    pending: t('respond.action.status.pending'),
    done: t('respond.action.status.done'),
    skipped: t('respond.action.status.skipped'),
    'not-applicable': t('respond.action.status.notApplicable'),
  }[action.status];

  const submitReason = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!asking) return;
    if (!reason.trim()) {
      setReasonError(t('respond.action.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    if (await onStatus(action, asking, reason.trim())) {
      setAsking(undefined);
      setReason('');
    }
  };

  return (
    <li className="card action-card" data-status={action.status} aria-labelledby={titleId}>
      <h3 className="action-title" id={titleId}>
        <span>{name}</span>
        <span className={`status-badge status-${action.status}`}>{statusText}</span>
      </h3>
      <p>{reasonIn(action.recommendation, locale)}</p>
      {action.recommendation.contact ? <ActionContactDetails contact={action.recommendation.contact} /> : null}
      {action.recommendation.sources.length > 0 ? (
        <details className="sources">
          <summary>{t('respond.action.sources', { count: action.recommendation.sources.length })}</summary>
          <ul>{action.recommendation.sources.map((source) => <li key={source}>{source}</li>)}</ul>
        </details>
      ) : null}
      {action.status !== 'pending' ? (
        <p className="muted">
          {t('respond.action.actedBy', { who: nameOf(action.actedBy), at: action.actedAt ? formatTime(action.actedAt, locale) : '' })}
          {action.statusReason ? <> — {t('respond.action.because', { reason: action.statusReason })}</> : null}
        </p>
      ) : null}
      {canUpdate && action.status === 'pending' ? (
        asking ? (
          <form className="reason-form" onSubmit={(event) => void submitReason(event)} noValidate>
            <div className="field">
              <label htmlFor={reasonId}>{asking === 'skipped' ? t('respond.action.skipReason', { action: name }) : t('respond.action.naReason', { action: name })}</label>
              {reasonError ? <p className="field-error" id={`${reasonId}-error`}>{reasonError}</p> : null}
              <textarea id={reasonId} value={reason} onChange={(event) => setReason(event.target.value)} rows={3} maxLength={2000}
                aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${reasonId}-error` : undefined} autoFocus />
            </div>
            <div className="actions">
              <button type="submit" className="button-primary">{t('respond.action.saveReason')}</button>
              <button type="button" className="button-secondary" onClick={() => { setAsking(undefined); setReasonError(undefined); }}>{t('form.cancel')}</button>
            </div>
          </form>
        ) : (
          <div className="actions">
            <button type="button" className="button-primary" aria-describedby={titleId} onClick={() => void onStatus(action, 'done')}>{t('respond.action.markDone')}</button>
            <button type="button" className="button-secondary" aria-describedby={titleId} onClick={() => setAsking('skipped')}>{t('respond.action.skip')}</button>
            <button type="button" className="button-secondary" aria-describedby={titleId} onClick={() => setAsking('not-applicable')}>{t('respond.action.notApplicable')}</button>
          </div>
        )
      ) : null}
    </li>
  );
}
