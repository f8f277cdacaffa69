/**
 * @module The message catalogs Lantern ships and how a requested language is matched to one of
 * them. Catalogs are flat JSON (key → ICU MessageFormat text): the platform's in
 * content/i18n/<locale>.json, each capability's in content/i18n/<capability>/<locale>.json, merged
 * here into one catalog per language. The server and the web app import this same module.
 * A new capability catalog is added to `catalogFiles` below (the catalog test lists any file
 * missing from it).
 */
import platformEn from '../../../content/i18n/en.json' with { type: 'json' };
import platformEs from '../../../content/i18n/es.json' with { type: 'json' };
import ehrEn from '../../../content/i18n/ehr/en.json' with { type: 'json' };
import ehrEs from '../../../content/i18n/ehr/es.json' with { type: 'json' };
import learnEn from '../../../content/i18n/learn/en.json' with { type: 'json' };
import learnEs from '../../../content/i18n/learn/es.json' with { type: 'json' };
import recognizeEn from '../../../content/i18n/recognize/en.json' with { type: 'json' };
import recognizeEs from '../../../content/i18n/recognize/es.json' with { type: 'json' };
import referEn from '../../../content/i18n/refer/en.json' with { type: 'json' };
import referEs from '../../../content/i18n/refer/es.json' with { type: 'json' };
import respondEn from '../../../content/i18n/respond/en.json' with { type: 'json' };
import respondEs from '../../../content/i18n/respond/es.json' with { type: 'json' };

/** A catalog: message key → ICU MessageFormat text. */
export type Catalog = Readonly<Record<string, string>>;

const english = { ...platformEn, ...ehrEn, ...learnEn, ...recognizeEn, ...referEn, ...respondEn };

/** Every key English defines; the other catalogs must define the same (a unit test checks). */
export type MessageKey = keyof typeof english;

export const defaultLocale = 'en';
export const locales = ['en', 'es'] as const;
export type Locale = (typeof locales)[number];

/** The catalog files by folder under content/i18n ('' is the platform's own), each per locale. */
export const catalogFiles: Readonly<Record<string, Readonly<Record<Locale, Catalog>>>> = {
  '': { en: platformEn, es: platformEs },
  ehr: { en: ehrEn, es: ehrEs },
  learn: { en: learnEn, es: learnEs },
  recognize: { en: recognizeEn, es: recognizeEs },
  refer: { en: referEn, es: referEs },
  respond: { en: respondEn, es: respondEs },
};

function mergeCatalogs(locale: Locale): Catalog {
  return Object.assign({}, ...Object.values(catalogFiles).map((files) => files[locale])) as Catalog;
}

/** One merged catalog per shipped language. */
export const catalogs: Readonly<Record<Locale, Catalog>> = { en: english, es: mergeCatalogs('es') };

/** Each language's name in that language, for the language picker. */
export const localeNames: Readonly<Record<Locale, string>> = { en: 'English', es: 'Español' };

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

/**
 * Picks the shipped locale that best matches the caller's preferences (BCP 47 tags, best first):
 * an exact match, else the same language (`es-MX` → `es`), else English.
 */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.trim().toLowerCase();
    if (isLocale(lower)) return lower;
    const language = lower.split(/[-_]/)[0] ?? '';
    if (isLocale(language)) return language;
  }
  return defaultLocale;
}

/** Parses an Accept-Language header into tags, best first (q-values honoured). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
