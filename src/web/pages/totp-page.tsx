/**
 * @module The second sign-in step: the 6-digit code from the person's authenticator app
 * (POST /api/session/totp).
 */
import { useState, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { FormError } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { TotpCodeForm } from '../components/totp-code-form.tsx';

/** The TOTP step of sign-in. */
export function TotpPage(): ReactElement {
  const { t } = useMessages();
  const [formError, setFormError] = useState<string>();

  return (
    <div className="narrow">
      <PageHeading title={t('totp.title')}>{t('totp.title')}</PageHeading>
      <FormError message={formError} />
      <TotpCodeForm inputId="totp-code" endpoint="/api/session/totp" submitLabel={t('totp.submit')} hint={t('totp.hint')}
        onFormError={setFormError} />
    </div>
  );
}
