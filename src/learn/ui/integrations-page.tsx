/**
 * @module Admin: Learn's outside services — the learning record store that receives xAPI
 * statements, and the SMTP server for reminder email (/api/learn/integrations). Passwords are
 * write-only: Lantern never shows them back, and leaving one empty keeps the saved one.
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { describeError, fieldsOf } from '../../web/error-messages.ts';
import { FormError, StatusMessage, TextField } from '../../web/components/form-fields.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { useLoad } from '../../web/admin/use-load.ts';
import type { LrsSettingsView, SmtpSettingsView } from '../integration-settings.ts';

interface Integrations { lrs: LrsSettingsView | null; smtp: SmtpSettingsView | null }

/** The page: one section per service. */
export function IntegrationsPage(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const settings = useLoad(useCallback(() => api.get<Integrations>('/api/learn/integrations'), [api]));
  return (
    <div className="narrow">
      <PageHeading title={t('learn.integrations.title')}>{t('learn.integrations.title')}</PageHeading>
      <p className="lead">{t('learn.integrations.intro')}</p>
      <FormError message={settings.error ? describeError(t, settings.error) : undefined} />
      {settings.data ? (
        <>
          <LrsSection current={settings.data.lrs} reload={settings.reload} />
          <SmtpSection current={settings.data.smtp} reload={settings.reload} />
        </>
      ) : settings.error ? null : <p>{t('app.loading')}</p>}
    </div>
  );
}

type LrsField = 'endpoint' | 'username' | 'password';

function LrsSection({ current, reload }: { current: LrsSettingsView | null; reload: () => Promise<void> }): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const [endpoint, setEndpoint] = useState(current?.endpoint ?? '');
  const [username, setUsername] = useState(current?.username ?? '');
  const [password, setPassword] = useState('');
  const [enabled, setEnabled] = useState(current?.enabled ?? true);
  const [errors, setErrors] = useState<Partial<Record<LrsField, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string>();

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setStatus(undefined);
    const found: Partial<Record<LrsField, string>> = {
      ...(/^https?:\/\/\S+$/.test(endpoint.trim()) ? {} : { endpoint: t('learn.integrations.error.endpoint') }),
      ...(username.trim() ? {} : { username: t('learn.integrations.error.username') }),
      ...(password || current ? {} : { password: t('learn.integrations.error.password') }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('form.error.fixFields'));
      return;
    }
    setFormError(undefined);
    try {
      await api.put('/api/learn/integrations/lrs', { endpoint: endpoint.trim(), username: username.trim(), enabled, ...(password ? { password } : {}) });
      setPassword('');
      await reload();
      setStatus(t('learn.integrations.saved'));
    } catch (failure) {
      const message = describeError(t, failure);
      const fields = fieldsOf(failure);
      setErrors(Object.fromEntries((['endpoint', 'username', 'password'] as const).filter((f) => fields.has(f)).map((f) => [f, message])));
      setFormError(message);
    }
  };

  const remove = async (): Promise<void> => {
    setStatus(undefined);
    try {
      await api.delete('/api/learn/integrations/lrs');
      await reload();
      setStatus(t('learn.integrations.removed'));
    } catch (failure) {
      setFormError(describeError(t, failure));
    }
  };

  return (
    <section aria-labelledby="lrs-title" className="stack">
      <h2 id="lrs-title">{t('learn.integrations.lrsTitle')}</h2>
      <p>{t('learn.integrations.lrsIntro')}</p>
      <StatusMessage message={status} />
      <FormError message={formError} />
      <div className="card stack">
        {current ? (
          <>
            <p>{current.enabled ? t('learn.integrations.lrsOn', { endpoint: current.endpoint }) : t('learn.integrations.lrsPaused', { endpoint: current.endpoint })}</p>
            <p>{t('learn.integrations.lrsCounts', { delivered: current.deliveredCount, pending: current.pending, failed: current.failedCount })}</p>
            {current.lastFailure ? <p>{t('learn.integrations.lastFailure', { code: current.lastFailure, at: current.lastFailureAt ?? '' })}</p> : null}
            <button type="button" className="button-secondary" onClick={() => void remove()}>{t('learn.integrations.lrsRemove')}</button>
          </>
        ) : <p>{t('learn.integrations.lrsOff')}</p>}
      </div>
      <form className="card stack" onSubmit={(event) => void save(event)} noValidate aria-labelledby="lrs-title">
        <TextField id="lrs-endpoint" label={t('learn.integrations.endpoint')} hint={t('learn.integrations.endpointHint')} type="url" value={endpoint}
          onChange={setEndpoint} error={errors.endpoint} autoComplete="off" spellCheck={false} />
        <TextField id="lrs-username" label={t('learn.integrations.lrsKey')} value={username} onChange={setUsername} error={errors.username} autoComplete="off" spellCheck={false} />
        <TextField id="lrs-password" label={t('learn.integrations.lrsSecret')} hint={current ? t('learn.integrations.keepPassword') : undefined} type="password"
          value={password} onChange={setPassword} error={errors.password} autoComplete="new-password" />
        <label className="choice">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          {t('learn.integrations.lrsEnabled')}
        </label>
        <button type="submit" className="button-primary">{t('form.save')}</button>
      </form>
    </section>
  );
}

