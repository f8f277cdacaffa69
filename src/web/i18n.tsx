/**
 * @module Messages for React: a provider holding the current locale's translator, and
 * `useMessages()` → `{ t, locale }`. Keys are always written literally, `t('signin.title')`, so the
 * catalog test can find every key the code uses; a key chosen at run time is first named with
 * `messageKey('…')`.
 */
import { createContext, useContext, useLayoutEffect, useMemo, type ReactElement, type ReactNode } from 'react';
import { matchLocale, type Locale, type MessageKey } from '../platform/i18n/catalogs.ts';
import { createTranslator, textDirection, type Translate } from '../platform/i18n/format.ts';

export interface Messages {
  locale: Locale;
  t: Translate;
}

const MessagesContext = createContext<Messages | null>(null);

/** Names a message key held in data (a role's label, an error code's message), for the catalog scan. */
export function messageKey<K extends MessageKey>(key: K): K {
  return key;
}

/** Provides messages in a locale and sets `lang` and `dir` on the document. */
export function MessagesProvider({ locale, children }: { locale: Locale; children: ReactNode }): ReactElement {
  const value = useMemo<Messages>(() => ({ locale, t: createTranslator(locale) }), [locale]);
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = textDirection(locale);
  }, [locale]);
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

/** The current locale's messages. */
export function useMessages(): Messages {
  const messages = useContext(MessagesContext);
  if (!messages) throw new Error('useMessages() needs a <MessagesProvider> above it');
  return messages;
}

const STORED_LOCALE = 'lantern.locale';

/** The locale to show before sign-in: the one chosen on this device, else the browser's. */
export function initialLocale(): Locale {
  const stored = window.localStorage.getItem(STORED_LOCALE);
  return matchLocale([...(stored ? [stored] : []), ...navigator.languages]);
}

/** Remembers a locale chosen on this device (before sign-in, or for the next visit). */
export function rememberLocale(locale: Locale): void {
  window.localStorage.setItem(STORED_LOCALE, locale);
}
