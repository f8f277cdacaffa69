/**
 * @module The second sign-in step: the 6-digit code from the person's authenticator app
 * (POST /api/session/totp).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { ApiError } from '../api.ts';
import { describeError } from '../error-messages.ts';
import { FormError, TextField } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import type { SessionView } from '../session-types.ts';

/** Normalizes a typed code: digits only (people paste "123 456"). */
export function cleanCode(raw: string): string {
  return raw.replace(/\D/g, '');
}

/** The TOTP step of sign-in. */
export function TotpPage(): ReactElement {
  const { t } = useMessages();
  const { api, adopt } = useSession();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const digits = cleanCode(code);
    if (digits.length !== 6) {
      setCodeError(t('totp.error.format'));
      setFormError(t('form.error.fixFields'));
      return;
    }
    setBusy(true);
    setCodeError(undefined);
    setFormError(undefined);
    try {
      adopt(await api.post<SessionView>('/api/session/totp', { code: digits }));
    } catch (error) {
      const wrongCode = error instanceof ApiError && (error.status === 400 || error.status === 401);
      if (wrongCode) setCodeError(t('totp.error.wrong'));
      setFormError(wrongCode ? t('totp.error.wrong') : describeError(t, error));
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageHeading title={t('totp.title')}>{t('totp.title')}</PageHeading>
      <FormError message={formError} />
      <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
        <TextField id="totp-code" label={t('totp.code')} hint={t('totp.hint')} value={code} onChange={setCode} error={codeError}
          inputMode="numeric" autoComplete="one-time-code" className="code-input" />
        <button type="submit" className="button-primary" disabled={busy}>{t('totp.submit')}</button>
      </form>
    </div>
  );
}
