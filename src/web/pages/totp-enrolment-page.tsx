/**
 * @module Setting up the second factor (required for admins): Lantern creates a secret
 * (POST /api/session/totp/enrolment), shows it and its otpauth URI as text to type or paste into an
 * authenticator app (no QR image from any remote service), then checks one code (…/confirm).
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { describeError } from '../error-messages.ts';
import { FormError } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { TotpCodeForm } from '../components/totp-code-form.tsx';

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
  const { api } = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [formError, setFormError] = useState<string>();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api.post<Enrolment>('/api/session/totp/enrolment').then(setEnrolment, (error: unknown) => setFormError(describeError(t, error)));
  }, [api, t]);

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
          <TotpCodeForm inputId="enrol-code" endpoint="/api/session/totp/enrolment/confirm" submitLabel={t('enrol.submit')}
            onFormError={setFormError} />
        </>
      ) : formError ? null : <p role="status">{t('app.loading')}</p>}
    </div>
  );
}
