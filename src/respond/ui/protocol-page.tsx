/**
 * @module The protocol page (`/protocol`): the active protocol's steps, the published versions with
 * who published each, and the difference between any two versions. Program leads go on to the editor.
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { formatTime } from '../../web/admin/format-time.ts';
import { isPermitted } from '../../web/session-types.ts';
import { ProtocolSteps } from './protocol-steps.tsx';
import { ProtocolDiffView } from './protocol-diff-view.tsx';
import type { Protocol, ProtocolDiff, ProtocolVersionSummary } from './respond-types.ts';
import './respond.css';

const SHIPPED = 'shipped';

/** The page at `/protocol`. */
export function ProtocolPage(): ReactElement {
  const { t, locale } = useMessages();
  const { api, session } = useSignedIn();
  const loadActive = useCallback(() => api.get<{ protocol: Protocol; versionId: string }>('/api/protocols/active'), [api]);
  const loadVersions = useCallback(() => api.get<ProtocolVersionSummary[]>('/api/protocols/versions'), [api]);
  const active = useLoad(loadActive);
  const versions = useLoad(loadVersions);
  const [from, setFrom] = useState(SHIPPED);
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<ProtocolDiff>();
  const [diffError, setDiffError] = useState<string>();
  const canEdit = isPermitted(session, 'protocol', 'create');

  const options = [...(versions.data ?? []).map((v) => ({ id: v.id, label: t('respond.protocol.versionOption', { version: v.version, at: formatTime(v.publishedAt, locale) }) })),
    { id: SHIPPED, label: t('respond.protocol.shipped') }];
  const toValue = to || options[0]?.id || SHIPPED;

  const compare = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setDiffError(undefined);
    try {
      setDiff(await api.get<ProtocolDiff>(`/api/protocols/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(toValue)}`));
    } catch (failure) {
      setDiffError(describeError(t, failure));
    }
  };

  return (
    <>
      <PageHeading title={t('respond.protocol.title')}>{t('respond.protocol.title')}</PageHeading>
      <FormError message={active.error || versions.error ? describeError(t, active.error ?? versions.error) : undefined} />
      {active.data ? (
        <p className="lead">{t('respond.protocol.active', { title: active.data.protocol.title, version: active.data.protocol.version })}</p>
      ) : <p className="loading">{t('app.loading')}</p>}
      {canEdit ? <div className="actions"><Link to="/protocol/edit" className="button-primary">{t('respond.protocol.edit')}</Link></div> : null}

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('respond.protocol.versions')}</h2>
        <div className="table-scroll" role="region" aria-labelledby="versions-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="versions-caption">{t('respond.protocol.versionsCaption')}</caption>
            <thead><tr><th scope="col">{t('respond.protocol.version')}</th><th scope="col">{t('respond.protocol.publishedBy')}</th><th scope="col">{t('respond.protocol.publishedAt')}</th></tr></thead>
            <tbody>
              {(versions.data ?? []).map((v) => (
                <tr key={v.id}><td>{v.version} <span className="muted">{v.title}</span></td><td>{v.publishedByEmail ?? v.publishedBy}</td><td>{formatTime(v.publishedAt, locale)}</td></tr>
              ))}
              <tr><td>{t('respond.protocol.shipped')}</td><td>{t('respond.protocol.lantern')}</td><td>—</td></tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="diff-heading">
        <h2 id="diff-heading">{t('respond.protocol.compare')}</h2>
        <form className="card" onSubmit={(event) => void compare(event)}>
          <FormError message={diffError} />
          <div className="two-col">
            <div className="field">
              <label htmlFor="diff-from">{t('respond.protocol.from')}</label>
              <select id="diff-from" value={from} onChange={(e) => setFrom(e.target.value)}>{options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}</select>
            </div>
            <div className="field">
              <label htmlFor="diff-to">{t('respond.protocol.to')}</label>
              <select id="diff-to" value={toValue} onChange={(e) => setTo(e.target.value)}>{options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}</select>
            </div>
          </div>
          <div className="actions"><button type="submit" className="button-primary">{t('respond.protocol.showDiff')}</button></div>
        </form>
        {diff ? <div className="section-card" role="region" aria-label={t('respond.protocol.diffResult')}><ProtocolDiffView diff={diff} /></div> : null}
      </section>

      {active.data ? (
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading">{t('respond.protocol.steps', { count: active.data.protocol.steps.length })}</h2>
          <ProtocolSteps steps={active.data.protocol.steps} />
        </section>
      ) : null}
    </>
  );
}
