/**
 * @module The app shell: skip link, header, navigation and main landmark around the page the
 * session calls for — the sign-in steps first, then the chosen organization's pages.
 */
import { Suspense, type ReactElement } from 'react';
import { useMessages } from './i18n.tsx';
import { useSession } from './session.tsx';
import { usePath } from './router.tsx';
import { findRoute, isRouteAllowed } from './routes.ts';
import { AppHeader } from './components/app-header.tsx';
import { MainNav } from './components/main-nav.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { TotpPage } from './pages/totp-page.tsx';
import { TotpEnrolmentPage } from './pages/totp-enrolment-page.tsx';
import { ContextPage } from './pages/context-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

/** The whole app inside the providers. */
export function App(): ReactElement {
  const { t } = useMessages();
  const { session } = useSession();
  const showNav = session?.status === 'signed-in' && session.organizationId !== null;
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <AppHeader />
      {showNav ? <MainNav /> : null}
      <main id="main" tabIndex={-1}>
        <CurrentPage />
      </main>
    </>
  );
}

function CurrentPage(): ReactElement {
  const { t } = useMessages();
  const { session } = useSession();
  const path = usePath();
  const route = findRoute(path);
  const loading = <p className="loading" role="status">{t('app.loading')}</p>;
  // A public page (a signed referral link) authenticates its reader itself: no sign-in gate.
  if (route?.public) return <Suspense fallback={loading}><route.Page key={route.path} /></Suspense>;
  if (session === undefined) return loading;
  if (session === null) return <SignInPage />;
  if (session.status === 'mfa-required') return <TotpPage />;
  if (session.status === 'mfa-enrolment-required') return <TotpEnrolmentPage />;
  if (session.organizationId === null) return <ContextPage />;
  if (!route || !isRouteAllowed(route, session)) return <NotFoundPage />;
  // Capabilities may register pages with React.lazy(), so big pages load only when opened.
  return (
    <Suspense fallback={loading}>
      <route.Page key={route.path} />
    </Suspense>
  );
}
