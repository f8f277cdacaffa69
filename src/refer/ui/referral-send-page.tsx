/**
 * @module `/cases/:id/referrals`: the case's referrals and the form that sends a new one: a
 * service found in the directory, the receiving organization (or none, for a signed link), the
 * fields the patient agreed to share and until when. Also the patient card, in the patient's language.
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link, usePath } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, StatusMessage, TextField } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import type { DirectoryHit, PartnerOrganization, ReferralView, ShareableField } from './referral-ui-types.ts';
import { fieldLabel, fieldOrder } from './referral-field-label.ts';
import { DirectorySearch } from './directory-search.tsx';
import { emptyDirectoryQuery, type DirectoryQuery } from './directory-query.ts';

const inDays = (days: number): string => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

/** The page at `/cases/:id/referrals`. */
export function ReferralSendPage(): ReactElement {
  const { t, locale } = useMessages();
  const { api } = useSignedIn();
  const caseId = /^\/cases\/([^/]+)\/referrals$/.exec(usePath())?.[1] ?? '';
  const referrals = useLoad(useCallback(() => api.get<ReferralView[]>(`/api/cases/${caseId}/referrals`), [api, caseId]));
  const partners = useLoad(useCallback(() => api.get<PartnerOrganization[]>('/api/referral-partners'), [api]));
  const [query, setQuery] = useState<DirectoryQuery>(emptyDirectoryQuery);
  const [hits, setHits] = useState<DirectoryHit[]>([]);
  const [serviceId, setServiceId] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [fields, setFields] = useState<Partial<Record<ShareableField, string>>>({});
  const [until, setUntil] = useState(inDays(30));
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();

  // The service list offers the results on screen. Once the user has searched, the first is chosen
  // unless the choice is among them; the directory listed on arrival chooses nothing by itself.
  const searched = query !== emptyDirectoryQuery;
  const showResults = useCallback((results: DirectoryHit[]) => {
    setHits(results);
    setServiceId((current) => (results.some((h) => h.serviceId === current) ? current : searched ? results[0]?.serviceId ?? '' : ''));
  }, [searched]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const shared = Object.fromEntries(Object.entries(fields).filter(([, v]) => v && v.trim() !== ''));
    try {
      await api.post<ReferralView>(`/api/cases/${caseId}/referrals`, {
        serviceId,
        consent: { fields: Object.keys(shared), partnerOrganizationId: partnerId || null, until: new Date(`${until}T23:59:59Z`).toISOString() },
        shared,
      });
      setError(undefined);
      setStatus(t('refer.referrals.sent'));
      setFields({});
      await referrals.reload();
    } catch (failure) {
      setStatus(undefined);
      setError(describeError(t, failure));
    }
  };

  const issueLink = async (id: string) => {
    try {
      const link = await api.post<{ url: string; expiresAt: string }>(`/api/referrals/${id}/link`, {});
      setStatus(t('refer.referrals.linkReady', { url: link.url, at: new Date(link.expiresAt).toLocaleDateString(locale) }));
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };

  const chosen = [...new Set((referrals.data ?? []).filter((r) => r.status !== 'cancelled' && r.status !== 'rejected').map((r) => r.serviceId))];
  const cardQuery = `${chosen.map((id) => `service=${encodeURIComponent(id)}`).join('&')}&language=${encodeURIComponent(fields.preferredLanguage ?? locale)}`;
  return (
    <>
      <PageHeading title={t('refer.referrals.title')}>{t('refer.referrals.title')}</PageHeading>
      <p className="lead">{t('refer.referrals.intro')}</p>
      <FormError message={error ?? (referrals.error ? describeError(t, referrals.error) : undefined)} />
      <StatusMessage message={status} />
      <section aria-labelledby="referral-list-heading">
        <h2 id="referral-list-heading">{t('refer.referrals.existing')}</h2>
        {referrals.data === undefined ? <p className="loading">{t('app.loading')}</p>
          : referrals.data.length === 0 ? <p>{t('refer.referrals.none')}</p> : (
            <ul className="plain-list referral-list">
              {referrals.data.map((r) => (
                <li key={r.id} data-status={r.status}>
                  <span>{t('refer.referrals.status', { service: r.serviceName, status: r.status })}</span>
                  {r.partnerOrganizationId === null && (r.status === 'requested' || r.status === 'accepted')
                    ? <> <button type="button" onClick={() => void issueLink(r.id)}>{t('refer.referrals.issueLink')}</button></> : null}
                </li>
              ))}
            </ul>
          )}
        {chosen.length > 0 ? (
          <p>
            <a href={`/api/referral-handout.pdf?${cardQuery}`}>{t('refer.referrals.print')}</a>{' · '}
            <a href={`/api/referral-handout.html?${cardQuery}`}>{t('refer.referrals.printPage')}</a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="referral-search-heading" className="referral-search">
        <h2 id="referral-search-heading">{t('refer.referrals.search')}</h2>
        <DirectorySearch idPrefix="referral" query={query} onSearch={setQuery} onResults={showResults} headingLevel={3} />
      </section>
      <form onSubmit={(e) => void send(e)} className="referral-form">
        <div className="field">
          <label htmlFor="referral-service">{t('refer.referrals.service')}</label>
          <select id="referral-service" value={serviceId} onChange={(e) => setServiceId(e.target.value)} required>
            <option value="">{t('refer.referrals.chooseService')}</option>
            {[...new Map(hits.map((h) => [h.serviceId, h])).values()].map((h) => <option key={h.serviceId} value={h.serviceId}>{`${h.name} (${h.organizationName})`}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="referral-partner">{t('refer.referrals.partner')}</label>
          <select id="referral-partner" value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
            <option value="">{t('refer.referrals.partnerLink')}</option>
            {(partners.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
        <fieldset>
          <legend>{t('refer.referrals.consentLegend')}</legend>
          {fieldOrder.map((field) => (
            <TextField key={field} id={`referral-${field}`} label={fieldLabel(t, field)} value={fields[field] ?? ''}
              onChange={(value) => setFields((current) => ({ ...current, [field]: value }))} />
          ))}
        </fieldset>
        <TextField id="referral-until" label={t('refer.referrals.until')} type="date" value={until} onChange={setUntil} required />
        <button type="submit" className="button-primary" disabled={serviceId === ''}>{t('refer.referrals.send')}</button>
      </form>
      <div className="actions">
        <Link to={`/cases/${caseId}`} className="button-quiet">{t('refer.notifications.openCase')}</Link>
      </div>
    </>
  );
}
