/**
 * @module `/referrals/partners`: the organizations this organization refers to, for program leads.
 * A partner gives its Lantern organization id; the program lead adds it under a name of their own
 * (nothing of the other organization is shown), and can remove it (its referrals stay).
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, StatusMessage, TextField } from '../../web/components/form-fields.tsx';
import { describeError, fieldsOf } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import type { PartnerOrganization } from './referral-ui-types.ts';

/** The page at `/referrals/partners`. */
export function ReferralPartnersPage(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const partners = useLoad(useCallback(() => api.get<PartnerOrganization[]>('/api/referral-partners'), [api]));
  const [organizationId, setOrganizationId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<{ message: string; fields: Set<string> }>();
  const [status, setStatus] = useState<string>();

  const run = async (change: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await change();
      await partners.reload();
      setError(undefined);
      setStatus(done);
      return true;
    } catch (failure) {
      setStatus(undefined);
      setError({ message: describeError(t, failure), fields: fieldsOf(failure) });
      return false;
    }
  };

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const partner = { organizationId: organizationId.trim(), name: name.trim() };
    if (await run(() => api.post('/api/referral-partners', partner), t('refer.partners.added', { name: partner.name }))) {
      setOrganizationId('');
      setName('');
    }
  };

  // The removed row's button goes away: keyboard users continue at the list's heading.
  const remove = async (partner: PartnerOrganization): Promise<void> => {
    if (await run(() => api.delete(`/api/referral-partners/${encodeURIComponent(partner.id)}`), t('refer.partners.removed', { name: partner.name }))) {
      document.getElementById('partner-list-heading')?.focus();
    }
  };

  const fieldError = (field: string): string | undefined => (error?.fields.has(field) ? error.message : undefined);
  return (
    <>
      <PageHeading title={t('refer.partners.title')}>{t('refer.partners.title')}</PageHeading>
      <p className="lead">{t('refer.partners.intro')}</p>
      <FormError message={error?.message ?? (partners.error ? describeError(t, partners.error) : undefined)} />
      <StatusMessage message={status} />
      <section aria-labelledby="partner-list-heading">
        <h2 id="partner-list-heading" tabIndex={-1}>{t('refer.partners.listHeading')}</h2>
        {partners.data === undefined ? <p className="loading">{t('app.loading')}</p>
          : partners.data.length === 0 ? <p>{t('refer.partners.none')}</p> : (
            <ul className="plain-list partner-list">
              {partners.data.map((partner) => (
                <li key={partner.id}>
                  <span className="partner-name">{partner.name}</span> <code className="muted">{partner.id}</code>{' '}
                  <button type="button" className="button-quiet" onClick={() => void remove(partner)}>
                    {t('refer.partners.remove', { name: partner.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
      </section>
      <section aria-labelledby="partner-add-heading">
        <h2 id="partner-add-heading">{t('refer.partners.addHeading')}</h2>
        <form onSubmit={(e) => void add(e)} className="partner-form">
          <TextField id="partner-organization-id" label={t('refer.partners.organizationId')} hint={t('refer.partners.organizationIdHint')}
            value={organizationId} onChange={setOrganizationId} required autoComplete="off" spellCheck={false}
            error={fieldError('organizationId')} />
          <TextField id="partner-name" label={t('refer.partners.name')} value={name} onChange={setName} required maxLength={200}
            error={fieldError('name')} />
          <button type="submit" className="button-primary">{t('refer.partners.add')}</button>
        </form>
      </section>
    </>
  );
}
