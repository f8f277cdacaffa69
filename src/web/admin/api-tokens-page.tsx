/**
 * @module Admin: API tokens for integrations — list (GET /api/api-tokens), create (POST; the token
 * is shown once, here, and never again), revoke (DELETE /api/api-tokens/{id}).
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSignedIn } from '../session.tsx';
import { describeError } from '../error-messages.ts';
import { FormError, StatusMessage, TextField } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { isPermitted, type ApiTokenView, type UserView } from '../session-types.ts';
import { useLoad } from './use-load.ts';
import { formatTime } from './format-time.ts';

/** The API tokens page. */
export function ApiTokensPage(): ReactElement {
  const { t, locale } = useMessages();
  const { api, session } = useSignedIn();
  const loadTokens = useCallback(() => api.get<ApiTokenView[]>('/api/api-tokens'), [api]);
  const canListUsers = isPermitted(session, 'user', 'read');
  const loadUsers = useCallback(() => (canListUsers ? api.get<UserView[]>('/api/users') : Promise.resolve([])), [api, canListUsers]);
  const tokens = useLoad(loadTokens);
  const users = useLoad(loadUsers);
  const canCreate = isPermitted(session, 'api-token', 'create');
  const canRevoke = isPermitted(session, 'api-token', 'delete');
  const [name, setName] = useState('');
  const [userId, setUserId] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const [status, setStatus] = useState<string>();
  const [confirming, setConfirming] = useState<string>();

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError(t('tokens.error.name'));
      setFormError(t('form.error.fixFields'));
      return;
    }
    setNameError(undefined);
    setFormError(undefined);
    setStatus(undefined);
    try {
      const result = await api.post<{ id: string; token: string }>('/api/api-tokens', { name: name.trim(), ...(userId ? { userId } : {}) });
      setCreated({ name: name.trim(), token: result.token });
      setName('');
      await tokens.reload();
    } catch (failure) {
      setFormError(describeError(t, failure));
    }
  };

  const revoke = async (token: ApiTokenView): Promise<void> => {
    setFormError(undefined);
    try {
      await api.delete(`/api/api-tokens/${encodeURIComponent(token.id)}`);
      setConfirming(undefined);
      await tokens.reload();
      setStatus(t('tokens.revoked', { name: token.name }));
    } catch (failure) {
      setFormError(describeError(t, failure));
    }
  };

  return (
    <>
      <PageHeading title={t('tokens.title')}>{t('tokens.title')}</PageHeading>
      <p className="lead">{t('tokens.intro')}</p>
      <StatusMessage message={status} />
      <FormError message={formError ?? (tokens.error ? describeError(t, tokens.error) : undefined)} />
      {created ? (
        <div className="notice notice-important stack" role="status">
          <p><strong>{t('tokens.createdHeading', { name: created.name })}</strong></p>
          <p id="new-token-hint">{t('tokens.showOnce')}</p>
          <label htmlFor="new-token">{t('tokens.newToken')}</label>
          <input id="new-token" className="token-value" readOnly value={created.token} aria-describedby="new-token-hint"
            onFocus={(event) => event.target.select()} />
        </div>
      ) : null}
      {canCreate ? (
        <section aria-labelledby="create-token-heading">
          <h2 id="create-token-heading">{t('tokens.createHeading')}</h2>
          <form className="card stack" onSubmit={(event) => void create(event)} noValidate>
            <TextField id="token-name" label={t('tokens.name')} hint={t('tokens.nameHint')} value={name} onChange={setName} error={nameError} autoComplete="off" />
            {canListUsers && users.data && users.data.length > 0 ? (
              <div className="field">
                <label htmlFor="token-user">{t('tokens.user')}</label>
                <select id="token-user" value={userId} onChange={(event) => setUserId(event.target.value)}>
                  <option value="">{t('tokens.userSelf')}</option>
                  {users.data.filter((u) => !u.disabled && u.id !== session.user.id).map((u) => <option key={u.id} value={u.id}>{u.displayName} ({u.email})</option>)}
                </select>
              </div>
            ) : null}
            <button type="submit" className="button-primary">{t('tokens.create')}</button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="tokens-list-heading">
        <h2 id="tokens-list-heading">{t('tokens.listHeading')}</h2>
        {tokens.data === undefined ? <p>{t('app.loading')}</p> : tokens.data.length === 0 ? <p>{t('tokens.none')}</p> : (
          <ul className="plain-list cards">
            {tokens.data.map((token) => {
              const nameId = `token-${token.id}-name`;
              return (
                <li key={token.id} className="card" aria-labelledby={nameId}>
                  <h3 id={nameId} className="card-title">{token.name}</h3>
                  <dl className="facts">
                    <dt>{t('tokens.user')}</dt><dd>{token.userEmail}</dd>
                    <dt>{t('tokens.createdAt')}</dt><dd>{formatTime(token.createdAt, locale)}</dd>
                    <dt>{t('tokens.lastUsedAt')}</dt><dd>{token.lastUsedAt ? formatTime(token.lastUsedAt, locale) : t('tokens.neverUsed')}</dd>
                    {token.revokedAt ? <><dt>{t('tokens.revokedAt')}</dt><dd>{formatTime(token.revokedAt, locale)}</dd></> : null}
                  </dl>
                  {canRevoke && !token.revokedAt ? (
                    confirming === token.id ? (
                      <div className="actions">
                        <button type="button" className="button-danger" aria-describedby={nameId} onClick={() => void revoke(token)}>{t('tokens.confirmRevoke')}</button>
                        <button type="button" className="button-secondary" onClick={() => setConfirming(undefined)}>{t('form.cancel')}</button>
                      </div>
                    ) : (
                      <div className="actions">
                        <button type="button" className="button-secondary" aria-describedby={nameId} onClick={() => setConfirming(token.id)}>{t('tokens.revoke')}</button>
                      </div>
                    )
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
