/**
 * @module Certificates of the organization for educators, with revocation: a reason is required,
 * the server records it in the audit log, and the public verify page then says "revoked".
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError, StatusMessage, TextField } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import type { CertificateView } from './learn-types.ts';

/** The certificate list with a revoke form per valid certificate. */
export function CertificateAdmin(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const certificates = useLoad(useCallback(() => api.get<{ certificates: CertificateView[] }>('/api/learn/certificates?all=true'), [api]));
  const [revoking, setRevoking] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');

  const revoke = async (event: FormEvent, certificate: CertificateView): Promise<void> => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('learn.revoke.reasonRequired'));
      return;
    }
    try {
      await api.post(`/api/learn/certificates/${certificate.id}/revocation`, { reason: reason.trim() });
      setError(undefined);
      setRevoking(undefined);
      setReason('');
      setStatus(t('learn.revoke.done', { name: certificate.learnerName }));
      await certificates.reload();
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };

  return (
    <section aria-labelledby="certificates-admin">
      <h2 id="certificates-admin">{t('learn.certificates.title')}</h2>
      <StatusMessage message={status} />
      <FormError message={certificates.error ? describeError(t, certificates.error) : undefined} />
      {certificates.data === undefined ? <p className="loading">{t('app.loading')}</p> : certificates.data.certificates.length === 0 ? <p>{t('learn.certificates.none')}</p> : (
        <ul className="plain-list learn-stack">
          {certificates.data.certificates.map((c) => (
            <li key={c.id} className="card">
              <p><strong>{c.learnerName}</strong> · {c.courseTitle} ({c.courseVersion}) · {c.issuedAt.slice(0, 10)}</p>
              {c.status === 'revoked' ? <p>{t('learn.revoke.revokedWith', { reason: c.revokedReason ?? '' })}</p>
                : revoking === c.id ? (
                  <form onSubmit={(event) => void revoke(event, c)} noValidate>
                    <FormError message={error} />
                    <TextField id={`revoke-${c.id}`} label={t('learn.revoke.reason')} value={reason} onChange={setReason} required maxLength={500} autoFocus />
                    <div className="actions">
                      <button type="submit" className="button-danger">{t('learn.revoke.confirm')}</button>
                      <button type="button" className="button-quiet" onClick={() => setRevoking(undefined)}>{t('learn.revoke.cancel')}</button>
                    </div>
                  </form>
                ) : <button type="button" className="button-secondary" onClick={() => { setRevoking(c.id); setError(undefined); }}>{t('learn.revoke.start', { name: c.learnerName })}</button>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
