/**
 * @module The one message a failed or refused launch shows: plain words in the reader's language,
 * what to do next, and no technical detail (that stays out of the page).
 */
import { useEffect, useRef, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import type { LaunchFailure } from './smart-launch.ts';

/** The failure's heading and sentence, announced to screen readers. */
export function SmartFailure({ kind }: { kind: LaunchFailure }): ReactElement {
  const { t } = useMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('ehr.smart.error.title') });
    heading.current?.focus();
  }, [t]);
  const message = {
    denied: t('ehr.smart.error.denied'),
    'unknown-ehr': t('ehr.smart.error.unknownEhr'),
    broken: t('ehr.smart.error.broken'),
    expired: t('ehr.smart.error.expired'),
    'no-patient': t('ehr.smart.error.noPatient'),
  }[kind];
  return (
    <div className="stack" data-failure={kind}>
      <h1 id="page-title" ref={heading} tabIndex={-1}>{t('ehr.smart.error.title')}</h1>
      <p role="alert">{message}</p>
    </div>
  );
}
