/**
 * @module The program statistics dashboard (`/statistics`) for program leads: de-identified monthly
 * counts — screens by instrument and result, not-safe-to-screen and declined, cases opened and
 * closed, actions done and skipped — as charts, each with a table giving the same numbers. Small
 * counts read "<11", never a number. Filters: month range and facility; the CSV has the same rows.
 */
import { useCallback, useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { isPermitted } from '../../web/session-types.ts';
import { buildSections, hasDrawableCounts, monthsBetween, type Cell, type Section } from './statistics-model.ts';
import { StatisticsChart } from './statistics-chart.tsx';
import type { StatisticsRow } from './respond-types.ts';
import './respond.css';

interface Filter {
  from: string;
  to: string;
  facilityId: string;
}

const monthOf = (date: Date): string => date.toISOString().slice(0, 7);

function defaultFilter(): Filter {
  const now = new Date();
  return { from: monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1))), to: monthOf(now), facilityId: '' };
}

function query(filter: Filter): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to, ...(filter.facilityId ? { facilityId: filter.facilityId } : {}) });
  return params.toString();
}

/** The page at `/statistics`. */
export function StatisticsPage(): ReactElement {
  const { t } = useMessages();
  const { api, session } = useSignedIn();
  const facilities = session.organizations.find((o) => o.id === session.organizationId)?.facilities ?? [];
  const [draft, setDraft] = useState<Filter>(defaultFilter);
  const [filter, setFilter] = useState<Filter>(draft);
  const [formError, setFormError] = useState<string>();
  const load = useCallback(() => api.get<StatisticsRow[]>(`/api/statistics?${query(filter)}`), [api, filter]);
  const rows = useLoad(load);
  const sections = useMemo(() => (rows.data ? buildSections(rows.data, monthsBetween(filter.from, filter.to)) : []), [rows.data, filter]);
  const canExport = isPermitted(session, 'statistics', 'export');

  const titles: Record<Section['id'], string> = {
    screens: t('respond.stats.screens'), safety: t('respond.stats.safety'), cases: t('respond.stats.cases'),
    actions: t('respond.stats.actions'), other: t('respond.stats.other'),
  };
  const seriesLabel = useCallback((label: string): string => ({
    opened: t('respond.stats.opened'), closed: t('respond.stats.closedSeries'), done: t('respond.action.status.done'),
    skipped: t('respond.action.status.skipped'), 'not-applicable': t('respond.action.status.notApplicable'),
    'not-safe-to-screen': t('respond.screen.notSafe'), declined: t('respond.screen.declined'),
  } as Record<string, string>)[label] ?? label, [t]);
  const cellText = (cell: Cell): string => (cell === '<11' ? '<11' : cell === 'hidden' ? t('respond.stats.hidden') : String(cell));

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}$/.test(draft.from) || !/^\d{4}-\d{2}$/.test(draft.to) || draft.from > draft.to) {
      setFormError(t('respond.stats.badRange'));
      return;
    }
    setFormError(undefined);
    setFilter(draft);
  };

  return (
    <>
      <PageHeading title={t('respond.stats.title')}>{t('respond.stats.title')}</PageHeading>
      <p className="lead">{t('respond.stats.intro')}</p>
      <form className="card filters no-print" onSubmit={apply} noValidate>
        <FormError message={formError} />
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="stats-from">{t('respond.stats.from')}</label>
            <input id="stats-from" type="month" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="stats-to">{t('respond.stats.to')}</label>
            <input id="stats-to" type="month" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="stats-facility">{t('respond.stats.facility')}</label>
            <select id="stats-facility" value={draft.facilityId} onChange={(e) => setDraft({ ...draft, facilityId: e.target.value })}>
              <option value="">{t('respond.stats.allFacilities')}</option>
              {facilities.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
            </select>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button-primary">{t('respond.stats.apply')}</button>
          {canExport ? <a className="button-secondary" href={`/api/statistics.csv?${query(filter)}`} download>{t('respond.stats.csv')}</a> : null}
        </div>
      </form>
      <p className="notice notice-important">{t('respond.stats.suppression')}</p>
      <FormError message={rows.error ? describeError(t, rows.error) : undefined} />
      {rows.data === undefined ? <p className="loading">{t('app.loading')}</p> : sections.map((section) => (
        section.series.length === 0 && section.id === 'other' ? null : (
          <section key={section.id} aria-labelledby={`stats-${section.id}`}>
            <h2 id={`stats-${section.id}`}>{titles[section.id]}</h2>
            {section.series.length === 0 ? <p>{t('respond.stats.noData')}</p> : (
              <>
                {hasDrawableCounts(section)
                  ? <StatisticsChart section={section} label={t('respond.stats.chartLabel', { title: titles[section.id] })} seriesLabel={seriesLabel} />
                  : <p className="muted">{t('respond.stats.nothingToDraw')}</p>}
                <div className="table-scroll section-card" role="region" aria-labelledby={`stats-${section.id}-caption`} tabIndex={0}>
                  <table className="data-table">
                    <caption id={`stats-${section.id}-caption`}>{t('respond.stats.tableCaption', { title: titles[section.id] })}</caption>
                    <thead>
                      <tr><th scope="col">{t('respond.stats.month')}</th>{section.series.map((s) => <th scope="col" key={s.label}>{seriesLabel(s.label)}</th>)}</tr>
                    </thead>
                    <tbody>
                      {section.months.map((month, i) => (
                        <tr key={month}><th scope="row">{month}</th>{section.series.map((s) => <td key={s.label} className="numeric">{cellText(s.cells[i]!)}</td>)}</tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
        )
      ))}
    </>
  );
}
