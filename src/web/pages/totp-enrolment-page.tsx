/**
 * @module Setting up the second factor (required for admins): Lantern creates a secret
 * (POST /api/session/totp/enrolment), shows it and its otpauth URI as text to type or paste into an
 * authenticator app (no QR image from any remote service), then checks one code (…/confirm).
 */
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { ApiError } from '../api.ts';
import { describeError } from '../error-messages.ts';
import { FormError, TextField } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import type { SessionView } from '../session-types.ts';
import { cleanCode } from './totp-page.tsx';

interface Enrolment {
  secret: string;
  otpauthUri: string;
}

/** Splits a base32 secret into groups of four, easier to read aloud and type. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').match(/.{1,4}/g)?.join(' ') ?? '';
}

/** The TOTP enrolment page. */
export function TotpEnrolmentPage(): ReactElement {
  const { t } = useMessages();
  const { api, adopt } = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api.post<Enrolment>('/api/session/totp/enrolment').then(setEnrolment, (error: unknown) => setFormError(describeError(t, error)));
  }, [api, t]);

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
      adopt(await api.post<SessionView>('/api/session/totp/enrolment/confirm', { code: digits }));
    } catch (error) {
      const wrongCode = error instanceof ApiError && (error.status === 400 || error.status === 401);
      if (wrongCode) setCodeError(t('totp.error.wrong'));
      setFormError(wrongCode ? t('totp.error.wrong') : describeError(t, error));
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <PageHeading title={t('enrol.title')}>{t('enrol.title')}</PageHeading>
      <p className="lead">{t('enrol.intro')}</p>
      <FormError message={formError} />
      {enrolment ? (
        <>
          <ol className="steps">
            <li>
              <p>{t('enrol.step.key')}</p>
              <p className="secret"><code id="totp-secret" data-secret={enrolment.secret}>{groupSecret(enrolment.secret)}</code></p>
            </li>
            <li>
              <p>{t('enrol.step.uri')}</p>
              <p className="uri"><code id="totp-uri">{enrolment.otpauthUri}</code></p>
            </li>
            <li><p>{t('enrol.step.code')}</p></li>
          </ol>
          <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
            <TextField id="enrol-code" label={t('totp.code')} value={code} onChange={setCode} error={codeError}
              inputMode="numeric" autoComplete="one-time-code" className="code-input" />
            <button type="submit" className="button-primary" disabled={busy}>{t('enrol.submit')}</button>
          </form>
        </>
      ) : formError ? null : <p role="status">{t('app.loading')}</p>}
    </div>
  );
}
