/**
 * @module Admin: the health record systems (EHRs) Lantern works with. CDS Hooks clients may ask for
 * suggestions (`/api/ehr/cds-clients`: JWT issuer, its JWK Set URL, the FHIR servers Lantern may
 * read, a facility for the counters); SMART clients may launch the screening app
 * (`/api/ehr/smart-clients`: FHIR base URL, Lantern's client id there, a name, a token endpoint).
 * Each is listed, added, changed and removed here.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactElement, type ReactNode, type RefObject } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { describeError, fieldsOf } from '../../web/error-messages.ts';
import { FormError, StatusMessage, TextField } from '../../web/components/form-fields.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import type { Translate } from '../../platform/i18n/format.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { formatTime } from '../../web/admin/format-time.ts';

interface CdsClientView { id: string; issuer: string; jwksUrl: string; fhirServers: string[]; facilityId: string | null; createdAt: string }
interface SmartClientView { id: string; issuer: string; clientId: string; label: string; tokenEndpoint?: string; createdAt: string }

type Errors<F extends string> = Partial<Record<F, string>>;

const isHttpUrl = (value: string): boolean => /^https?:\/\/[^\s/]+\S*$/.test(value.trim());

/** The fields a failed request names (`fhirServers.0` counts as `fhirServers`), each given the error's sentence. */
function serverErrors<F extends string>(t: Translate, failure: unknown, fields: readonly F[]): { errors: Errors<F>; message: string } {
  const message = describeError(t, failure);
  const named = [...fieldsOf(failure)].map((f) => f.split('.')[0]);
  return { errors: Object.fromEntries(fields.filter((f) => named.includes(f)).map((f) => [f, message])) as Errors<F>, message };
}

/** A form for adding or changing one registration, with its own heading that takes focus when editing starts. */
function RegistrationForm({ id, heading, headingRef, editing, onSubmit, onCancel, children }: {
  id: string; heading: string; headingRef: RefObject<HTMLHeadingElement | null>; editing: boolean; onSubmit: () => Promise<void>; onCancel: () => void; children: ReactNode;
}): ReactElement {
  const { t } = useMessages();
  return (
    <form className="card stack" aria-labelledby={`${id}-heading`} noValidate onSubmit={(event: FormEvent) => { event.preventDefault(); void onSubmit(); }}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>{heading}</h3>
      {children}
      <div className="actions">
        <button type="submit" className="button-primary">{editing ? t('form.save') : t('ehr.admin.add')}</button>
        {editing ? <button type="button" className="button-secondary" onClick={onCancel}>{t('form.cancel')}</button> : null}
      </div>
    </form>
  );
}

/** Change and Remove (with a confirmation) for one listed registration. */
function RowActions({ nameId, confirming, onEdit, onAskRemove, onRemove, onKeep }: {
  nameId: string; confirming: boolean; onEdit: () => void; onAskRemove: () => void; onRemove: () => void; onKeep: () => void;
}): ReactElement {
  const { t } = useMessages();
  const confirm = useRef<HTMLButtonElement>(null);
  // The confirmation replaces the button that asked for it, so it takes over the focus too.
  useEffect(() => { if (confirming) confirm.current?.focus(); }, [confirming]);
  return confirming ? (
    <div className="actions">
      <button type="button" ref={confirm} className="button-danger" aria-describedby={nameId} onClick={onRemove}>{t('ehr.admin.confirmRemove')}</button>
      <button type="button" className="button-secondary" onClick={onKeep}>{t('form.cancel')}</button>
    </div>
  ) : (
    <div className="actions">
      <button type="button" className="button-secondary" aria-describedby={nameId} onClick={onEdit}>{t('ehr.admin.change')}</button>
      <button type="button" className="button-secondary" aria-describedby={nameId} onClick={onAskRemove}>{t('ehr.admin.remove')}</button>
    </div>
  );
}

type CdsField = 'issuer' | 'jwksUrl' | 'fhirServers' | 'facilityId';
const CDS_FIELDS: readonly CdsField[] = ['issuer', 'jwksUrl', 'fhirServers', 'facilityId'];

