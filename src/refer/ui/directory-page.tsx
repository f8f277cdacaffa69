/**
 * @module `/directory`: the resource directory search. The query lives in the page's address, so a
 * result page can be linked, reloaded, and left with the browser's back button.
 */
import { useMemo, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link, navigate, useQueryString } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { isPermitted } from '../../web/session-types.ts';
import { formatDirectoryQuery, parseDirectoryQuery, type DirectoryQuery } from './directory-query.ts';
import { DirectorySearch } from './directory-search.tsx';

/** The page at `/directory`. */
export function DirectoryPage(): ReactElement {
  const { t } = useMessages();
  const { session } = useSignedIn();
  const search = useQueryString();
  const query = useMemo(() => parseDirectoryQuery(search), [search]);
  const show = (next: DirectoryQuery): void => {
    const queryString = formatDirectoryQuery(next);
    navigate(queryString === '' ? '/directory' : `/directory?${queryString}`);
  };
  return (
    <>
      <PageHeading title={t('refer.directory.title')}>{t('refer.directory.title')}</PageHeading>
      <p className="lead">{t('refer.directory.intro')}</p>
      {isPermitted(session, 'directory', 'update') ? <p><Link to="/directory/listings">{t('refer.listings.manage')}</Link></p> : null}
      <DirectorySearch idPrefix="directory" query={query} onSearch={show} />
    </>
  );
}
