/**
 * @module Where a recommended action points: the jurisdiction's child-protection route (each phone
 * marked confirmed or unconfirmed; a county lookup when no confirmed statewide number exists — never
 * a guessed number) or a national route (hotline, CyberTipline, emergency) from the data.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import type { ActionContact, NationalRoute, ReportingPhone } from './respond-types.ts';

const telHref = (number: string): string => `tel:${number.replace(/[^0-9+]/g, '')}`;

/** A phone number with its confirmation mark. */
function Phone({ phone }: { phone: ReportingPhone }): ReactElement {
  const { t } = useMessages();
  return (
    <li>
      {phone.label ? <>{phone.label}: </> : null}
      <a className="phone" href={telHref(phone.number)}>{phone.number}</a>
      {phone.vanity ? <> ({phone.vanity})</> : null}
      <span className={`tag tag-${phone.status}`}>{phone.status === 'confirmed' ? t('respond.contact.confirmed') : t('respond.contact.unconfirmed')}</span>
      {phone.hours ? <span className="muted"> · {phone.hours}</span> : null}
      {phone.note ? <span className="muted"> · {phone.note}</span> : null}
    </li>
  );
}

/** A national route: its phone, text and TTY lines, web address and hours, as the data gives them. */
export function NationalRouteDetails({ route }: { route: NationalRoute }): ReactElement {
  const { t } = useMessages();
  return (
    <div>
      <h4>{route.name}</h4>
      <ul>
        <li>{t('respond.contact.call')} <a className="phone" href={telHref(route.phone)}>{route.phone}</a>{route.vanity ? <> ({route.vanity})</> : null}</li>
        {route.text ? <li>{t('respond.contact.text', { number: route.text.number })}{route.text.keywords?.length ? <> ({route.text.keywords.join(', ')})</> : null}</li> : null}
        {route.tty ? <li>{t('respond.contact.tty', { number: route.tty })}</li> : null}
        {route.web ? <li>{route.web.url}{route.web.status === 'unconfirmed' ? <span className="tag tag-unconfirmed">{t('respond.contact.unconfirmed')}</span> : null}</li> : null}
        <li className="muted">{t('respond.contact.hours', { hours: route.hours })}</li>
      </ul>
    </div>
  );
}

/** The contact of an action. */
export function ActionContactDetails({ contact }: { contact: ActionContact }): ReactElement {
  const { t } = useMessages();
  if (contact.kind !== 'child-protection') {
    return <div className="contact"><NationalRouteDetails route={contact.route} /></div>;
  }
  const cp = contact.jurisdiction.childProtection;
  return (
    <div className="contact">
      <h4>{t('respond.contact.childProtection', { place: contact.jurisdiction.name })}</h4>
      {contact.isFallback ? <p>{t('respond.contact.fallback', { code: contact.requested || '—' })}</p> : null}
      <p>{cp.agency}</p>
      {contact.needsLocalLookup ? <p><strong>{t('respond.contact.lookUpCounty')}</strong></p> : null}
      {cp.phones.length > 0 ? <ul>{cp.phones.map((phone) => <Phone key={phone.number + (phone.label ?? '')} phone={phone} />)}</ul> : null}
      {cp.web.url ? (
        <p>{t('respond.contact.web')} {cp.web.url}
          {cp.web.urlStatus === 'unconfirmed' ? <span className="tag tag-unconfirmed">{t('respond.contact.unconfirmed')}</span> : null}</p>
      ) : null}
      {cp.hours && cp.hours !== 'unconfirmed' ? <p className="muted">{t('respond.contact.hours', { hours: cp.hours })}</p> : null}
      {cp.notes.length > 0 ? <ul>{cp.notes.map((note) => <li key={note}>{note}</li>)}</ul> : null}
      {contact.help.length > 0 ? (
        <>
          <p>{t('respond.contact.meanwhile')}</p>
          {contact.help.map((route) => <NationalRouteDetails key={route.id} route={route} />)}
        </>
      ) : null}
      <p className="muted">{t('respond.contact.lastVerified', { date: contact.jurisdiction.lastVerified.date })}</p>
    </div>
  );
}
