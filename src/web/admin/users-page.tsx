/**
 * @module Admin: the organization's users — list (GET /api/users), create (POST), change roles,
 * disable or enable, and unlock after too many failed sign-ins (PATCH /api/users/{id}).
 */
import { useCallback, useState, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSignedIn } from '../session.tsx';
import { describeError } from '../error-messages.ts';
import { FormError, StatusMessage } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { isPermitted, type UserView } from '../session-types.ts';
import { useLoad } from './use-load.ts';
import { labelRole } from './role-labels.ts';
import { RoleCheckboxes } from './role-checkboxes.tsx';
import { CreateUserForm } from './create-user-form.tsx';

/** The users page. */
export function UsersPage(): ReactElement {
  const { t } = useMessages();
  const { api, session } = useSignedIn();
  const load = useCallback(() => api.get<UserView[]>('/api/users'), [api]);
  const users = useLoad(load);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const canCreate = isPermitted(session, 'user', 'create');
  const canUpdate = isPermitted(session, 'user', 'update');

  const update = async (user: UserView, change: Partial<{ roles: string[]; disabled: boolean; unlock: boolean }>, done: string): Promise<boolean> => {
    setStatus(undefined);
    setError(undefined);
    try {
      await api.patch<UserView>(`/api/users/${encodeURIComponent(user.id)}`, change);
      await users.reload();
      setStatus(done);
      return true;
    } catch (failure) {
      setError(describeError(t, failure));
      return false;
    }
  };

  return (
    <>
      <PageHeading title={t('users.title')}>{t('users.title')}</PageHeading>
      <StatusMessage message={status} />
      <FormError message={error ?? (users.error ? describeError(t, users.error) : undefined)} />
      {canCreate ? (
        <CreateUserForm onCreated={async (created) => {
          await users.reload();
          setStatus(t('users.created', { email: created.email }));
        }} />
      ) : null}
      <section aria-labelledby="users-list-heading">
        <h2 id="users-list-heading">{t('users.listHeading')}</h2>
        {users.data === undefined ? <p>{t('app.loading')}</p> : (
          <ul className="plain-list cards">
            {users.data.map((user) => (
              <UserCard key={user.id} user={user} canUpdate={canUpdate} isSelf={user.id === session.user.id} onUpdate={update} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

interface UserCardProps {
  user: UserView;
  canUpdate: boolean;
  isSelf: boolean;
  onUpdate: (user: UserView, change: Partial<{ roles: string[]; disabled: boolean; unlock: boolean }>, done: string) => Promise<boolean>;
}

function UserCard({ user, canUpdate, isSelf, onUpdate }: UserCardProps): ReactElement {
  const { t } = useMessages();
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [rolesError, setRolesError] = useState<string>();
  const nameId = `user-${user.id}-name`;
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();

  const saveRoles = async (): Promise<void> => {
    if (roles.length === 0) {
      setRolesError(t('users.error.noRole'));
      return;
    }
    setRolesError(undefined);
    if (await onUpdate(user, { roles }, t('users.rolesSaved', { email: user.email }))) setEditing(false);
  };

  return (
    <li className="card" aria-labelledby={nameId}>
      <h3 id={nameId} className="card-title">{user.displayName}</h3>
      <p className="muted">{user.email}</p>
      <p>{user.roles.map((role) => labelRole(t, role)).join(', ') || t('users.noRoles')}</p>
      <ul className="plain-list badges">
        {user.disabled ? <li className="badge badge-warn">{t('users.badge.disabled')}</li> : null}
        {locked ? <li className="badge badge-warn">{t('users.badge.locked')}</li> : null}
        <li className="badge">{user.totpEnabled ? t('users.badge.totpOn') : t('users.badge.totpOff')}</li>
      </ul>
      {canUpdate ? (
        editing ? (
          <div className="stack">
            <RoleCheckboxes idPrefix={`user-${user.id}`} legend={t('users.rolesFor', { name: user.displayName })} selected={roles}
              onChange={setRoles} error={rolesError} />
            <div className="actions">
              <button type="button" className="button-primary" onClick={() => void saveRoles()}>{t('users.saveRoles')}</button>
              <button type="button" className="button-secondary" onClick={() => { setRoles(user.roles); setEditing(false); }}>{t('form.cancel')}</button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button type="button" className="button-secondary" aria-describedby={nameId} onClick={() => setEditing(true)}>{t('users.changeRoles')}</button>
            {isSelf ? null : user.disabled ? (
              <button type="button" className="button-secondary" aria-describedby={nameId}
                onClick={() => void onUpdate(user, { disabled: false }, t('users.enabled', { email: user.email }))}>{t('users.enable')}</button>
            ) : (
              <button type="button" className="button-secondary" aria-describedby={nameId}
                onClick={() => void onUpdate(user, { disabled: true }, t('users.disabled', { email: user.email }))}>{t('users.disable')}</button>
            )}
            {locked ? (
              <button type="button" className="button-secondary" aria-describedby={nameId}
                onClick={() => void onUpdate(user, { unlock: true }, t('users.unlocked', { email: user.email }))}>{t('users.unlock')}</button>
            ) : null}
          </div>
        )
      ) : null}
    </li>
  );
}
