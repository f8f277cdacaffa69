/**
 * @module The educator's compliance view (`/learn/compliance`): who is compliant, due soon or
 * overdue under the state rules, filtered by facility, role and status; the CSV; completions over
 * time as a chart with a table giving the same numbers; assigning a course; and certificates with
 * revocation (a reason is required, and the server audits it); and print-ready signage.
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { isPermitted } from '../../web/session-types.ts';
import { labelRole } from '../../web/admin/role-labels.ts';
import { CompletionChart } from './completion-chart.tsx';
import { AssignCourseForm } from './assign-course-form.tsx';
import { CertificateAdmin } from './certificate-admin.tsx';
import { SignageDownloads } from './signage-downloads.tsx';
import type { ComplianceReport, ComplianceRowStatus, SeriesPoint } from './learn-types.ts';
import './learn.css';

interface Filter { facilityId: string; role: string; status: string }

const query = (filter: Filter): string => new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();

/** The page at `/learn/compliance`. */
export function CompliancePage(): ReactElement {
  const { t } = useMessages();
  const { api, session } = useSignedIn();
  const facilities = session.organizations.find((o) => o.id === session.organizationId)?.facilities ?? [];
  const [draft, setDraft] = useState<Filter>({ facilityId: '', role: '', status: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const report = useLoad(useCallback(() => api.get<ComplianceReport>(`/api/learn/compliance?${query(filter)}`), [api, filter]));
  const series = useLoad(useCallback(() => api.get<{ points: SeriesPoint[] }>(`/api/learn/compliance/series?${query({ facilityId: filter.facilityId, role: filter.role, status: '' })}`), [api, filter.facilityId, filter.role]));
  const statuses: Record<ComplianceRowStatus, string> = {
    compliant: t('learn.compliance.compliant'), 'due-soon': t('learn.compliance.dueSoon'), overdue: t('learn.compliance.overdue'),
    'not-applicable': t('learn.compliance.notApplicable'), 'no-profile': t('learn.compliance.noProfile'),
  };
  const roles = ['clinician', 'social-worker', 'educator', 'learner', 'program-lead', 'admin'];
  const apply = (event: FormEvent): void => {
    event.preventDefault();
    setFilter(draft);
  };
  const facilityName = (id: string | null): string => facilities.find((f) => f.id === id)?.name ?? '—';

  return (
    <>
      <PageHeading title={t('learn.compliance.title')}>{t('learn.compliance.title')}</PageHeading>
      <p className="lead">{t('learn.compliance.intro')}</p>
      <form className="card filters" onSubmit={apply} noValidate>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="compliance-facility">{t('learn.compliance.facility')}</label>
            <select id="compliance-facility" value={draft.facilityId} onChange={(e) => setDraft({ ...draft, facilityId: e.target.value })}>
              <option value="">{t('learn.compliance.allFacilities')}</option>
              {facilities.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="compliance-role">{t('learn.compliance.role')}</label>
            <select id="compliance-role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
              <option value="">{t('learn.compliance.allRoles')}</option>
              {roles.map((r) => <option key={r} value={r}>{labelRole(t, r)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="compliance-status">{t('learn.compliance.status')}</label>
            <select id="compliance-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
              <option value="">{t('learn.compliance.allStatuses')}</option>
              {(Object.keys(statuses) as ComplianceRowStatus[]).map((s) => <option key={s} value={s}>{statuses[s]}</option>)}
            </select>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button-primary">{t('learn.compliance.apply')}</button>
          {isPermitted(session, 'compliance', 'export') ? <a className="button-secondary" href={`/api/learn/compliance/export.csv?${query(filter)}`} download>{t('learn.compliance.csv')}</a> : null}
        </div>
      </form>
      <FormError message={report.error || series.error ? describeError(t, report.error ?? series.error) : undefined} />

      {report.data === undefined ? <p className="loading">{t('app.loading')}</p> : (
        <>
          <section aria-labelledby="compliance-summary">
            <h2 id="compliance-summary">{t('learn.compliance.summary')}</h2>
            <ul className="plain-list learn-counts">
              {(Object.keys(statuses) as ComplianceRowStatus[]).map((s) => (
                <li key={s} className="card"><span className="learn-count">{report.data!.counts[s]}</span>{statuses[s]}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="compliance-people">
            <h2 id="compliance-people">{t('learn.compliance.people')}</h2>
            {report.data.rows.length === 0 ? <p>{t('learn.compliance.nobody')}</p> : (
              <div className="table-scroll" role="region" aria-labelledby="compliance-people-caption" tabIndex={0}>
                <table className="data-table">
                  <caption id="compliance-people-caption">{t('learn.compliance.tableCaption', { today: report.data.today })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('learn.compliance.name')}</th><th scope="col">{t('learn.compliance.status')}</th>
                      <th scope="col">{t('learn.compliance.dueDate')}</th><th scope="col">{t('learn.compliance.facility')}</th>
                      <th scope="col">{t('learn.compliance.profession')}</th><th scope="col">{t('learn.compliance.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.data.rows.map((row) => (
                      <tr key={`${row.userId}-${row.ruleId ?? ''}`}>
                        <th scope="row">{row.displayName}<br /><span className="muted">{row.email}</span></th>
                        <td>{statuses[row.status]}</td>
                        <td>{row.dueDate ?? '—'}</td>
                        <td>{facilityName(row.facilityId)}</td>
                        <td>{row.profession ?? '—'}{row.jurisdiction ? ` (${row.jurisdiction})` : ''}</td>
                        <td>{row.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}

      <section aria-labelledby="compliance-series">
        <h2 id="compliance-series">{t('learn.compliance.seriesTitle')}</h2>
        {series.data === undefined ? <p className="loading">{t('app.loading')}</p> : (
          <>
            <CompletionChart points={series.data.points} label={t('learn.compliance.chartLabel')} completionsLabel={t('learn.compliance.completions')} learnersLabel={t('learn.compliance.learnersCompleted')} />
            <div className="table-scroll" role="region" aria-labelledby="compliance-series-caption" tabIndex={0}>
              <table className="data-table">
                <caption id="compliance-series-caption">{t('learn.compliance.seriesCaption')}</caption>
                <thead><tr><th scope="col">{t('learn.compliance.month')}</th><th scope="col">{t('learn.compliance.completions')}</th><th scope="col">{t('learn.compliance.learnersCompleted')}</th></tr></thead>
                <tbody>
                  {series.data.points.map((p) => <tr key={p.month}><th scope="row">{p.month}</th><td className="numeric">{p.completions}</td><td className="numeric">{p.learnersCompleted}</td></tr>)}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      {isPermitted(session, 'enrolment', 'create') && report.data ? <AssignCourseForm people={report.data.rows} /> : null}
      {isPermitted(session, 'certificate', 'update') ? <CertificateAdmin /> : null}
      <SignageDownloads />
    </>
  );
}
