/**
 * @module Formats catalog messages with ICU MessageFormat (`intl-messageformat`), and tells which
 * way a language is written. Compiled messages are cached per translator.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogs, defaultLocale, matchLocale, type Catalog, type Locale, type MessageKey } from './catalogs.ts';

/** Values a message may interpolate: `{count, plural, …}`, `{name}`, dates. */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** Formats one message of a catalog. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * Returns a formatter for a locale. A key missing from that catalog falls back to English, then to
 * the key itself, so a gap shows up as text rather than a crash (the catalog test catches gaps).
 */
export function createTranslator(locale: Locale, catalog: Catalog = catalogs[locale], fallback: Catalog = catalogs[defaultLocale]): Translate {
  const compiled = new Map<string, IntlMessageFormat>();
  return function translate(key, values) {
    let format = compiled.get(key);
    if (!format) {
      const source = catalog[key] ?? fallback[key];
      if (source === undefined) return key;
      format = new IntlMessageFormat(source, catalog[key] === undefined ? defaultLocale : locale);
      compiled.set(key, format);
    }
    return String(format.format(values));
  };
}

// Languages written right to left, for runtimes without Intl.Locale#textInfo (Firefox, Node 20).
const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha-arab', 'he', 'khw', 'ks', 'ku-arab', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** 'rtl' for languages written right to left (Arabic, Hebrew, Persian, Urdu…), else 'ltr'. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const intlLocale = new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    const info = intlLocale.getTextInfo?.() ?? intlLocale.textInfo;
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  } catch {
    // Not a valid tag: fall through to the list.
  }
  const lower = locale.toLowerCase();
  const language = lower.split(/[-_]/)[0] ?? '';
  return rtlLanguages.has(language) || rtlLanguages.has(lower) ? 'rtl' : 'ltr';
}

/** A translator for any tag: shipped locales directly, others by their closest match. */
export function translatorFor(locale: string): Translate {
  return createTranslator(matchLocale([locale]));
}
