/**
 * @module The one directory search of the web app: the filters (free text, category, language,
 * who the service is for, cost, open now, distance from a US postal code), the national lines
 * pinned above every result list, the results with their public contact, and paging. The
 * directory page keeps its query in the address; the referral form keeps it in state.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError, TextField } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { ApiError } from '../../web/api.ts';
import type { Translate } from '../../platform/i18n/format.ts';
import { directoryPageSize, findInvalidFields, genders, toSearchApiQuery, type DirectoryQuery, type DirectoryQueryField } from './directory-query.ts';
import { categoryGroups, describeCategories, termLabel } from './directory-terms.ts';
import type { DirectoryHit, DirectorySearchReply, PinnedLine } from './referral-ui-types.ts';
import './directory.css';

/** Languages offered as a filter: those most asked for in US health care, named by the browser in the reader's language. */
export const directoryLanguages = ['en', 'es', 'zh', 'vi', 'tl', 'ar', 'ko', 'ru', 'ht', 'fr', 'pt', 'hi', 'th', 'uk', 'so', 'ase'] as const;

/** Search radius choices in miles (the API takes km). */
const radiusMiles = [5, 10, 25, 50, 100] as const;
const kmPerMile = 1.609344;

export interface DirectorySearchProps {
  /** Prefix of the form's element ids (two searches never share a page, but tests find fields by id). */
  idPrefix: string;
  query: DirectoryQuery;
  /** A new search or page was asked for. */
  onSearch: (query: DirectoryQuery) => void;
  /** The results shown changed (the referral form offers them as choices). */
  onResults?: (hits: DirectoryHit[]) => void;
  /** Extra controls under each result. */
  renderActions?: (hit: DirectoryHit) => ReactNode;
  /** Heading level of the result sections (2 on its own page, 3 inside another page's section). */
  headingLevel?: 2 | 3;
}

