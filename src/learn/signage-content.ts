/**
 * @module What a workplace sign and a hotline card say, in one language: catalog text (ours, in
 * content/i18n/learn) filled with the hotline's numbers from the jurisdiction data
 * (content/jurisdictions/national-routes.yaml). No number is written here.
 */
import type { NationalRoute, NationalRoutes } from '../respond/jurisdictions.ts';
import { findNationalRoute } from '../respond/jurisdictions.ts';
import { invalid } from '../platform/http/errors.ts';
import { matchLocale, type Locale } from '../platform/i18n/catalogs.ts';
import { createTranslator, translatorFor } from '../platform/i18n/format.ts';

export interface SignLines {
  language: Locale;
  heading: string;
  help: string;
  call: string;
  /** Absent when the data gives the hotline no text number. */
  text?: string;
  tty?: string;
  hours: string;
  emergency?: string;
}

/** The hotline and the emergency route from the national routes; throws when the hotline is missing. */
export function hotlineRoutes(national: NationalRoutes): { hotline: NationalRoute; emergency: NationalRoute | undefined } {
  const hotline = findNationalRoute(national, 'human-trafficking-hotline');
  if (!hotline) throw invalid('The national routes have no human-trafficking-hotline entry.', 'national-routes');
  return { hotline, emergency: findNationalRoute(national, 'emergency') };
}

/** The sign's lines in one shipped language (an unshipped code falls back to the default). */
export function signLines(national: NationalRoutes, language: string): SignLines {
  const locale = matchLocale([language]);
  const t = createTranslator(locale);
  const { hotline, emergency } = hotlineRoutes(national);
  const keywords = hotline.text?.keywords?.length
    ? new Intl.ListFormat(locale, { type: 'disjunction' }).format(hotline.text.keywords)
    : undefined;
  return {
    language: locale,
    heading: t('learn.signage.heading'),
    help: t('learn.signage.help'),
    call: t('learn.signage.call', { phone: hotline.phone }),
    ...(hotline.text ? { text: keywords ? t('learn.signage.text', { keywords, number: hotline.text.number }) : hotline.text.number } : {}),
    ...(hotline.tty ? { tty: t('learn.signage.tty', { tty: hotline.tty }) } : {}),
    hours: t('learn.signage.hours', { hours: hotline.hours }),
    ...(emergency ? { emergency: t('learn.signage.emergency', { phone: emergency.phone }) } : {}),
  };
}

/** The card's lines in one shipped language. */
export function cardLines(national: NationalRoutes, language: string): { title: string; hotline: string; phone: string; text?: string; tty?: string; hours: string; emergency?: string } {
  const locale = matchLocale([language]);
  const t = createTranslator(locale);
  const sign = signLines(national, locale);
  const { hotline } = hotlineRoutes(national);
  return {
    title: t('learn.card.title'),
    hotline: t('learn.card.hotline'),
    phone: t('learn.card.phone', { phone: hotline.phone }),
    ...(sign.text ? { text: sign.text } : {}),
    ...(sign.tty ? { tty: sign.tty } : {}),
    hours: sign.hours,
    ...(sign.emergency ? { emergency: sign.emergency } : {}),
  };
}

/** The line a sign carries when its wording is ours, not the (unconfirmed) text the law requires. */
export function notStatutoryNotice(language: string, law: string): string {
  const t = translatorFor(language);
  return t('learn.signage.notStatutory', { law });
}

/** The PDF's Subject property, in the sign's first language: whether it carries the statutory text of `law`. */
export function signSubject(language: string, statutory: boolean, law: string): string {
  const t = translatorFor(language);
  return statutory ? t('learn.signage.subjectStatutory', { law }) : t('learn.signage.subjectNotStatutory', { law });
}
