/**
 * @module Times as a person reads them, in their language and time zone.
 */

/** Formats an ISO timestamp as a short date and time. */
export function formatTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