/** The search form, pinned lines, results and paging for one query. */
export function DirectorySearch({ idPrefix, query, onSearch, onResults, renderActions, headingLevel = 2 }: DirectorySearchProps): ReactElement {
  const { t, locale } = useMessages();
  const { api } = useSignedIn();
  const [draft, setDraft] = useState(query);
  const [reply, setReply] = useState<DirectorySearchReply>();
  const [failure, setFailure] = useState<unknown>();
  const [invalid, setInvalid] = useState<DirectoryQueryField[]>([]);
  const statusId = useId();
  useEffect(() => setDraft(query), [query]);
  // The latest callback, read when results arrive: a new function each render must not search again.
  const resultsListener = useRef(onResults);
  resultsListener.current = onResults;

  useEffect(() => {
    let current = true;
    if (findInvalidFields(query).length > 0) return undefined;
    api.get<DirectorySearchReply>(`/api/directory/search?${toSearchApiQuery(query)}`).then((answer) => {
      if (!current) return;
      setReply(answer);
      setFailure(undefined);
      resultsListener.current?.(answer.results);
    }, (error: unknown) => {
      if (current) setFailure(error);
    });
    return () => { current = false; };
  }, [api, query]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const wrong = findInvalidFields(draft);
    setInvalid(wrong);
    if (wrong.length === 0) onSearch({ ...draft, page: 1 });
  };
  const set = <K extends keyof DirectoryQuery>(field: K, value: DirectoryQuery[K]): void => setDraft((d) => ({ ...d, [field]: value }));
  const serverField = failure instanceof ApiError ? failure.field : undefined;
  const fieldError = (field: DirectoryQueryField): string | undefined => {
    if (!invalid.includes(field) && serverField !== field) return undefined;
    if (field === 'age') return t('refer.directory.ageInvalid');
    if (field === 'radiusKm') return t('refer.directory.radiusInvalid');
    return serverField === 'postalCode' && !invalid.includes('postalCode') ? t('refer.directory.postalCodeUnknown') : t('refer.directory.postalCodeInvalid');
  };
  const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const ItemHeading = headingLevel === 2 ? 'h3' : 'h4';
  const id = (name: string): string => `${idPrefix}-${name}`;

  return (
    <div className="directory-search">
      <form role="search" aria-label={t('refer.directory.formLabel')} onSubmit={submit} noValidate className="directory-form">
        <TextField id={id('search')} label={t('refer.directory.text')} hint={t('refer.directory.textHint')} type="search" value={draft.text} onChange={(v) => set('text', v)} />
        <div className="two-col">
          <div className="field">
            <label htmlFor={id('category')}>{t('refer.directory.category')}</label>
            <select id={id('category')} value={draft.category} onChange={(e) => set('category', e.target.value)}>
              <option value="">{t('refer.directory.anyCategory')}</option>
              {categoryGroups.map((group) => (
                <optgroup key={group.term.code} label={termLabel(t, group.term.code)}>
                  <option value={group.term.code}>{t('refer.directory.allOfCategory', { category: termLabel(t, group.term.code) })}</option>
                  {group.children.map((child) => <option key={child.code} value={child.code}>{termLabel(t, child.code)}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('language')}>{t('refer.directory.language')}</label>
            <select id={id('language')} value={draft.language} onChange={(e) => set('language', e.target.value)}>
              <option value="">{t('refer.directory.anyLanguage')}</option>
              {directoryLanguages.map((code) => <option key={code} value={code}>{languageNames.of(code) ?? code}</option>)}
            </select>
          </div>
        </div>
        <fieldset>
          <legend>{t('refer.directory.whoLegend')}</legend>
          <div className="two-col">
            <TextField id={id('age')} label={t('refer.directory.age')} inputMode="numeric" autoComplete="off" value={draft.age} onChange={(v) => set('age', v)} error={fieldError('age')} />
            <div className="field">
              <label htmlFor={id('gender')}>{t('refer.directory.gender')}</label>
              <select id={id('gender')} value={draft.gender} onChange={(e) => set('gender', e.target.value as DirectoryQuery['gender'])}>
                <option value="">{t('refer.directory.anyGender')}</option>
                {genders.map((g) => <option key={g} value={g}>{genderLabel(t, g)}</option>)}
              </select>
            </div>
          </div>
          <label className="choice"><input type="checkbox" id={id('minors')} checked={draft.minors} onChange={(e) => set('minors', e.target.checked)} />{t('refer.directory.minors')}</label>
        </fieldset>
        <fieldset>
          <legend>{t('refer.directory.availabilityLegend')}</legend>
          <div className="choices-grid">
            <label className="choice"><input type="checkbox" id={id('free')} checked={draft.free} onChange={(e) => set('free', e.target.checked)} />{t('refer.directory.free')}</label>
            <label className="choice"><input type="checkbox" id={id('open-now')} checked={draft.openNow} onChange={(e) => set('openNow', e.target.checked)} />{t('refer.directory.openNow')}</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('refer.directory.distanceLegend')}</legend>
          <div className="two-col">
            <TextField id={id('postal-code')} label={t('refer.directory.postalCode')} hint={t('refer.directory.postalCodeHint')} inputMode="numeric" autoComplete="postal-code"
              value={draft.postalCode} onChange={(v) => set('postalCode', v)} error={fieldError('postalCode')} />
            <div className="field">
              <label htmlFor={id('radius')}>{t('refer.directory.radius')}</label>
              <select id={id('radius')} value={draft.radiusKm} onChange={(e) => set('radiusKm', e.target.value)} aria-describedby={fieldError('radiusKm') ? id('radius-error') : undefined}>
                <option value="">{t('refer.directory.radiusDefault')}</option>
                {radiusMiles.map((miles) => <option key={miles} value={String(Math.round(miles * kmPerMile))}>{t('refer.directory.radiusMiles', { miles })}</option>)}
              </select>
              {fieldError('radiusKm') ? <p className="field-error" id={id('radius-error')}>{fieldError('radiusKm')}</p> : null}
            </div>
          </div>
        </fieldset>
        <button type="submit" className="button-primary">{t('refer.referrals.searchButton')}</button>
      </form>

      <FormError message={failure && !serverField ? describeError(t, failure) : undefined} />
      <p id={statusId} role="status" className="directory-count">
        {reply ? t('refer.directory.count', { page: query.page, count: reply.results.length, more: reply.hasMore ? 'yes' : 'no' }) : t('app.loading')}
      </p>

      <section aria-labelledby={id('pinned-heading')} className="directory-pinned">
        <Heading id={id('pinned-heading')}>{t('refer.directory.pinnedHeading')}</Heading>
        <ul className="plain-list cards">
          {(reply?.pinned ?? []).map((line) => <PinnedCard key={line.id} line={line} Title={ItemHeading} />)}
        </ul>
      </section>

      <section aria-labelledby={id('results-heading')}>
        <Heading id={id('results-heading')}>{t('refer.directory.resultsHeading')}</Heading>
        {reply && reply.results.length === 0 ? <p>{t('refer.directory.none')}</p> : null}
        <ol className="plain-list cards directory-results" start={(query.page - 1) * directoryPageSize + 1}>
          {(reply?.results ?? []).map((hit) => (
            <li key={`${hit.serviceId}/${hit.serviceAtLocationId ?? ''}`} className="card directory-hit" data-confidential={hit.confidential ? 'true' : undefined}>
              <ItemHeading className="card-title">{hit.name}</ItemHeading>
              <p className="muted">{hit.organizationName}</p>
              <HitFacts hit={hit} t={t} languageNames={languageNames} />
              {renderActions?.(hit)}
            </li>
          ))}
        </ol>
        {reply && (query.page > 1 || reply.hasMore) ? (
          <nav aria-label={t('refer.directory.pagesLabel')} className="directory-pages">
            <button type="button" disabled={query.page <= 1} onClick={() => onSearch({ ...query, page: query.page - 1 })}>{t('refer.directory.previous')}</button>
            <span>{t('refer.directory.pageNumber', { page: query.page })}</span>
            <button type="button" disabled={!reply.hasMore} onClick={() => onSearch({ ...query, page: query.page + 1 })}>{t('refer.directory.next')}</button>
          </nav>
        ) : null}
      </section>
    </div>
  );
}

function PinnedCard({ line, Title }: { line: PinnedLine; Title: 'h3' | 'h4' }): ReactElement {
  const { t } = useMessages();
  return (
    <li className="card directory-pinned-line">
      <Title className="card-title">{line.name}</Title>
      <p>{line.purpose}</p>
      <p>{t('refer.directory.call')} <a className="phone" href={`tel:${line.phone.replace(/[^\d+]/g, '')}`}>{line.phone}</a></p>
      {line.text ? <p>{t('refer.directory.textLine', { number: line.text.number, keywords: line.text.keywords.join(', ') })}</p> : null}
      {line.hours ? <p className="muted">{line.hours}</p> : null}
    </li>
  );
}

function HitFacts({ hit, t, languageNames }: { hit: DirectoryHit; t: Translate; languageNames: Intl.DisplayNames }): ReactElement {
  const categories = describeCategories(t, hit.categories);
  return (
    <dl className="directory-facts">
      {categories.length > 0 ? <><dt>{t('refer.directory.categories')}</dt><dd>{categories.join(', ')}</dd></> : null}
      {hit.distanceKm !== null ? <><dt>{t('refer.directory.distance')}</dt><dd>{t('refer.directory.distanceMiles', { miles: Math.round((hit.distanceKm / kmPerMile) * 10) / 10, approximate: hit.confidential ? 'yes' : 'no' })}</dd></> : null}
      <dt>{t('refer.directory.hours')}</dt>
      <dd>{hit.openNow === null ? t('refer.directory.hoursUnknown') : hit.openNow ? t('refer.directory.isOpen') : t('refer.directory.isClosed')}</dd>
      <dt>{t('refer.directory.phone')}</dt>
      <dd>{hit.phone ? <a className="phone" href={`tel:${hit.phone.replace(/[^\d+]/g, '')}`}>{hit.phone}</a> : t('refer.directory.noPhone')}</dd>
      {hit.languages.length > 0 ? <><dt>{t('refer.directory.languages')}</dt><dd>{hit.languages.map((code) => safeLanguageName(languageNames, code)).join(', ')}</dd></> : null}
      <dt>{t('refer.directory.address')}</dt>
      <dd>{hit.confidential ? t('refer.directory.confidentialAddress') : hit.address ?? t('refer.directory.noAddress')}</dd>
    </dl>
  );
}

function genderLabel(t: Translate, gender: (typeof genders)[number]): string {
  switch (gender) {
    case 'female': return t('refer.directory.genderFemale');
    case 'male': return t('refer.directory.genderMale');
    case 'nonbinary': return t('refer.directory.genderNonbinary');
  }
}

// Imported listings may carry a code Intl does not accept; show it as written.
function safeLanguageName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
