/**
 * @module Admin: single sign-on with the organization's OpenID Connect provider
 * (GET /api/organization, PUT /api/organization/sso, DELETE /api/organization/sso). The client
 * secret is write-only: Lantern never shows it back.
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSignedIn } from '../session.tsx';
import { describeError, fieldsOf } from '../error-messages.ts';
import { FormError, StatusMessage, TextField } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import type { OrganizationView } from '../session-types.ts';
import { useLoad } from './use-load.ts';

type SsoField = 'issuer' | 'clientId' | 'clientSecret';

/** The single sign-on settings page. */
export function SingleSignOnPage(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const load = useCallback(() => api.get<OrganizationView>('/api/organization'), [api]);
  const organization = useLoad(load);
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [errors, setErrors] = useState<Partial<Record<SsoField, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const current = organization.data?.sso ?? null;
  const callbackUrl = `${window.location.origin}/api/sso/callback`;

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setStatus(undefined);
    const found: Partial<Record<SsoField, string>> = {
      ...(/^https?:\/\/\S+$/.test(issuer.trim()) ? {} : { issuer: t('sso.error.issuer') }),
      ...(clientId.trim() ? {} : { clientId: t('sso.error.clientId') }),
      ...(clientSecret ? {} : { clientSecret: t('sso.error.clientSecret') }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('form.error.fixFields'));
      return;
    }
    setFormError(undefined);
    try {
      await api.put<OrganizationView>('/api/organization/sso', { issuer: issuer.trim(), clientId: clientId.trim(), clientSecret });
      setClientSecret('');
      await organization.reload();
      setStatus(t('sso.saved'));
    } catch (failure) {
      const message = describeError(t, failure);
      const fields = fieldsOf(failure);
      setErrors(Object.fromEntries((['issuer', 'clientId', 'clientSecret'] as const).filter((f) => fields.has(f)).map((f) => [f, message])));
      setFormError(message);
    }
  };

  const turnOff = async (): Promise<void> => {
    setStatus(undefined);
    setFormError(undefined);
    try {
      await api.delete('/api/organization/sso');
      await organization.reload();
      setStatus(t('sso.turnedOff'));
    } catch (failure) {
      setFormError(describeError(t, failure));
    }
  };

  return (
    <div className="narrow">
      <PageHeading title={t('sso.title')}>{t('sso.title')}</PageHeading>
      <p className="lead">{t('sso.intro')}</p>
      <StatusMessage message={status} />
      <FormError message={formError ?? (organization.error ? describeError(t, organization.error) : undefined)} />
      {organization.data ? (
        <>
          <div className="card stack">
            <p>{current ? t('sso.on', { issuer: current.issuer, clientId: current.clientId }) : t('sso.off')}</p>
            <p>{t('sso.callback')}</p>
            <p className="uri"><code>{callbackUrl}</code></p>
            {current ? <button type="button" className="button-secondary" onClick={() => void turnOff()}>{t('sso.turnOff')}</button> : null}
          </div>
          <h2>{current ? t('sso.replaceHeading') : t('sso.setUpHeading')}</h2>
          <form className="card stack" onSubmit={(event) => void save(event)} noValidate>
            <TextField id="sso-issuer" label={t('sso.issuer')} hint={t('sso.issuerHint')} type="url" value={issuer} onChange={setIssuer}
              error={errors.issuer} autoComplete="off" spellCheck={false} />
            <TextField id="sso-client-id" label={t('sso.clientId')} value={clientId} onChange={setClientId} error={errors.clientId}
              autoComplete="off" spellCheck={false} />
            <TextField id="sso-client-secret" label={t('sso.clientSecret')} type="password" value={clientSecret} onChange={setClientSecret}
              error={errors.clientSecret} autoComplete="new-password" />
            <button type="submit" className="button-primary">{t('form.save')}</button>
          </form>
        </>
      ) : organization.error ? null : <p>{t('app.loading')}</p>}
    </div>
  );
}
