/**
 * @module Print-ready signage for educators: the workplace sign each state rule requires, and the
 * wallet-size hotline card in every shipped language (PDFs from /api/learn/signage).
 */
import { useCallback, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import type { signRules } from '../signage-routes.ts';

interface SignageList { signs: ReturnType<typeof signRules>; cardLanguages: string[] }

/** The signage section. */
export function SignageDownloads(): ReactElement {
  const { t, locale } = useMessages();
  const { api } = useSignedIn();
  const list = useLoad(useCallback(() => api.get<SignageList>('/api/learn/signage'), [api]));
  const languageName = (code: string): string => new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  return (
    <section aria-labelledby="signage-title">
      <h2 id="signage-title">{t('learn.signage.title')}</h2>
      <p>{t('learn.signage.intro')}</p>
      <FormError message={list.error ? describeError(t, list.error) : undefined} />
      {list.data === undefined ? null : (
        <ul className="plain-list learn-stack">
          {list.data.signs.map((sign) => (
            <li key={sign.ruleId} className="card">
              <p><strong>{sign.title}</strong> · {sign.law}</p>
              <p className="muted">{t('learn.signage.duty', { width: sign.minWidthInches, height: sign.minHeightInches, points: sign.minFontPoints, languages: sign.languages.map(languageName).join(', ') })}</p>
              {sign.statutoryText === 'unconfirmed' ? <p className="notice">{t('learn.signage.wordingUnconfirmed')}</p> : null}
              <a className="button-secondary" href={`/api/learn/signage/signs/${sign.ruleId}`} download>{t('learn.signage.download', { title: sign.title })}</a>
            </li>
          ))}
          <li className="card">
            <p><strong>{t('learn.card.title')}</strong></p>
            <div className="actions">
              {list.data.cardLanguages.map((code) => (
                <a key={code} className="button-secondary" href={`/api/learn/signage/card?lang=${code}`} download lang={code}>{t('learn.signage.card', { language: languageName(code) })}</a>
              ))}
            </div>
          </li>
        </ul>
      )}
    </section>
  );
}
