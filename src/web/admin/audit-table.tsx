/**
 * @module The audit events as a table that scrolls sideways on a phone (the scroll area takes
 * focus, so keyboard users can scroll it too).
 */
import type { ReactElement } from 'react';
import { useMessages } from '../i18n.tsx';
import type { AuditEventView } from '../session-types.ts';

// ICU select keys cannot contain hyphens (`partner-link`).
const selectorOf = (kind: string): string => kind.replace(/-/g, '_');

/** A table of audit events. */
export function AuditTable({ events, formatAt }: { events: AuditEventView[]; formatAt: (iso: string) => string }): ReactElement {
  const { t } = useMessages();
  const outcomeLabel = (outcome: string): string =>
    outcome === 'success' ? t('audit.outcome.success') : outcome === 'denied' ? t('audit.outcome.denied')
      : outcome === 'failure' ? t('audit.outcome.failure') : outcome;
  return (
    <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="audit-caption">{t('audit.caption', { count: events.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.at')}</th>
            <th scope="col">{t('audit.col.actor')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.resource')}</th>
            <th scope="col">{t('audit.col.outcome')}</th>
            <th scope="col">{t('audit.col.seq')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <td><time dateTime={event.at}>{formatAt(event.at)}</time></td>
              <td>{event.actorEmail ?? event.actorId ?? t('audit.actorKind', { kind: selectorOf(event.actorKind) })}</td>
              <td>{event.action}</td>
              <td>{event.resourceType}{event.resourceId ? <span className="muted"> {event.resourceId}</span> : null}</td>
              <td><span className={`outcome outcome-${event.outcome}`}>{outcomeLabel(event.outcome)}</span></td>
              <td className="numeric">{event.seq}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