type SmtpField = 'host' | 'port' | 'username' | 'password' | 'from';

function SmtpSection({ current, reload }: { current: SmtpSettingsView | null; reload: () => Promise<void> }): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const [host, setHost] = useState(current?.host ?? '');
  const [port, setPort] = useState(String(current?.port ?? 587));
  const [secure, setSecure] = useState(current?.secure ?? false);
  const [username, setUsername] = useState(current?.username ?? '');
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState(current?.from ?? '');
  const [errors, setErrors] = useState<Partial<Record<SmtpField, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [status, setStatus] = useState<string>();

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setStatus(undefined);
    const portNumber = Number(port);
    const found: Partial<Record<SmtpField, string>> = {
      ...(/^[A-Za-z0-9.-]+$/.test(host.trim()) ? {} : { host: t('learn.integrations.error.host') }),
      ...(Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535 ? {} : { port: t('learn.integrations.error.port') }),
      ...(/^[^\s@]+@[^\s@]+$/.test(from.trim()) ? {} : { from: t('learn.integrations.error.from') }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('form.error.fixFields'));
      return;
    }
    setFormError(undefined);
    try {
      await api.put('/api/learn/integrations/smtp', {
        host: host.trim(), port: portNumber, secure, from: from.trim(), ...(username.trim() ? { username: username.trim() } : {}), ...(password ? { password } : {}),
      });
      setPassword('');
      await reload();
      setStatus(t('learn.integrations.saved'));
    } catch (failure) {
      const message = describeError(t, failure);
      const fields = fieldsOf(failure);
      setErrors(Object.fromEntries((['host', 'port', 'username', 'password', 'from'] as const).filter((f) => fields.has(f)).map((f) => [f, message])));
      setFormError(message);
    }
  };

  const remove = async (): Promise<void> => {
    setStatus(undefined);
    try {
      await api.delete('/api/learn/integrations/smtp');
      await reload();
      setStatus(t('learn.integrations.removed'));
    } catch (failure) {
      setFormError(describeError(t, failure));
    }
  };

  return (
    <section aria-labelledby="smtp-title" className="stack">
      <h2 id="smtp-title">{t('learn.integrations.smtpTitle')}</h2>
      <p>{t('learn.integrations.smtpIntro')}</p>
      <StatusMessage message={status} />
      <FormError message={formError} />
      <div className="card stack">
        {current ? (
          <>
            <p>{t('learn.integrations.smtpOn', { host: current.host, port: current.port, from: current.from })}</p>
            {current.failedCount > 0 ? <p>{t('learn.integrations.smtpFailures', { failed: current.failedCount })}</p> : null}
            <button type="button" className="button-secondary" onClick={() => void remove()}>{t('learn.integrations.smtpRemove')}</button>
          </>
        ) : <p>{t('learn.integrations.smtpOff')}</p>}
      </div>
      <form className="card stack" onSubmit={(event) => void save(event)} noValidate aria-labelledby="smtp-title">
        <TextField id="smtp-host" label={t('learn.integrations.host')} value={host} onChange={setHost} error={errors.host} autoComplete="off" spellCheck={false} />
        <TextField id="smtp-port" label={t('learn.integrations.port')} inputMode="numeric" value={port} onChange={setPort} error={errors.port} autoComplete="off" />
        <label className="choice">
          <input type="checkbox" checked={secure} onChange={(event) => setSecure(event.target.checked)} />
          {t('learn.integrations.secure')}
        </label>
        <TextField id="smtp-username" label={t('learn.integrations.smtpUser')} value={username} onChange={setUsername} error={errors.username} autoComplete="off" spellCheck={false} />
        <TextField id="smtp-password" label={t('learn.integrations.smtpPassword')} hint={current?.hasPassword ? t('learn.integrations.keepPassword') : undefined} type="password"
          value={password} onChange={setPassword} error={errors.password} autoComplete="new-password" />
        <TextField id="smtp-from" label={t('learn.integrations.from')} type="email" value={from} onChange={setFrom} error={errors.from} autoComplete="off" spellCheck={false} />
        <button type="submit" className="button-primary">{t('form.save')}</button>
      </form>
    </section>
  );
}
