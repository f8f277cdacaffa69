/**
 * @module `/directory/listings`: the program lead's listings, found by name and paged, each opening
 * in the editor; a link adds a new one.
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, TextField } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import type { ListingSummary } from './referral-ui-types.ts';
import './directory.css';

const pageSize = 25;

/** The page at `/directory/listings`. */
export function ListingsPage(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const listings = useLoad(useCallback(() => api.get<{ listings: ListingSummary[]; hasMore: boolean }>(
    `/api/directory/listings?${new URLSearchParams({ ...(text ? { text } : {}), limit: String(pageSize), offset: String((page - 1) * pageSize) }).toString()}`,
  ), [api, text, page]));
  const find = (event: FormEvent): void => {
    event.preventDefault();
    setText(draft.trim());
    setPage(1);
  };
  return (
    <>
      <PageHeading title={t('refer.listings.title')}>{t('refer.listings.title')}</PageHeading>
      <p className="lead">{t('refer.listings.intro')}</p>
      <p><Link to="/directory/listings/new" className="button-primary">{t('refer.listings.add')}</Link></p>
      <form role="search" aria-label={t('refer.listings.findLabel')} onSubmit={find}>
        <TextField id="listings-text" label={t('refer.listings.find')} type="search" value={draft} onChange={setDraft} />
        <button type="submit">{t('refer.referrals.searchButton')}</button>
      </form>
      <FormError message={listings.error ? describeError(t, listings.error) : undefined} />
      <p role="status" className="directory-count">
        {listings.data ? t('refer.listings.count', { page, count: listings.data.listings.length, more: listings.data.hasMore ? 'yes' : 'no' }) : t('app.loading')}
      </p>
      <ul className="plain-list cards listing-list">
        {(listings.data?.listings ?? []).map((listing) => (
          <li key={listing.id} className="card">
            <div>
              <h2 className="card-title"><Link to={`/directory/listings/${encodeURIComponent(listing.id)}`}>{listing.name}</Link></h2>
              <p className="muted">{listing.organizationName}{listing.confidential ? ` · ${t('refer.listings.confidentialTag')}` : ''}</p>
            </div>
          </li>
        ))}
      </ul>
      {listings.data && (page > 1 || listings.data.hasMore) ? (
        <nav aria-label={t('refer.directory.pagesLabel')} className="directory-pages">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('refer.directory.previous')}</button>
          <span>{t('refer.directory.pageNumber', { page })}</span>
          <button type="button" disabled={!listings.data.hasMore} onClick={() => setPage(page + 1)}>{t('refer.directory.next')}</button>
        </nav>
      ) : null}
    </>
  );
}
