/**
 * @module The banner: the product name, where the person is working (organization · facility),
 * the language picker, and sign out.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { Link, navigate } from '../router.tsx';
import { LanguageForm } from './language-form.tsx';

/** The page banner. */
export function AppHeader(): ReactElement {
  const { t } = useMessages();
  const { session, signOut } = useSession();
  const signedIn = session?.status === 'signed-in';
  const organization = session?.organizations.find((org) => org.id === session.organizationId);
  const facility = organization?.facilities.find((f) => f.id === session?.facilityId);
  const canChange = (session?.organizations.length ?? 0) > 1 || (organization?.facilities.length ?? 0) > 1;

  const handleSignOut = async (): Promise<void> => {
    await signOut();
    navigate('/', { replace: true });
  };

  return (
    <header className="app-header">
      <div className="header-row">
        <Link to="/" className="brand">
          <LanternMark />
          <span>{t('app.name')}</span>
        </Link>
        {session ? (
          <div className="header-user">
            <span className="user-name">{session.user.displayName}</span>
            <button type="button" className="button-quiet" onClick={() => void handleSignOut()}>{t('app.signOut')}</button>
          </div>
        ) : null}
      </div>
      <div className="header-row header-row-secondary">
        {signedIn && organization ? (
          <p className="context-line">
            <span className="visually-hidden">{t('app.workingIn')} </span>
            {facility ? t('app.contextWithFacility', { organization: organization.name, facility: facility.name }) : organization.name}
            {canChange ? <> <Link to="/context" className="inline-link">{t('app.changeContext')}</Link></> : null}
          </p>
        ) : <span />}
        <LanguageForm />
      </div>
    </header>
  );
}

/** The lantern mark, drawn inline (no icon files or fonts to fetch). */
function LanternMark(): ReactElement {
  return (
    <svg className="brand-mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d="M9 3h6M12 3v2M8 7h8l1 3v7l-1 3H8l-1-3v-7z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M12 10.5c1.2 1.3 1.8 2.3 1.8 3.2a1.8 1.8 0 0 1-3.6 0c0-.9.6-1.9 1.8-3.2z" fill="currentColor" />
    </svg>
  );
}
