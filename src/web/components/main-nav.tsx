/**
 * @module Main navigation, built from the page registry: only pages that exist and that the
 * caller's permissions allow, grouped into everyday pages and administration.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { useSignedIn } from '../session.tsx';
import { Link, usePath } from '../router.tsx';
import { isRouteAllowed, pageRoutes, type PageRoute } from '../routes.ts';

/** The navigation landmark. */
export function MainNav(): ReactElement {
  const { t } = useMessages();
  const { session } = useSignedIn();
  const path = usePath();
  const visible = pageRoutes.filter((route) => route.nav && isRouteAllowed(route, session));
  const main = visible.filter((route) => route.nav === 'main');
  const admin = visible.filter((route) => route.nav === 'admin');

  const item = (route: PageRoute): ReactElement => (
    <li key={route.path}>
      <Link to={route.path} aria-current={route.path === path ? 'page' : undefined}>{t(route.label)}</Link>
    </li>
  );

  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>{main.map(item)}</ul>
      {admin.length > 0 ? (
        <div className="nav-group">
          <span className="nav-group-label" id="nav-admin-label">{t('nav.admin')}</span>
          <ul aria-labelledby="nav-admin-label">{admin.map(item)}</ul>
        </div>
      ) : null}
    </nav>
  );
}
