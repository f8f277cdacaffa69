/**
 * @module `/directory/listings/new` and `/directory/listings/:id`: the listing editor. It loads the
 * whole listing (confidential address included), saves it as an HSDS service document through
 * the directory API, and shows each field's error from the API beside that field.
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link, navigate, usePath } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, StatusMessage, TextField } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { ApiError } from '../../web/api.ts';
import type { Translate } from '../../platform/i18n/format.ts';
import { categoryGroups, populationTerms, termLabel } from './directory-terms.ts';
import { emptyListingForm, formFieldOf, newId, phoneTypes, serviceStatuses, toListingForm, toServiceDocument, weekDays, type ListingForm, type WeekDay } from './listing-document.ts';
import './directory.css';

type Doc = Record<string, unknown>;

/** The page at `/directory/listings/new` and `/directory/listings/:id`. */
export function ListingEditorPage(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const idInPath = decodeURIComponent(/^\/directory\/listings\/([^/]+)$/.exec(usePath())?.[1] ?? 'new');
  const creating = idInPath === 'new';
  const [base, setBase] = useState<Doc>();
  const [form, setForm] = useState<ListingForm>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    if (creating) {
      setBase({});
      setForm(emptyListingForm());
      return;
    }
    api.get<Doc>(`/api/directory/listings/${encodeURIComponent(idInPath)}`).then((document) => {
      setBase(document);
      setForm(toListingForm(document));
    }, (error: unknown) => setFailure(describeError(t, error)));
  }, [api, creating, idInPath, t]);

  if (!form || !base) {
    return (
      <>
        <PageHeading title={t('refer.listing.editTitle')}>{t('refer.listing.editTitle')}</PageHeading>
        <FormError message={failure} />
        {failure ? null : <p className="loading">{t('app.loading')}</p>}
      </>
    );
  }

  const set = <K extends keyof ListingForm>(field: K, value: ListingForm[K]): void => setForm((f) => (f ? { ...f, [field]: value } : f));
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setStatus(undefined);
    const missing: Record<string, string> = {};
    if (form.name.trim() === '') missing.name = t('refer.listing.required');
    if (form.organizationName.trim() === '') missing.organizationName = t('refer.listing.required');
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setFailure(t('refer.listing.fixErrors'));
      return;
    }
    const service = toServiceDocument(form, base);
    try {
      const saved = creating
        ? await api.post<Doc>('/api/directory/services', { service })
        : await api.put<Doc>(`/api/directory/services/${encodeURIComponent(form.serviceId)}`, { service });
      setErrors({});
      setFailure(undefined);
      if (creating) {
        navigate(`/directory/listings/${encodeURIComponent(String(saved.id))}`, { replace: true });
        return;
      }
      const reloaded = await api.get<Doc>(`/api/directory/listings/${encodeURIComponent(form.serviceId)}`);
      setBase(reloaded);
      setForm(toListingForm(reloaded));
      setStatus(t('refer.listing.saved'));
    } catch (error) {
      const fields = fieldErrors(t, error);
      setErrors(fields);
      setFailure(Object.keys(fields).length > 0 ? t('refer.listing.fixErrors') : describeError(t, error));
    }
  };
  const remove = async (): Promise<void> => {
    try {
      await api.delete(`/api/directory/services/${encodeURIComponent(form.serviceId)}`);
      navigate('/directory/listings');
    } catch (error) {
      setFailure(describeError(t, error));
    }
  };
  const toggleTerm = (id: string, on: boolean): void => set('terms', on ? [...form.terms, id] : form.terms.filter((x) => x !== id));
  const field = (name: keyof ListingForm & string, label: string, extra: { hint?: string; type?: string; inputMode?: 'numeric' | 'decimal' | 'email' | 'url' | 'tel'; autoComplete?: string } = {}): ReactElement => (
    <TextField id={`listing-${name}`} label={label} value={String(form[name])} onChange={(v) => set(name, v as never)} error={errors[name]} {...extra} />
  );
  const title = creating ? t('refer.listing.newTitle') : t('refer.listing.editTitle');

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p><Link to="/directory/listings">{t('refer.listing.back')}</Link></p>
      <FormError message={failure} />
      <StatusMessage message={status} />
      <form onSubmit={(e) => void save(e)} noValidate className="listing-form">
        <fieldset>
          <legend>{t('refer.listing.serviceLegend')}</legend>
          {field('name', t('refer.listing.name'))}
          {field('organizationName', t('refer.listing.organization'))}
          <div className="field">
            <label htmlFor="listing-description">{t('refer.listing.description')}</label>
            {errors.description ? <p className="field-error" id="listing-description-error">{errors.description}</p> : null}
            <textarea id="listing-description" value={form.description} onChange={(e) => set('description', e.target.value)}
              aria-invalid={errors.description ? true : undefined} aria-describedby={errors.description ? 'listing-description-error' : undefined} />
          </div>
          <div className="field">
            <label htmlFor="listing-status">{t('refer.listing.status')}</label>
            <select id="listing-status" value={form.status} onChange={(e) => set('status', e.target.value)}>
              {serviceStatuses.map((s) => <option key={s} value={s}>{statusLabel(t, s)}</option>)}
            </select>
          </div>
          <div className="two-col">
            {field('email', t('refer.listing.email'), { type: 'email', inputMode: 'email' })}
            {field('url', t('refer.listing.url'), { type: 'url', inputMode: 'url', hint: t('refer.listing.urlHint') })}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('refer.listing.categoriesLegend')}</legend>
          {categoryGroups.map((group) => (
            <fieldset key={group.term.code} className="listing-row">
              <legend>{termLabel(t, group.term.code)}</legend>
              <div className="choices-grid">
                {[group.term, ...group.children].map((term) => (
                  <label key={term.code} className="choice"><input type="checkbox" checked={form.terms.includes(term.id)} onChange={(e) => toggleTerm(term.id, e.target.checked)} />{termLabel(t, term.code)}</label>
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('refer.listing.eligibilityLegend')}</legend>
          <fieldset className="listing-row">
            <legend>{t('refer.listing.populations')}</legend>
            <div className="choices-grid">
              {populationTerms.map((term) => (
                <label key={term.code} className="choice"><input type="checkbox" checked={form.terms.includes(term.id)} onChange={(e) => toggleTerm(term.id, e.target.checked)} />{termLabel(t, term.code)}</label>
              ))}
            </div>
          </fieldset>
          <div className="two-col">
            {field('minimumAge', t('refer.listing.minimumAge'), { inputMode: 'numeric' })}
            {field('maximumAge', t('refer.listing.maximumAge'), { inputMode: 'numeric' })}
          </div>
          {field('eligibility', t('refer.listing.eligibility'))}
          {field('languages', t('refer.listing.languages'), { hint: t('refer.listing.languagesHint') })}
        </fieldset>

        <fieldset>
          <legend>{t('refer.listing.costLegend')}</legend>
          <label className="choice"><input type="checkbox" id="listing-free" checked={form.free} onChange={(e) => set('free', e.target.checked)} />{t('refer.listing.free')}</label>
          {field('fees', t('refer.listing.fees'))}
        </fieldset>

        <fieldset>
          <legend>{t('refer.listing.locationLegend')}</legend>
          <label className="choice"><input type="checkbox" id="listing-confidential" checked={form.confidential} onChange={(e) => set('confidential', e.target.checked)}
            aria-describedby="listing-confidential-hint" />{t('refer.listing.confidential')}</label>
          <p className="hint" id="listing-confidential-hint">{t('refer.listing.confidentialHint')}</p>
          {field('locationName', t('refer.listing.locationName'))}
          {field('street', t('refer.listing.street'), { autoComplete: 'off' })}
          <div className="two-col">
            {field('city', t('refer.listing.city'), { autoComplete: 'off' })}
            {field('state', t('refer.listing.state'), { autoComplete: 'off' })}
            {field('postalCode', t('refer.listing.postalCode'), { inputMode: 'numeric', autoComplete: 'off' })}
          </div>
          <div className="two-col">
            {field('latitude', t('refer.listing.latitude'), { inputMode: 'decimal', hint: t('refer.listing.coordinatesHint') })}
            {field('longitude', t('refer.listing.longitude'), { inputMode: 'decimal' })}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('refer.listing.phonesLegend')}</legend>
          <p className="hint">{t('refer.listing.phonesHint')}</p>
          <div className="listing-rows">
            {form.phones.map((phone, i) => (
              <fieldset key={phone.id} className="listing-row">
                <legend>{t('refer.listing.phoneN', { n: i + 1 })}</legend>
                <TextField id={`listing-phone-${i}`} label={t('refer.listing.phoneNumber')} type="tel" value={phone.number} error={errors[`phone-${i}`]}
                  onChange={(v) => set('phones', form.phones.map((p) => (p.id === phone.id ? { ...p, number: v } : p)))} />
                <div className="field">
                  <label htmlFor={`listing-phone-${i}-type`}>{t('refer.listing.phoneType')}</label>
                  <select id={`listing-phone-${i}-type`} value={phone.type} onChange={(e) => set('phones', form.phones.map((p) => (p.id === phone.id ? { ...p, type: e.target.value } : p)))}>
                    {phoneTypes.map((type) => <option key={type} value={type}>{phoneTypeLabel(t, type)}</option>)}
                  </select>
                </div>
                <button type="button" onClick={() => set('phones', form.phones.filter((p) => p.id !== phone.id))}>{t('refer.listing.removePhone', { n: i + 1 })}</button>
              </fieldset>
            ))}
          </div>
          <button type="button" onClick={() => set('phones', [...form.phones, { id: newId(), number: '', type: 'voice' }])}>{t('refer.listing.addPhone')}</button>
        </fieldset>

        <fieldset>
          <legend>{t('refer.listing.hoursLegend')}</legend>
          <div className="listing-rows">
            {form.schedules.map((schedule, i) => {
              const update = (change: Partial<typeof schedule>): void => set('schedules', form.schedules.map((s) => (s.id === schedule.id ? { ...s, ...change } : s)));
              return (
                <fieldset key={schedule.id} className="listing-row">
                  <legend>{t('refer.listing.hoursN', { n: i + 1 })}</legend>
                  {errors[`schedule-${i}`] ? <p className="field-error">{errors[`schedule-${i}`]}</p> : null}
                  <div className="choices-grid">
                    {weekDays.map((day) => (
                      <label key={day} className="choice"><input type="checkbox" checked={schedule.days.includes(day)}
                        onChange={(e) => update({ days: e.target.checked ? weekDays.filter((d) => d === day || schedule.days.includes(d)) : schedule.days.filter((d) => d !== day) })} />{dayLabel(t, day)}</label>
                    ))}
                  </div>
                  <div className="two-col">
                    <TextField id={`listing-hours-${i}-opens`} label={t('refer.listing.opens')} type="time" value={schedule.opensAt} onChange={(v) => update({ opensAt: v })} />
                    <TextField id={`listing-hours-${i}-closes`} label={t('refer.listing.closes')} type="time" value={schedule.closesAt} onChange={(v) => update({ closesAt: v })} />
                  </div>
                  <button type="button" onClick={() => set('schedules', form.schedules.filter((s) => s.id !== schedule.id))}>{t('refer.listing.removeHours', { n: i + 1 })}</button>
                </fieldset>
              );
            })}
          </div>
          <button type="button" onClick={() => set('schedules', [...form.schedules, { id: newId(), days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' }])}>{t('refer.listing.addHours')}</button>
        </fieldset>

        <div className="listing-actions">
          <button type="submit" className="button-primary">{creating ? t('refer.listing.create') : t('refer.listing.save')}</button>
          {creating ? null : confirmDelete ? (
            <>
              <button type="button" className="button-danger" onClick={() => void remove()}>{t('refer.listing.confirmDelete')}</button>
              <button type="button" onClick={() => setConfirmDelete(false)}>{t('refer.listing.keep')}</button>
            </>
          ) : <button type="button" className="button-danger" onClick={() => setConfirmDelete(true)}>{t('refer.listing.delete')}</button>}
        </div>
      </form>
    </>
  );
}

/** The API's per-field errors, as messages beside the form's fields (the server's English reason stays in its log). */
function fieldErrors(t: Translate, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const pointers = [...error.errors.map((e) => e.field), ...(error.field ? [error.field] : [])];
  const out: Record<string, string> = {};
  for (const pointer of pointers) {
    const name = formFieldOf(pointer);
    if (!name || out[name]) continue;
    out[name] = name === 'email' ? t('refer.listing.emailInvalid') : name === 'url' ? t('refer.listing.urlInvalid') : t('refer.listing.fieldInvalid');
  }
  return out;
}

function statusLabel(t: Translate, status: (typeof serviceStatuses)[number]): string {
  switch (status) {
    case 'active': return t('refer.listing.statusActive');
    case 'inactive': return t('refer.listing.statusInactive');
    case 'defunct': return t('refer.listing.statusDefunct');
    case 'temporarily closed': return t('refer.listing.statusClosed');
  }
}

function phoneTypeLabel(t: Translate, type: (typeof phoneTypes)[number]): string {
  switch (type) {
    case 'voice': return t('refer.listing.phoneVoice');
    case 'hotline': return t('refer.listing.phoneHotline');
    case 'text': return t('refer.listing.phoneText');
    case 'fax': return t('refer.listing.phoneFax');
    case 'textphone': return t('refer.listing.phoneTextphone');
  }
}

function dayLabel(t: Translate, day: WeekDay): string {
  switch (day) {
    case 'MO': return t('refer.listing.dayMonday');
    case 'TU': return t('refer.listing.dayTuesday');
    case 'WE': return t('refer.listing.dayWednesday');
    case 'TH': return t('refer.listing.dayThursday');
    case 'FR': return t('refer.listing.dayFriday');
    case 'SA': return t('refer.listing.daySaturday');
    case 'SU': return t('refer.listing.daySunday');
  }
}
