/**
 * @module The protocol editor (`/protocol/edit`) for program leads: the active protocol as a form —
 * version, settings, and each step's action, condition, reason, contact and sources, in order, with
 * steps added, moved and removed — plus an advanced YAML/JSON text editor. Publishing runs the
 * protocol's test cases on the server; a refusal lists each failing case.
 */
import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import { parse, stringify } from 'yaml';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link, navigate } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, StatusMessage, TextField } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { ApiError } from '../../web/api.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { StepEditor } from './step-editor.tsx';
import { addStep, moveStep, nextVersion, removeStep, replaceStep, tidyProtocol } from './protocol-draft.ts';
import type { Protocol, PublishFailure } from './respond-types.ts';
import './respond.css';

/** The page at `/protocol/edit`. */
export function ProtocolEditorPage(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const load = useCallback(() => api.get<{ protocol: Protocol; versionId: string }>('/api/protocols/active'), [api]);
  const active = useLoad(load);
  const [draft, setDraft] = useState<Protocol>();
  // The advanced text always shows the draft as the form left it, until the program lead types in
  // it; a later change in the form replaces unapplied text, so the two never disagree silently.
  const [typedText, setTypedText] = useState<string>();
  const draftText = useMemo(() => (draft ? stringify(draft) : ''), [draft]);
  const text = typedText ?? draftText;
  const [textError, setTextError] = useState<string>();
  const [error, setError] = useState<string>();
  const [failures, setFailures] = useState<PublishFailure[]>([]);
  const [status, setStatus] = useState<string>();

  useEffect(() => setTypedText(undefined), [draft]);

  useEffect(() => {
    if (active.data && !draft) setDraft({ ...active.data.protocol, version: nextVersion(active.data.protocol.version), status: 'active' });
  }, [active.data, draft]);

  const publish = async (): Promise<void> => {
    if (!draft) return;
    setError(undefined);
    setFailures([]);
    setStatus(undefined);
    try {
      const result = await api.post<{ id: string; tests: { total: number; passed: number } }>('/api/protocols/versions', { protocol: tidyProtocol(draft) });
      setStatus(t('respond.editor.published', { version: draft.version, passed: result.tests.passed, total: result.tests.total }));
      navigate('/protocol');
    } catch (failure) {
      setError(failure instanceof ApiError && failure.errors.length > 0 ? t('respond.editor.refused', { count: failure.errors.length }) : describeError(t, failure));
      if (failure instanceof ApiError) setFailures(failure.errors);
    }
  };

  const applyText = (): void => {
    try {
      const parsed = parse(text) as Protocol;
      if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.steps)) throw new Error('no steps');
      setDraft(parsed);
      setTextError(undefined);
      setStatus(t('respond.editor.textApplied'));
    } catch {
      setTextError(t('respond.editor.textInvalid'));
    }
  };

  if (!draft) {
    return (
      <>
        <PageHeading title={t('respond.editor.title')}>{t('respond.editor.title')}</PageHeading>
        {active.error ? <FormError message={describeError(t, active.error)} /> : <p className="loading">{t('app.loading')}</p>}
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('respond.editor.title')}>{t('respond.editor.title')}</PageHeading>
      <p className="lead">{t('respond.editor.intro')}</p>
      <StatusMessage message={status} />
      <FormError message={error} />
      {failures.length > 0 ? (
        <section aria-labelledby="failures-heading" className="notice notice-error">
          <h2 id="failures-heading">{t('respond.editor.failuresHeading')}</h2>
          <ul className="failures">
            {failures.map((f) => <li key={f.field + f.message}><strong>{f.field}</strong>: <code>{f.message}</code></li>)}
          </ul>
        </section>
      ) : null}
      <div className="card stack">
        <TextField id="protocol-version" label={t('respond.editor.version')} hint={t('respond.editor.versionHint')} value={draft.version}
          onChange={(version) => setDraft({ ...draft, version })} />
        <TextField id="protocol-title" label={t('respond.editor.protocolTitle')} value={draft.title} onChange={(title) => setDraft({ ...draft, title })} />
        <fieldset>
          <legend>{t('respond.editor.settings')}</legend>
          <label className="choice">
            <input type="checkbox" checked={draft.settings.suggestClaimCodesForSuspected}
              onChange={(e) => setDraft({ ...draft, settings: { ...draft.settings, suggestClaimCodesForSuspected: e.target.checked } })} />
            {t('respond.editor.claimCodes')}
          </label>
          <TextField id="protocol-adult-age" type="number" className="number-input" label={t('respond.editor.adultAge')} value={String(draft.settings.adultAgeYears)}
            onChange={(v) => setDraft({ ...draft, settings: { ...draft.settings, adultAgeYears: Number(v) } })} />
        </fieldset>
      </div>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">{t('respond.editor.steps', { count: draft.steps.length })}</h2>
        <ol className="plain-list stack">
          {draft.steps.map((step, index) => (
            <StepEditor key={index} step={step} index={index} count={draft.steps.length}
              onChange={(next) => setDraft(replaceStep(draft, index, next))}
              onMove={(by) => setDraft(moveStep(draft, index, by))}
              onRemove={() => { setDraft(removeStep(draft, index)); setStatus(t('respond.editor.removed', { id: step.id })); }} />
          ))}
        </ol>
        <div className="actions">
          <button type="button" className="button-secondary" onClick={() => setDraft(addStep(draft))}>{t('respond.editor.addStep')}</button>
        </div>
      </section>
      <details className="section-card card">
        <summary className="sources"><span>{t('respond.editor.advanced')}</span></summary>
        <div className="field">
          <label htmlFor="protocol-text">{t('respond.editor.text')}</label>
          <p className="hint" id="protocol-text-hint">{t('respond.editor.textHint')}</p>
          {textError ? <p className="field-error" id="protocol-text-error">{textError}</p> : null}
          <textarea id="protocol-text" className="code-area" spellCheck={false} value={text} onChange={(e) => setTypedText(e.target.value)}
            aria-invalid={textError ? true : undefined} aria-describedby={textError ? 'protocol-text-hint protocol-text-error' : 'protocol-text-hint'} />
        </div>
        <div className="actions"><button type="button" className="button-secondary" onClick={applyText}>{t('respond.editor.applyText')}</button></div>
      </details>
      <div className="actions section-card">
        <button type="button" className="button-primary" onClick={() => void publish()}>{t('respond.editor.publish')}</button>
        <Link to="/protocol" className="button-quiet">{t('form.cancel')}</Link>
      </div>
    </>
  );
}
