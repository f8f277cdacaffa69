/**
 * @module What a path with no page (or no page for this person's role) shows.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import { Link } from '../router.tsx';
import { PageHeading } from '../components/page-heading.tsx';

/** The not-found page. */
export function NotFoundPage(): ReactElement {
  const { t } = useMessages();
  return (
    <div className="narrow">
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p><Link to="/">{t('notFound.home')}</Link></p>
    </div>
  );
}
