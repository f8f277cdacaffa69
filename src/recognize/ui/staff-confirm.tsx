/**
 * @module The hand-back check on a self-screen device: before the result is shown, the signed-in
 * clinician types their password (and their authenticator code, if they use one), so neither the
 * patient nor a companion who picks up the device can reveal it. In the clinician's language.
 */
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { ApiError } from '../../web/api.ts';
import { describeError } from '../../web/error-messages.ts';
import { FormError, TextField } from '../../web/components/form-fields.tsx';

export interface StaffCredentials {
  password: string;
  code?: string;
}

export interface StaffConfirmProps {
  /** Asks the server; rejects when the password or code is not right. */
  confirm: (credentials: StaffCredentials) => Promise<void>;
  /** The clinician is confirmed: show them the result. */
  onConfirmed: () => void;
}

/** The password (and code) form the clinician fills in to take the device back. */
export function StaffConfirm({ confirm, onConfirmed }: StaffConfirmProps): ReactElement {
  const { t } = useMessages();
  const id = useId();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (password === '') {
      setError(t('recognize.self.confirmPasswordMissing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const trimmed = code.replace(/\s/g, '');
      await confirm({ password, ...(trimmed ? { code: trimmed } : {}) });
      setPassword('');
      onConfirmed();
    } catch (failure) {
      // Whatever was typed is wiped, so it does not sit in the form for the next person.
      setPassword('');
      setCode('');
      setError(failure instanceof ApiError && failure.code === 'UNAUTHENTICATED' ? t('recognize.self.confirmFailed') : describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack r-staff-confirm" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('recognize.self.confirmTitle')}</h2>
      <p>{t('recognize.self.confirmIntro')}</p>
      <FormError message={error} />
      <TextField id={`${id}-password`} label={t('recognize.self.confirmPassword')} type="password" autoComplete="current-password"
        value={password} onChange={setPassword} />
      <TextField id={`${id}-code`} label={t('recognize.self.confirmCode')} hint={t('recognize.self.confirmCodeHint')}
        inputMode="numeric" autoComplete="one-time-code" value={code} onChange={setCode} />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>{t('recognize.self.confirmSubmit')}</button>
      </div>
    </form>
  );
}
