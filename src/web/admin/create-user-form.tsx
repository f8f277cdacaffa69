/**
 * @module The form that adds a user to the organization (POST /api/users).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSignedIn } from '../session.tsx';
import { describeError, fieldsOf } from '../error-messages.ts';
import { FormError, TextField } from '../components/form-fields.tsx';
import type { UserView } from '../session-types.ts';
import { RoleCheckboxes } from './role-checkboxes.tsx';

/** Creates a user, then calls back with the new user. */
export function CreateUserForm({ onCreated }: { onCreated: (user: UserView) => Promise<void> }): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<'email' | 'displayName' | 'password' | 'roles', string>>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = {
      ...(/^\S+@\S+\.\S+$/.test(email.trim()) ? {} : { email: t('users.error.email') }),
      ...(displayName.trim() === '' ? { displayName: t('users.error.name') } : {}),
      ...(roles.length === 0 ? { roles: t('users.error.noRole') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('form.error.fixFields'));
      return;
    }
    setBusy(true);
    setFormError(undefined);
    try {
      const created = await api.post<UserView>('/api/users', {
        email: email.trim(), displayName: displayName.trim(), roles, ...(password ? { password } : {}),
      });
      setEmail('');
      setDisplayName('');
      setPassword('');
      setRoles([]);
      await onCreated(created);
    } catch (failure) {
      const fields = fieldsOf(failure);
      const message = describeError(t, failure);
      setErrors({
        ...(fields.has('email') ? { email: message } : {}),
        ...(fields.has('displayName') ? { displayName: message } : {}),
        ...(fields.has('password') ? { password: message } : {}),
        ...(fields.has('roles') ? { roles: message } : {}),
      });
      setFormError(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">{t('users.createHeading')}</h2>
      <FormError message={formError} />
      <form className="card stack" onSubmit={(event) => void submit(event)} noValidate>
        <TextField id="new-user-email" label={t('users.email')} type="email" autoComplete="off" value={email} onChange={setEmail} error={errors.email} />
        <TextField id="new-user-name" label={t('users.displayName')} autoComplete="off" value={displayName} onChange={setDisplayName} error={errors.displayName} />
        <RoleCheckboxes idPrefix="new-user" legend={t('users.roles')} selected={roles} onChange={setRoles} error={errors.roles} />
        <TextField id="new-user-password" label={t('users.password')} hint={t('users.passwordHint')} type="password" autoComplete="new-password"
          value={password} onChange={setPassword} error={errors.password} />
        <button type="submit" className="button-primary" disabled={busy}>{t('users.create')}</button>
      </form>
    </section>
  );
}
