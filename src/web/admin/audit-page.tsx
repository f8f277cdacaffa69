/**
 * @module Admin: the audit log — filter by time, actor, action, resource type and outcome, page
 * through events (GET /api/audit) and download the same selection as CSV (/api/audit/export.csv).
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSignedIn } from '../session.tsx';
import { describeError } from '../error-messages.ts';
import { FormError, TextField } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { isPermitted, type AuditPage as AuditPageView } from '../session-types.ts';
import { auditQuery, emptyAuditFilters, type AuditFilters } from './audit-query.ts';
import { formatTime } from './format-time.ts';
import { AuditTable } from './audit-table.tsx';

const PAGE_SIZE = 50;

/** The audit log page. */
export function AuditPage(): ReactElement {
  const { t, locale } = useMessages();
  const { api, session } = useSignedIn();
  const [draft, setDraft] = useState<AuditFilters>(emptyAuditFilters);
  const [filters, setFilters] = useState<AuditFilters>(emptyAuditFilters);
  // Cursors of the pages before this one, so "Previous" can go back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<AuditPageView>();
  const [error, setError] = useState<string>();
  const cursor = cursors[cursors.length - 1];
  const canExport = isPermitted(session, 'audit', 'export');

  const load = useCallback(async () => {
    try {
      setPage(await api.get<AuditPageView>(`/api/audit${auditQuery(filters, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) })}`));
      setError(undefined);
    } catch (failure) {
      setError(describeError(t, failure));
    }
  }, [api, filters, cursor, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    setFilters(draft);
    setCursors([undefined]);
  };
  const clear = (): void => {
    setDraft(emptyAuditFilters);
    setFilters(emptyAuditFilters);
    setCursors([undefined]);
  };
  const set = (name: keyof AuditFilters) => (value: string): void => setDraft((current) => ({ ...current, [name]: value }));

  return (
    <>
      <PageHeading title={t('audit.title')}>{t('audit.title')}</PageHeading>
      <p className="lead">{t('audit.intro')}</p>
      <FormError message={error} />
      <form className="card filters" onSubmit={apply} aria-labelledby="audit-filters-heading">
        <h2 id="audit-filters-heading" className="card-title">{t('audit.filters')}</h2>
        <div className="filter-grid">
          <TextField id="audit-from" label={t('audit.from')} type="date" value={draft.from} onChange={set('from')} />
          <TextField id="audit-to" label={t('audit.to')} type="date" value={draft.to} onChange={set('to')} />
          <TextField id="audit-actor" label={t('audit.actor')} value={draft.actor} onChange={set('actor')} autoComplete="off" />
          <TextField id="audit-action" label={t('audit.action')} hint={t('audit.actionHint')} value={draft.action} onChange={set('action')} autoComplete="off" />
          <TextField id="audit-resource" label={t('audit.resourceType')} value={draft.resourceType} onChange={set('resourceType')} autoComplete="off" />
          <div className="field">
            <label htmlFor="audit-outcome">{t('audit.outcome')}</label>
            <select id="audit-outcome" value={draft.outcome} onChange={(event) => set('outcome')(event.target.value)}>
              <option value="">{t('audit.outcome.any')}</option>
              <option value="success">{t('audit.outcome.success')}</option>
              <option value="denied">{t('audit.outcome.denied')}</option>
              <option value="failure">{t('audit.outcome.failure')}</option>
            </select>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button-primary">{t('audit.apply')}</button>
          <button type="button" className="button-secondary" onClick={clear}>{t('audit.clear')}</button>
          {canExport ? <a className="button-secondary" href={`/api/audit/export.csv${auditQuery(filters)}`} download>{t('audit.export')}</a> : null}
        </div>
      </form>
      <section aria-labelledby="audit-results-heading">
        <h2 id="audit-results-heading">{t('audit.results')}</h2>
        {page === undefined ? (error ? null : <p>{t('app.loading')}</p>) : page.events.length === 0 ? <p>{t('audit.none')}</p> : (
          <AuditTable events={page.events} formatAt={(iso) => formatTime(iso, locale)} />
        )}
        <nav className="pager actions" aria-label={t('audit.paging')}>
          <button type="button" className="button-secondary" disabled={cursors.length <= 1}
            onClick={() => setCursors((current) => current.slice(0, -1))}>{t('audit.previous')}</button>
          <button type="button" className="button-secondary" disabled={!page?.nextCursor}
            onClick={() => page?.nextCursor && setCursors((current) => [...current, page.nextCursor ?? undefined])}>{t('audit.next')}</button>
        </nav>
      </section>
    </>
  );
}
