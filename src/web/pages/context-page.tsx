/**
 * @module Choosing the organization (and facility) to work in: PUT /api/session/context. With one
 * organization and at most one facility there is nothing to choose, so it is chosen at once.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSignedIn } from '../session.tsx';
import { describeError } from '../error-messages.ts';
import { FormError } from '../components/form-fields.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { navigate } from '../router.tsx';
import type { SessionView } from '../session-types.ts';

/** The organization and facility chooser. */
export function ContextPage(): ReactElement {
  const { t } = useMessages();
  const { api, adopt, session } = useSignedIn();
  const organizations = session.organizations;
  const [organizationId, setOrganizationId] = useState(session.organizationId ?? organizations[0]?.id ?? '');
  const [facilityId, setFacilityId] = useState(session.facilityId ?? '');
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const autoChosen = useRef(false);
  const organization = organizations.find((org) => org.id === organizationId);

  const choose = async (orgId: string, facility: string): Promise<void> => {
    setBusy(true);
    setFormError(undefined);
    try {
      adopt(await api.put<SessionView>('/api/session/context', { organizationId: orgId, ...(facility ? { facilityId: facility } : {}) }));
      navigate('/', { replace: true });
    } catch (error) {
      setFormError(describeError(t, error));
      setBusy(false);
    }
  };

  const only = organizations.length === 1 ? organizations[0] : undefined;
  const nothingToChoose = session.organizationId === null && only !== undefined && only.facilities.length <= 1;
  useEffect(() => {
    if (!nothingToChoose || autoChosen.current || !only) return;
    autoChosen.current = true;
    void choose(only.id, only.facilities[0]?.id ?? '');
  });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void choose(organizationId, facilityId);
  };

  if (organizations.length === 0) {
    return (
      <div className="narrow">
        <PageHeading title={t('context.title')}>{t('context.title')}</PageHeading>
        <p>{t('context.none')}</p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeading title={t('context.title')}>{t('context.title')}</PageHeading>
      <FormError message={formError} />
      {nothingToChoose && !formError ? <p role="status">{t('app.loading')}</p> : (
        <form className="card stack" onSubmit={submit}>
          <fieldset>
            <legend>{t('context.organization')}</legend>
            {organizations.map((org) => (
              <label key={org.id} className="choice">
                <input type="radio" name="organization" value={org.id} checked={org.id === organizationId}
                  onChange={() => { setOrganizationId(org.id); setFacilityId(''); }} />
                <span>{org.name}</span>
              </label>
            ))}
          </fieldset>
          {organization && organization.facilities.length > 0 ? (
            <fieldset>
              <legend>{t('context.facility')}</legend>
              <label className="choice">
                <input type="radio" name="facility" value="" checked={facilityId === ''} onChange={() => setFacilityId('')} />
                <span>{t('context.allFacilities')}</span>
              </label>
              {organization.facilities.map((facility) => (
                <label key={facility.id} className="choice">
                  <input type="radio" name="facility" value={facility.id} checked={facility.id === facilityId} onChange={() => setFacilityId(facility.id)} />
                  <span>{facility.name}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <button type="submit" className="button-primary" disabled={busy || !organization}>{t('context.submit')}</button>
        </form>
      )}
    </div>
  );
}
