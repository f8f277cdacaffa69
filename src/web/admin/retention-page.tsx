/**
 * @module Admin: how long protected data is kept before the scheduled purge
 * (GET /api/organization, PUT /api/organization/retention).
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSignedIn } from '../session.tsx';
import { describeError, fieldsOf } from '../error-messages.ts';
import { FormError, StatusMessage, TextField } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { isPermitted, type OrganizationView } from '../session-types.ts';
import { useLoad } from './use-load.ts';

/** The retention page. */
export function RetentionPage(): ReactElement {
  const { t } = useMessages();
  const { api, session } = useSignedIn();
  const load = useCallback(() => api.get<OrganizationView>('/api/organization'), [api]);
  const organization = useLoad(load);
  const canUpdate = isPermitted(session, 'retention', 'update');
  const [days, setDays] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    if (organization.data) setDays(String(organization.data.retentionDays));
  }, [organization.data]);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setStatus(undefined);
    const retentionDays = Number(days);
    if (!/^\d+$/.test(days.trim()) || retentionDays < 1) {
      setFieldError(t('retention.error.days'));
      setFormError(t('form.error.fixFields'));
      return;
    }
    setFieldError(undefined);
    setFormError(undefined);
    try {
      await api.put<OrganizationView>('/api/organization/retention', { retentionDays });
      await organization.reload();
      setStatus(t('retention.saved', { days: retentionDays }));
    } catch (failure) {
      const message = describeError(t, failure);
      if (fieldsOf(failure).has('retentionDays')) setFieldError(message);
      setFormError(message);
    }
  };

  return (
    <div className="narrow">
      <PageHeading title={t('retention.title')}>{t('retention.title')}</PageHeading>
      <p className="lead">{t('retention.intro')}</p>
      <StatusMessage message={status} />
      <FormError message={formError ?? (organization.error ? describeError(t, organization.error) : undefined)} />
      {organization.data ? (
        <form className="card stack" onSubmit={(event) => void save(event)} noValidate>
          <TextField id="retention-days" label={t('retention.days')} hint={t('retention.hint')} value={days} onChange={setDays}
            error={fieldError} inputMode="numeric" readOnly={!canUpdate} className="number-input" />
          {canUpdate ? <button type="submit" className="button-primary">{t('form.save')}</button> : null}
        </form>
      ) : organization.error ? null : <p>{t('app.loading')}</p>}
    </div>
  );
}
