/**
 * @module The home page: a greeting and the pages this person can open, from the page registry.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSignedIn } from '../session.tsx';
import { Link } from '../router.tsx';
import { isRouteAllowed, pageRoutes } from '../routes.ts';
import { PageHeading } from '../components/page-heading.tsx';

/** The page at `/`. */
export function HomePage(): ReactElement {
  const { t } = useMessages();
  const { session } = useSignedIn();
  const pages = pageRoutes.filter((route) => route.summary && route.nav && isRouteAllowed(route, session));
  return (
    <>
      <PageHeading title={t('nav.home')}>{t('home.greeting', { name: session.user.displayName })}</PageHeading>
      {pages.length === 0 ? <p className="lead">{t('home.nothingYet')}</p> : (
        <>
          <p className="lead">{t('home.intro')}</p>
          <ul className="plain-list tiles">
            {pages.map((route) => (
              <li key={route.path}>
                <Link to={route.path} className="tile">
                  <span className="tile-title">{t(route.label)}</span>
                  {route.summary ? <span className="tile-summary">{t(route.summary)}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
