/**
 * @module Sign in with email and password (POST /api/session), or with the organization's single
 * sign-on when any organization has it configured (GET /api/sso/options).
 */
import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { ApiError } from '../api.ts';
import { describeError } from '../error-messages.ts';
import { FormError, TextField } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import type { SessionView, SsoOption } from '../session-types.ts';

/** The sign-in page. */
export function SignInPage(): ReactElement {
  const { t } = useMessages();
  const { api, adopt } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [ssoOptions, setSsoOptions] = useState<SsoOption[]>([]);

  useEffect(() => {
    api.get<SsoOption[]>('/api/sso/options').then(setSsoOptions, () => setSsoOptions([]));
  }, [api]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const errors = {
      ...(email.trim() === '' ? { email: t('signin.error.emailMissing') } : {}),
      ...(password === '' ? { password: t('signin.error.passwordMissing') } : {}),
    };
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      setFormError(t('form.error.fixFields'));
      return;
    }
    setBusy(true);
    setFormError(undefined);
    try {
      adopt(await api.post<SessionView>('/api/session', { email: email.trim(), password }));
    } catch (error) {
      setFormError(error instanceof ApiError && error.status === 401 ? t('signin.error.credentials') : describeError(t, error));
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageHeading title={t('signin.title')}>{t('signin.title')}</PageHeading>
      <p className="lead">{t('signin.intro')}</p>
      <FormError message={formError} />
      <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
        <TextField id="email" label={t('signin.email')} type="email" autoComplete="username" value={email}
          onChange={setEmail} error={fieldErrors.email} autoCapitalize="none" spellCheck={false} />
        <TextField id="password" label={t('signin.password')} type="password" autoComplete="current-password" value={password}
          onChange={setPassword} error={fieldErrors.password} />
        <button type="submit" className="button-primary" disabled={busy}>{busy ? t('signin.submitting') : t('signin.submit')}</button>
      </form>
      {ssoOptions.length > 0 ? (
        <section className="sso" aria-labelledby="sso-heading">
          <h2 id="sso-heading">{t('signin.sso.heading')}</h2>
          <ul className="plain-list stack">
            {ssoOptions.map((option) => (
              <li key={option.organizationId}>
                <a className="button-secondary" href={`/api/sso/${encodeURIComponent(option.organizationId)}/start`}>
                  {t('signin.sso.button', { organization: option.organizationName })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
