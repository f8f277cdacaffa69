/**
 * @module The 6-digit authenticator code form, shared by the second sign-in step and second-factor
 * setup: it checks the code's shape before sending it, and adopts the session the server answers
 * with. The page keeps the form-level error, so it can place it where its layout wants it.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { ApiError } from '../api.ts';
import { describeError } from '../error-messages.ts';
import { TextField } from './form-fields.tsx';
import type { SessionView } from '../session-types.ts';

/** Normalizes a typed code: digits only (people paste "123 456"). */
export function cleanCode(raw: string): string {
  return raw.replace(/\D/g, '');
}

export interface TotpCodeFormProps {
  inputId: string;
  /** Where the code is posted; the answer is the new session. */
  endpoint: string;
  submitLabel: string;
  hint?: string;
  /** The message for the page's form error box, or undefined to clear it. */
  onFormError: (message: string | undefined) => void;
}

/** The code field and its submit button. */
export function TotpCodeForm({ inputId, endpoint, submitLabel, hint, onFormError }: TotpCodeFormProps): ReactElement {
  const { t } = useMessages();
  const { api, adopt } = useSession();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const digits = cleanCode(code);
    if (digits.length !== 6) {
      setCodeError(t('totp.error.format'));
      onFormError(t('form.error.fixFields'));
      return;
    }
    setBusy(true);
    setCodeError(undefined);
    onFormError(undefined);
    try {
      adopt(await api.post<SessionView>(endpoint, { code: digits }));
    } catch (error) {
      const wrongCode = error instanceof ApiError && (error.status === 400 || error.status === 401);
      if (wrongCode) setCodeError(t('totp.error.wrong'));
      onFormError(wrongCode ? t('totp.error.wrong') : describeError(t, error));
      setBusy(false);
    }
  };

  return (
    <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
      <TextField id={inputId} label={t('totp.code')} hint={hint} value={code} onChange={setCode} error={codeError}
        inputMode="numeric" autoComplete="one-time-code" className="code-input" />
      <button type="submit" className="button-primary" disabled={busy}>{submitLabel}</button>
    </form>
  );
}
