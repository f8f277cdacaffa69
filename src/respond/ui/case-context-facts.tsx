/**
 * @module What the case was opened with: the screen result, age, jurisdiction and setting — enough to
 * read the timeline, nothing identifying.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import type { CaseRecord } from './respond-types.ts';

/** The screen result in words. */
export function useScreenLabel(): (screen: string) => string {
  const { t } = useMessages();
  return (screen) => ({
    positive: t('respond.screen.positive'),
    negative: t('respond.screen.negative'),
    declined: t('respond.screen.declined'),
    'not-safe-to-screen': t('respond.screen.notSafe'),
    'not-screened': t('respond.screen.notScreened'),
  } as Record<string, string>)[screen] ?? screen;
}

/** The facts list under the case heading. */
export function CaseContextFacts({ record }: { record: CaseRecord }): ReactElement {
  const { t } = useMessages();
  const screenLabel = useScreenLabel();
  const c = record.context;
  return (
    <dl className="facts">
      <dt>{t('respond.case.screen')}</dt><dd>{screenLabel(c.screen)}</dd>
      {c.ageYears !== undefined ? <><dt>{t('respond.case.age')}</dt><dd>{t('respond.case.ageYears', { age: c.ageYears })}</dd></> : null}
      {c.jurisdiction ? <><dt>{t('respond.case.jurisdiction')}</dt><dd>{c.jurisdiction}</dd></> : null}
      <dt>{t('respond.case.protocol')}</dt><dd>{record.protocol.version}</dd>
    </dl>
  );
}
