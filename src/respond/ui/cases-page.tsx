/**
 * @module The cases list (`/cases`): open or closed cases, newest first, each with its pseudonym,
 * when it opened and how many recommended actions are still pending.
 */
import { useCallback, useState, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { formatTime } from '../../web/admin/format-time.ts';
import type { CaseSummary } from './respond-types.ts';
import './respond.css';

/** The page at `/cases`. */
export function CasesPage(): ReactElement {
  const { t, locale } = useMessages();
  const { api } = useSignedIn();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const load = useCallback(() => api.get<CaseSummary[]>(`/api/cases?status=${status}`), [api, status]);
  const cases = useLoad(load);
  return (
    <>
      <PageHeading title={t('respond.cases.title')}>{t('respond.cases.title')}</PageHeading>
      <p className="lead">{t('respond.cases.intro')}</p>
      <fieldset className="no-print">
        <legend>{t('respond.cases.show')}</legend>
        <div className="choices-grid">
          <label className="choice"><input type="radio" name="case-status" checked={status === 'open'} onChange={() => setStatus('open')} />{t('respond.cases.open')}</label>
          <label className="choice"><input type="radio" name="case-status" checked={status === 'closed'} onChange={() => setStatus('closed')} />{t('respond.cases.closed')}</label>
        </div>
      </fieldset>
      <FormError message={cases.error ? describeError(t, cases.error) : undefined} />
      <section aria-labelledby="case-list-heading">
        <h2 id="case-list-heading">{status === 'open' ? t('respond.cases.openHeading') : t('respond.cases.closedHeading')}</h2>
        {cases.data === undefined ? <p className="loading">{t('app.loading')}</p>
          : cases.data.length === 0 ? <p>{t('respond.cases.none')}</p> : (
            <ul className="plain-list cards case-list">
              {cases.data.map((c) => (
                <li key={c.id} className="card">
                  <h3 className="card-title"><Link to={`/cases/${c.id}`}>{t('respond.case.pseudonym', { pseudonym: c.pseudonym })}</Link></h3>
                  <p className="muted">{t('respond.cases.openedAt', { at: formatTime(c.openedAt, locale) })}</p>
                  <p>{c.status === 'open' ? t('respond.cases.pending', { count: c.pendingActions }) : t('respond.cases.closedAt', { at: formatTime(c.closedAt ?? c.openedAt, locale) })}</p>
                </li>
              ))}
            </ul>
          )}
      </section>
    </>
  );
}