function CdsClientsSection({ setStatus, setFormError }: { setStatus: (s: string | undefined) => void; setFormError: (s: string | undefined) => void }): ReactElement {
  const { t, locale } = useMessages();
  const { api, session } = useSignedIn();
  const load = useCallback(() => api.get<CdsClientView[]>('/api/ehr/cds-clients'), [api]);
  const clients = useLoad(load);
  const facilities = session.organizations.find((o) => o.id === session.organizationId)?.facilities ?? [];
  const [editing, setEditing] = useState<CdsClientView>();
  const [issuer, setIssuer] = useState('');
  const [jwksUrl, setJwksUrl] = useState('');
  const [fhirServers, setFhirServers] = useState('');
  const [facilityId, setFacilityId] = useState('');
  const [errors, setErrors] = useState<Errors<CdsField>>({});
  const [confirming, setConfirming] = useState<string>();
  const formHeading = useRef<HTMLHeadingElement>(null);

  const fill = (client: CdsClientView | undefined): void => {
    setEditing(client);
    setIssuer(client?.issuer ?? '');
    setJwksUrl(client?.jwksUrl ?? '');
    setFhirServers(client?.fhirServers.join('\n') ?? '');
    setFacilityId(client?.facilityId ?? '');
    setErrors({});
  };

  const save = async (): Promise<void> => {
    setStatus(undefined);
    const servers = fhirServers.split(/\s+/).filter(Boolean);
    const found: Errors<CdsField> = {
      ...(issuer.trim() ? {} : { issuer: t('ehr.admin.error.issuer') }),
      ...(isHttpUrl(jwksUrl) ? {} : { jwksUrl: t('ehr.admin.error.url') }),
      ...(servers.every(isHttpUrl) ? {} : { fhirServers: t('ehr.admin.error.fhirServers') }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('form.error.fixFields'));
      return;
    }
    setFormError(undefined);
    const body = { issuer: issuer.trim(), jwksUrl: jwksUrl.trim(), fhirServers: servers, ...(facilityId ? { facilityId } : {}) };
    try {
      if (editing) await api.put(`/api/ehr/cds-clients/${encodeURIComponent(editing.id)}`, body);
      else await api.post('/api/ehr/cds-clients', body);
      setStatus(editing ? t('ehr.admin.cds.saved', { issuer: body.issuer }) : t('ehr.admin.cds.added', { issuer: body.issuer }));
      fill(undefined);
      await clients.reload();
    } catch (failure) {
      const { errors: named, message } = serverErrors(t, failure, CDS_FIELDS);
      setErrors(named);
      setFormError(message);
    }
  };

  const remove = async (client: CdsClientView): Promise<void> => {
    setFormError(undefined);
    try {
      await api.delete(`/api/ehr/cds-clients/${encodeURIComponent(client.id)}`);
      setConfirming(undefined);
      if (editing?.id === client.id) fill(undefined);
      await clients.reload();
      setStatus(t('ehr.admin.cds.removed', { issuer: client.issuer }));
    } catch (failure) {
      setFormError(describeError(t, failure));
    }
  };

  const facilityName = (id: string | null): string => (id ? facilities.find((f) => f.id === id)?.name ?? id : t('ehr.admin.cds.allFacilities'));

  return (
    <section aria-labelledby="cds-clients-heading" className="stack">
      <h2 id="cds-clients-heading">{t('ehr.admin.cds.heading')}</h2>
      <p>{t('ehr.admin.cds.intro')}</p>
      {clients.error ? <p>{describeError(t, clients.error)}</p> : clients.data === undefined ? <p>{t('app.loading')}</p> : clients.data.length === 0 ? <p>{t('ehr.admin.cds.none')}</p> : (
        <ul className="plain-list cards">
          {clients.data.map((client) => {
            const nameId = `cds-client-${client.id}-name`;
            return (
              <li key={client.id} className="card" aria-labelledby={nameId}>
                <h3 id={nameId} className="card-title uri">{client.issuer}</h3>
                <dl className="facts">
                  <dt>{t('ehr.admin.cds.jwksUrl')}</dt><dd className="uri">{client.jwksUrl}</dd>
                  <dt>{t('ehr.admin.cds.fhirServers')}</dt><dd className="uri">{client.fhirServers.length > 0 ? client.fhirServers.join(', ') : t('ehr.admin.cds.noFhirServers')}</dd>
                  <dt>{t('ehr.admin.cds.facility')}</dt><dd>{facilityName(client.facilityId)}</dd>
                  <dt>{t('ehr.admin.addedAt')}</dt><dd>{formatTime(client.createdAt, locale)}</dd>
                </dl>
                <RowActions nameId={nameId} confirming={confirming === client.id}
                  onEdit={() => { fill(client); setConfirming(undefined); requestAnimationFrame(() => formHeading.current?.focus()); }}
                  onAskRemove={() => setConfirming(client.id)} onRemove={() => void remove(client)} onKeep={() => setConfirming(undefined)} />
              </li>
            );
          })}
        </ul>
      )}
      <RegistrationForm id="cds-form" headingRef={formHeading} heading={editing ? t('ehr.admin.cds.changeHeading', { issuer: editing.issuer }) : t('ehr.admin.cds.addHeading')}
        editing={editing !== undefined} onSubmit={save} onCancel={() => fill(undefined)}>
        <TextField id="cds-issuer" label={t('ehr.admin.cds.issuer')} hint={t('ehr.admin.cds.issuerHint')} value={issuer} onChange={setIssuer}
          error={errors.issuer} autoComplete="off" spellCheck={false} />
        <TextField id="cds-jwks-url" label={t('ehr.admin.cds.jwksUrl')} hint={t('ehr.admin.cds.jwksUrlHint')} type="url" value={jwksUrl} onChange={setJwksUrl}
          error={errors.jwksUrl} autoComplete="off" spellCheck={false} />
        <div className="field">
          <label htmlFor="cds-fhir-servers">{t('ehr.admin.cds.fhirServers')}</label>
          <p className="hint" id="cds-fhir-servers-hint">{t('ehr.admin.cds.fhirServersHint')}</p>
          {errors.fhirServers ? <p className="field-error" id="cds-fhir-servers-error">{errors.fhirServers}</p> : null}
          <textarea id="cds-fhir-servers" rows={3} value={fhirServers} spellCheck={false} onChange={(event) => setFhirServers(event.target.value)}
            aria-invalid={errors.fhirServers ? true : undefined}
            aria-describedby={['cds-fhir-servers-hint', errors.fhirServers ? 'cds-fhir-servers-error' : ''].filter(Boolean).join(' ')} />
        </div>
        <div className="field">
          <label htmlFor="cds-facility">{t('ehr.admin.cds.facility')}</label>
          <p className="hint" id="cds-facility-hint">{t('ehr.admin.cds.facilityHint')}</p>
          {errors.facilityId ? <p className="field-error" id="cds-facility-error">{errors.facilityId}</p> : null}
          <select id="cds-facility" value={facilityId} onChange={(event) => setFacilityId(event.target.value)}
            aria-invalid={errors.facilityId ? true : undefined}
            aria-describedby={['cds-facility-hint', errors.facilityId ? 'cds-facility-error' : ''].filter(Boolean).join(' ')}>
            <option value="">{t('ehr.admin.cds.allFacilities')}</option>
            {facilities.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
          </select>
        </div>
      </RegistrationForm>
    </section>
  );
}

type SmartField = 'issuer' | 'clientId' | 'label' | 'tokenEndpoint';
const SMART_FIELDS: readonly SmartField[] = ['issuer', 'clientId', 'label', 'tokenEndpoint'];

function SmartClientsSection({ setStatus, setFormError }: { setStatus: (s: string | undefined) => void; setFormError: (s: string | undefined) => void }): ReactElement {
  const { t, locale } = useMessages();
  const { api } = useSignedIn();
  const load = useCallback(() => api.get<SmartClientView[]>('/api/ehr/smart-clients'), [api]);
  const clients = useLoad(load);
  const [editing, setEditing] = useState<SmartClientView>();
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [label, setLabel] = useState('');
  const [tokenEndpoint, setTokenEndpoint] = useState('');
  const [errors, setErrors] = useState<Errors<SmartField>>({});
  const [confirming, setConfirming] = useState<string>();
  const formHeading = useRef<HTMLHeadingElement>(null);

  const fill = (client: SmartClientView | undefined): void => {
    setEditing(client);
    setIssuer(client?.issuer ?? '');
    setClientId(client?.clientId ?? '');
    setLabel(client?.label ?? '');
    setTokenEndpoint(client?.tokenEndpoint ?? '');
    setErrors({});
  };

  const save = async (): Promise<void> => {
    setStatus(undefined);
    const found: Errors<SmartField> = {
      ...(isHttpUrl(issuer) ? {} : { issuer: t('ehr.admin.error.url') }),
      ...(clientId.trim() ? {} : { clientId: t('ehr.admin.error.clientId') }),
      ...(tokenEndpoint.trim() === '' || isHttpUrl(tokenEndpoint) ? {} : { tokenEndpoint: t('ehr.admin.error.url') }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('form.error.fixFields'));
      return;
    }
    setFormError(undefined);
    const body = {
      issuer: issuer.trim(), clientId: clientId.trim(), ...(label.trim() ? { label: label.trim() } : {}),
      ...(tokenEndpoint.trim() ? { tokenEndpoint: tokenEndpoint.trim() } : {}),
    };
    try {
      if (editing) await api.put(`/api/ehr/smart-clients/${encodeURIComponent(editing.id)}`, body);
      else await api.post('/api/ehr/smart-clients', body);
      setStatus(editing ? t('ehr.admin.smart.saved', { issuer: body.issuer }) : t('ehr.admin.smart.added', { issuer: body.issuer }));
      fill(undefined);
      await clients.reload();
    } catch (failure) {
      const { errors: named, message } = serverErrors(t, failure, SMART_FIELDS);
      setErrors(named);
      setFormError(message);
    }
  };

  const remove = async (client: SmartClientView): Promise<void> => {
    setFormError(undefined);
    try {
      await api.delete(`/api/ehr/smart-clients/${encodeURIComponent(client.id)}`);
      setConfirming(undefined);
      if (editing?.id === client.id) fill(undefined);
      await clients.reload();
      setStatus(t('ehr.admin.smart.removed', { issuer: client.issuer }));
    } catch (failure) {
      setFormError(describeError(t, failure));
    }
  };

  return (
    <section aria-labelledby="smart-clients-heading" className="stack">
      <h2 id="smart-clients-heading">{t('ehr.admin.smart.heading')}</h2>
      <p>{t('ehr.admin.smart.intro')}</p>
      {clients.error ? <p>{describeError(t, clients.error)}</p> : clients.data === undefined ? <p>{t('app.loading')}</p> : clients.data.length === 0 ? <p>{t('ehr.admin.smart.none')}</p> : (
        <ul className="plain-list cards">
          {clients.data.map((client) => {
            const nameId = `smart-client-${client.id}-name`;
            return (
              <li key={client.id} className="card" aria-labelledby={nameId}>
                <h3 id={nameId} className="card-title">{client.label}</h3>
                <dl className="facts">
                  <dt>{t('ehr.admin.smart.issuer')}</dt><dd className="uri">{client.issuer}</dd>
                  <dt>{t('ehr.admin.smart.clientId')}</dt><dd className="uri">{client.clientId}</dd>
                  {client.tokenEndpoint ? <><dt>{t('ehr.admin.smart.tokenEndpoint')}</dt><dd className="uri">{client.tokenEndpoint}</dd></> : null}
                  <dt>{t('ehr.admin.addedAt')}</dt><dd>{formatTime(client.createdAt, locale)}</dd>
                </dl>
                <RowActions nameId={nameId} confirming={confirming === client.id}
                  onEdit={() => { fill(client); setConfirming(undefined); requestAnimationFrame(() => formHeading.current?.focus()); }}
                  onAskRemove={() => setConfirming(client.id)} onRemove={() => void remove(client)} onKeep={() => setConfirming(undefined)} />
              </li>
            );
          })}
        </ul>
      )}
      <RegistrationForm id="smart-form" headingRef={formHeading} heading={editing ? t('ehr.admin.smart.changeHeading', { label: editing.label }) : t('ehr.admin.smart.addHeading')}
        editing={editing !== undefined} onSubmit={save} onCancel={() => fill(undefined)}>
        <TextField id="smart-issuer" label={t('ehr.admin.smart.issuer')} hint={t('ehr.admin.smart.issuerHint')} type="url" value={issuer} onChange={setIssuer}
          error={errors.issuer} autoComplete="off" spellCheck={false} />
        <TextField id="smart-client-id" label={t('ehr.admin.smart.clientId')} hint={t('ehr.admin.smart.clientIdHint')} value={clientId} onChange={setClientId}
          error={errors.clientId} autoComplete="off" spellCheck={false} />
        <TextField id="smart-label" label={t('ehr.admin.smart.label')} hint={t('ehr.admin.smart.labelHint')} value={label} onChange={setLabel}
          error={errors.label} autoComplete="off" />
        <TextField id="smart-token-endpoint" label={t('ehr.admin.smart.tokenEndpoint')} hint={t('ehr.admin.smart.tokenEndpointHint')} type="url"
          value={tokenEndpoint} onChange={setTokenEndpoint} error={errors.tokenEndpoint} autoComplete="off" spellCheck={false} />
      </RegistrationForm>
    </section>
  );
}

/** The page at `/admin/health-records`. */
export function EhrRegistrationsPage(): ReactElement {
  const { t } = useMessages();
  const [status, setStatus] = useState<string>();
  const [formError, setFormError] = useState<string>();
  return (
    <>
      <PageHeading title={t('ehr.admin.title')}>{t('ehr.admin.title')}</PageHeading>
      <p className="lead">{t('ehr.admin.intro')}</p>
      <StatusMessage message={status} />
      <FormError message={formError} />
      <CdsClientsSection setStatus={setStatus} setFormError={setFormError} />
      <SmartClientsSection setStatus={setStatus} setFormError={setFormError} />
    </>
  );
}
