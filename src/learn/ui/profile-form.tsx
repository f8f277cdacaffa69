/**
 * @module The learner's training profile: profession, state, facility and license dates, which the
 * compliance rules (content/compliance/rules.yaml) read to say what training is due and when.
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError, StatusMessage } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { isPermitted } from '../../web/session-types.ts';
import type { ProfileView } from '../compliance-store.ts';

interface ProfileAnswer { profile: ProfileView | null; professions: { id: string; label: Record<string, string> }[] }
interface Draft { profession: string; jurisdiction: string; facilityId: string; licenseRenewalDate: string; licenseIssuedDate: string }

/** The profile form. */
export function ProfileForm(): ReactElement {
  const { t, locale } = useMessages();
  const { api, session } = useSignedIn();
  const loaded = useLoad(useCallback(() => api.get<ProfileAnswer>('/api/learn/profile'), [api]));
  const canReadStates = isPermitted(session, 'jurisdiction', 'read');
  const states = useLoad(useCallback(
    () => (canReadStates ? api.get<{ jurisdictions: { code: string; name: string }[] }>('/api/jurisdictions') : Promise.resolve({ jurisdictions: [] })),
    [api, canReadStates],
  ));
  const facilities = session.organizations.find((o) => o.id === session.organizationId)?.facilities ?? [];
  const [draft, setDraft] = useState<Draft>({ profession: '', jurisdiction: '', facilityId: '', licenseRenewalDate: '', licenseIssuedDate: '' });
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  useEffect(() => {
    const p = loaded.data?.profile;
    if (p) setDraft({ profession: p.profession, jurisdiction: p.jurisdiction, facilityId: p.facilityId ?? '', licenseRenewalDate: p.licenseRenewalDate ?? '', licenseIssuedDate: p.licenseIssuedDate ?? '' });
  }, [loaded.data]);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!draft.profession || !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(draft.jurisdiction)) {
      setError(t('learn.profile.missing'));
      return;
    }
    try {
      await api.put('/api/learn/profile', {
        profession: draft.profession, jurisdiction: draft.jurisdiction, facilityId: draft.facilityId || null,
        licenseRenewalDate: draft.licenseRenewalDate || null, licenseIssuedDate: draft.licenseIssuedDate || null,
      });
      setError(undefined);
      setStatus(t('learn.profile.saved'));
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  const set = (field: keyof Draft) => (event: { target: { value: string } }): void => setDraft({ ...draft, [field]: event.target.value });

  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t('learn.profile.title')}</h2>
      <p>{t('learn.profile.intro')}</p>
      <form className="card" onSubmit={(event) => void save(event)} noValidate>
        <FormError message={error ?? (loaded.error ? describeError(t, loaded.error) : undefined)} />
        <StatusMessage message={status} />
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="profile-profession">{t('learn.profile.profession')}</label>
            <select id="profile-profession" value={draft.profession} onChange={set('profession')}>
              <option value="">{t('learn.profile.choose')}</option>
              {(loaded.data?.professions ?? []).map((p) => <option key={p.id} value={p.id}>{p.label[locale] ?? p.label.en ?? p.id}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="profile-jurisdiction">{t('learn.profile.jurisdiction')}</label>
            {states.data && states.data.jurisdictions.length > 0 ? (
              <select id="profile-jurisdiction" value={draft.jurisdiction} onChange={set('jurisdiction')}>
                <option value="">{t('learn.profile.choose')}</option>
                {states.data.jurisdictions.map((j) => <option key={j.code} value={j.code}>{j.name}</option>)}
              </select>
            ) : (
              <>
                <p className="hint" id="profile-jurisdiction-hint">{t('learn.profile.jurisdictionHint')}</p>
                <input id="profile-jurisdiction" value={draft.jurisdiction} onChange={(e) => setDraft({ ...draft, jurisdiction: e.target.value.toUpperCase() })} aria-describedby="profile-jurisdiction-hint" />
              </>
            )}
          </div>
          <div className="field">
            <label htmlFor="profile-facility">{t('learn.compliance.facility')}</label>
            <select id="profile-facility" value={draft.facilityId} onChange={set('facilityId')}>
              <option value="">{t('learn.profile.noFacility')}</option>
              {facilities.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="profile-renewal">{t('learn.profile.renewal')}</label>
            <input id="profile-renewal" type="date" value={draft.licenseRenewalDate} onChange={set('licenseRenewalDate')} />
          </div>
          <div className="field">
            <label htmlFor="profile-issued">{t('learn.profile.issued')}</label>
            <input id="profile-issued" type="date" value={draft.licenseIssuedDate} onChange={set('licenseIssuedDate')} />
          </div>
        </div>
        <div className="actions"><button type="submit" className="button-primary">{t('learn.profile.save')}</button></div>
      </form>
    </section>
  );
}
