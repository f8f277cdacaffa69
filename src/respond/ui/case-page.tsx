/**
 * @module The case page (`/cases/:id`): the timeline of recommended actions in protocol order,
 * the way to refer the patient and where each referral stands, tasks, encrypted notes,
 * documentation help, closing the case, and the way to the handoff summary.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link, usePath } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, StatusMessage } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { formatTime } from '../../web/admin/format-time.ts';
import { isPermitted } from '../../web/session-types.ts';
import { ActionCard } from './action-card.tsx';
import { CaseTasks } from './case-tasks.tsx';
import { CaseNotes } from './case-notes.tsx';
import { DocumentationHelp } from './documentation-help.tsx';
import { CaseContextFacts } from './case-context-facts.tsx';
import { CaseReferrals } from './case-referrals.tsx';
import type { ActionStatus, Assignee, CaseAction, CaseRecord } from './respond-types.ts';
import './respond.css';

/** The id in `/cases/:id` (and `/cases/:id/handoff`). */
export function useCaseId(): string {
  const match = /^\/cases\/([^/]+)/.exec(usePath());
  return match ? decodeURIComponent(match[1]!) : '';
}

// After a step is marked its buttons go away, and closing removes the close button: keyboard users
// continue at the next pending step, or at the top of the case.
function moveFocus(to: 'next-pending' | 'title'): void {
  const next = to === 'next-pending' ? document.querySelector<HTMLButtonElement>('.action-card[data-status="pending"] .button-primary') : null;
  (next ?? document.getElementById(to === 'title' ? 'page-title' : 'case-progress'))?.focus();
}

/** The page at `/cases/:id`. */
export function CasePage(): ReactElement {
  const { t, locale } = useMessages();
  const { api, session } = useSignedIn();
  const id = useCaseId();
  const load = useCallback(() => api.get<CaseRecord>(`/api/cases/${encodeURIComponent(id)}`), [api, id]);
  const record = useLoad(load);
  const canUpdate = isPermitted(session, 'case', 'update');
  const canRefer = isPermitted(session, 'referral', 'create');
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [current, setCurrent] = useState<CaseRecord>();
  const focusAfterRender = useRef<'next-pending' | 'title' | undefined>(undefined);

  useEffect(() => {
    if (canUpdate) api.get<Assignee[]>('/api/cases/assignees').then(setAssignees, () => setAssignees([]));
  }, [api, canUpdate]);
  useEffect(() => { setCurrent(record.data); }, [record.data]);
  useEffect(() => {
    if (focusAfterRender.current) moveFocus(focusAfterRender.current);
    focusAfterRender.current = undefined;
  }, [current]);

  const names = useMemo(() => new Map(assignees.map((a) => [a.id, a.displayName])), [assignees]);
  const nameOf = useCallback((userId: string | null): string =>
    userId === session.user.id ? t('respond.case.you') : (userId && names.get(userId)) || t('respond.case.colleague'), [names, session.user.id, t]);

  /** Sends a change; the answer is the updated case. */
  const change = async (method: 'post', path: string, body: unknown, done: string): Promise<boolean> => {
    setStatus(undefined);
    setError(undefined);
    try {
      setCurrent(await api[method]<CaseRecord>(`/api/cases/${encodeURIComponent(id)}${path}`, body));
      setStatus(done);
      return true;
    } catch (failure) {
      focusAfterRender.current = undefined;
      setError(describeError(t, failure));
      return false;
    }
  };

  const onStatus = async (action: CaseAction, next: Exclude<ActionStatus, 'pending'>, reason?: string): Promise<boolean> => {
    focusAfterRender.current = 'next-pending';
    return change('post', `/actions/${action.id}`, { status: next, ...(reason ? { reason } : {}) }, t('respond.action.saved'));
  };

  // The close section goes away with its button; keyboard users continue from the top of the case.
  const closeCase = async (): Promise<void> => {
    focusAfterRender.current = 'title';
    await change('post', '/close', undefined, t('respond.case.closed'));
  };

  if (!current) {
    return (
      <>
        <PageHeading title={t('respond.case.title')}>{t('respond.case.title')}</PageHeading>
        {record.error ? <FormError message={describeError(t, record.error)} /> : <p className="loading">{t('app.loading')}</p>}
      </>
    );
  }

  const open = current.status === 'open';
  const pending = current.actions.filter((a) => a.status === 'pending').length;
  const title = t('respond.case.pseudonym', { pseudonym: current.pseudonym });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">
        {open ? t('respond.case.openSince', { at: formatTime(current.openedAt, locale) }) : t('respond.case.closedOn', { at: formatTime(current.closedAt ?? current.openedAt, locale) })}
      </p>
      <CaseContextFacts record={current} />
      <StatusMessage message={status} />
      <FormError message={error} />
      <div className="actions no-print">
        {canRefer && open ? <Link to={`/cases/${current.id}/referrals`} className="button-secondary">{t('respond.case.refer')}</Link> : null}
        <Link to={`/cases/${current.id}/handoff`} className="button-secondary">{t('respond.case.handoff')}</Link>
        <Link to="/cases" className="button-quiet">{t('respond.case.backToList')}</Link>
      </div>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('respond.case.timeline')}</h2>
        <p id="case-progress" tabIndex={-1}>{t('respond.case.progress', { pending, total: current.actions.length })}</p>
        <ol className="timeline">
          {current.actions.map((action) => (
            <ActionCard key={action.id} action={action} canUpdate={canUpdate && open} nameOf={nameOf} onStatus={onStatus} />
          ))}
        </ol>
      </section>

      <CaseReferrals timeline={current.timeline} />
      <CaseTasks tasks={current.tasks} assignees={assignees} canUpdate={canUpdate && open} nameOf={nameOf}
        onAdd={(task) => change('post', '/tasks', task, t('respond.tasks.added'))}
        onComplete={(task) => change('post', `/tasks/${task.id}/complete`, undefined, t('respond.tasks.completed'))} />
      <CaseNotes notes={current.notes} canUpdate={canUpdate && open} nameOf={nameOf}
        onAdd={(note) => change('post', '/notes', note, t('respond.notes.added'))} />
      {open ? <DocumentationHelp caseId={current.id} /> : null}

      {canUpdate && open ? (
        <section aria-labelledby="close-heading" className="section-card">
          <h2 id="close-heading">{t('respond.case.closeHeading')}</h2>
          <p>{pending > 0 ? t('respond.case.closeWithPending', { pending }) : t('respond.case.closeReady')}</p>
          <div className="actions">
            <button type="button" className="button-secondary" onClick={() => void closeCase()}>{t('respond.case.close')}</button>
          </div>
        </section>
      ) : null}
    </>
  );
}
