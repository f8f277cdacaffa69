/**
 * @module The language picker: a select and a button (changing language on selection alone would
 * surprise keyboard and screen reader users, WCAG 3.2.2). Each language is named in itself.
 */
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { isLocale, localeNames, locales } from '../../platform/i18n/catalogs.ts';
import { useMessages } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { describeError } from '../error-messages.ts';

/** Lets a person switch the app's language. */
export function LanguageForm(): ReactElement {
  const { t, locale } = useMessages();
  const { changeLocale } = useSession();
  const [choice, setChoice] = useState<string>(locale);
  const [error, setError] = useState<string>();
  const id = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!isLocale(choice) || choice === locale) return;
    try {
      setError(undefined);
      await changeLocale(choice);
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };

  return (
    <form className="language-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${id}-language`}>{t('language.label')}</label>
      <select id={`${id}-language`} value={choice} onChange={(event) => setChoice(event.target.value)}
        aria-describedby={error ? `${id}-error` : undefined}>
        {locales.map((code) => <option key={code} value={code} lang={code}>{localeNames[code]}</option>)}
      </select>
      <button type="submit" className="button-quiet">{t('language.apply')}</button>
      {error ? <p className="field-error" id={`${id}-error`} role="alert">{error}</p> : null}
    </form>
  );
}
