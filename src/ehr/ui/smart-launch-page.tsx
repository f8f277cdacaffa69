/**
 * @module `/smart/launch`: where the EHR (or the CDS card's link) opens Lantern. Lantern's own
 * sign-in comes first (the shell shows it on this same address); then the page looks up the
 * EHR's client id and hands the browser to the EHR's authorization server. Without `iss`, it
 * offers a standalone launch from the organization's connected EHRs.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { SmartFailure } from './smart-failure.tsx';
import { SmartLaunchError, startSmartLaunch, type LaunchFailure } from './smart-launch.ts';

/** The page at `/smart/launch`. */
export function SmartLaunchPage(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const params = new URLSearchParams(window.location.search);
  const iss = params.get('iss');
  const launch = params.get('launch');
  const [failure, setFailure] = useState<LaunchFailure>();
  const [issuers, setIssuers] = useState<{ iss: string; label: string }[]>();
  const started = useRef(false);

  useEffect(() => { document.title = t('app.documentTitle', { page: t('ehr.smart.launchTitle') }); }, [t]);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!iss) {
      api.get<{ iss: string; label: string }[]>('/api/ehr/smart-issuers').then(setIssuers, () => setFailure('broken'));
      return;
    }
    startSmartLaunch(api, { iss, ...(launch ? { launch } : {}) })
      .catch((error: unknown) => setFailure(error instanceof SmartLaunchError ? error.kind : 'broken'));
  }, [api, iss, launch]);

  if (failure) return <SmartFailure kind={failure} />;
  return (
    <div className="stack">
      <h1 id="page-title">{t('ehr.smart.launchTitle')}</h1>
      {iss ? <p className="loading" role="status">{t('ehr.smart.launching')}</p> : null}
      {!iss && issuers ? (
        issuers.length === 0 ? <p>{t('ehr.smart.standaloneNone')}</p> : (
          <>
            <p>{t('ehr.smart.standaloneIntro')}</p>
            <ul className="actions">
              {issuers.map((ehr) => (
                <li key={ehr.iss}><a className="button-primary" href={`/smart/launch?iss=${encodeURIComponent(ehr.iss)}`}>{t('ehr.smart.standaloneOpen', { label: ehr.label })}</a></li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </div>
  );
}
