/**
 * @module The printable handoff summary (`/cases/:id/handoff`): what the next team member needs to
 * continue — the case's pseudonym, screen result, where each recommended action stands, where to
 * report, open tasks — and only the non-sensitive notes the sender picks. Prints without the app's
 * header, navigation or controls.
 */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { formatTime } from '../../web/admin/format-time.ts';
import { actionName } from './action-text.ts';
import { ActionContactDetails } from './action-contact.tsx';
import { useCaseId } from './case-page.tsx';
import { useScreenLabel } from './case-context-facts.tsx';
import type { ActionContact, CaseRecord, Handoff } from './respond-types.ts';
import './respond.css';

/** The page at `/cases/:id/handoff`. */
export function HandoffPage(): ReactElement {
  const { t, locale } = useMessages();
  const { api } = useSignedIn();
  const id = useCaseId();
  const screenLabel = useScreenLabel();
  const loadCase = useCallback(() => api.get<CaseRecord>(`/api/cases/${encodeURIComponent(id)}`), [api, id]);
  const record = useLoad(loadCase);
  const [chosen, setChosen] = useState<string[]>([]);
  const [handoff, setHandoff] = useState<Handoff>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const query = chosen.map((noteId) => `notes=${encodeURIComponent(noteId)}`).join('&');
    api.get<Handoff>(`/api/cases/${encodeURIComponent(id)}/handoff${query ? `?${query}` : ''}`).then(setHandoff, setError);
  }, [api, id, chosen]);

  const statusText = (status: string): string => ({
    pending: t('respond.action.status.pending'), done: t('respond.action.status.done'),
    skipped: t('respond.action.status.skipped'), 'not-applicable': t('respond.action.status.notApplicable'),
  } as Record<string, string>)[status] ?? status;
  const shareable = record.data?.notes.filter((n) => !n.sensitive) ?? [];
  const title = handoff ? t('respond.handoff.title', { pseudonym: handoff.pseudonym }) : t('respond.handoff.heading');

  return (
    <div className="handoff">
      <PageHeading title={title}>{title}</PageHeading>
      <FormError message={error || record.error ? describeError(t, error ?? record.error) : undefined} />
      <div className="no-print stack">
        <p className="lead">{t('respond.handoff.intro')}</p>
        {shareable.length > 0 ? (
          <fieldset>
            <legend>{t('respond.handoff.chooseNotes')}</legend>
            {shareable.map((note) => (
              <label key={note.id} className="choice">
                <input type="checkbox" checked={chosen.includes(note.id)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, note.id] : chosen.filter((n) => n !== note.id))} />
                {note.body.length > 80 ? `${note.body.slice(0, 80)}…` : note.body}
              </label>
            ))}
          </fieldset>
        ) : <p className="muted">{t('respond.handoff.noShareableNotes')}</p>}
        <div className="actions">
          <button type="button" className="button-primary" onClick={() => window.print()}>{t('respond.handoff.print')}</button>
          <Link to={`/cases/${id}`} className="button-quiet">{t('respond.handoff.back')}</Link>
        </div>
      </div>
      {handoff ? (
        <article aria-labelledby="handoff-summary-heading">
          <h2 id="handoff-summary-heading">{t('respond.handoff.summary')}</h2>
          <dl className="facts">
            <dt>{t('respond.handoff.case')}</dt><dd>{handoff.pseudonym}</dd>
            <dt>{t('respond.handoff.opened')}</dt><dd>{formatTime(handoff.openedAt, locale)}</dd>
            <dt>{t('respond.handoff.status')}</dt><dd>{handoff.status === 'open' ? t('respond.cases.open') : t('respond.cases.closed')}</dd>
            <dt>{t('respond.case.screen')}</dt><dd>{screenLabel(handoff.screen)}</dd>
            {handoff.ageYears !== undefined ? <><dt>{t('respond.case.age')}</dt><dd>{t('respond.case.ageYears', { age: handoff.ageYears })}</dd></> : null}
            {handoff.jurisdiction ? <><dt>{t('respond.case.jurisdiction')}</dt><dd>{handoff.jurisdiction}</dd></> : null}
          </dl>
          <h3>{t('respond.handoff.actions')}</h3>
          <div className="table-scroll" role="region" aria-labelledby="handoff-actions-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="handoff-actions-caption">{t('respond.handoff.actionsCaption')}</caption>
              <thead><tr><th scope="col">{t('respond.handoff.action')}</th><th scope="col">{t('respond.handoff.status')}</th></tr></thead>
              <tbody>
                {handoff.actions.map((a) => <tr key={a.code}><td>{actionName(a.code, locale)}</td><td>{statusText(a.status)}</td></tr>)}
              </tbody>
            </table>
          </div>
          {handoff.actions.filter((a) => a.contact && a.status === 'pending').map((a) => (
            <div key={a.code}>
              <h3>{t('respond.handoff.contactFor', { action: actionName(a.code, locale) })}</h3>
              <ActionContactDetails contact={a.contact as ActionContact} />
            </div>
          ))}
          <h3>{t('respond.handoff.openTasks')}</h3>
          {handoff.openTasks.length === 0 ? <p>{t('respond.handoff.noTasks')}</p> : (
            <ul>{handoff.openTasks.map((task) => <li key={task.title + task.dueDate}>{t('respond.handoff.taskDue', { title: task.title, due: task.dueDate })}</li>)}</ul>
          )}
          {handoff.notes.length > 0 ? (
            <>
              <h3>{t('respond.handoff.notes')}</h3>
              {handoff.notes.map((note) => <p key={note.createdAt} style={{ whiteSpace: 'pre-wrap' }}>{note.body}</p>)}
            </>
          ) : null}
        </article>
      ) : null}
    </div>
  );
}
