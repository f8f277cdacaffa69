/**
 * @module A protocol's steps, read-only: each action with its condition in words, its reason in the
 * reader's language, its contact and its sources.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { actionName } from './action-text.ts';
import { summarizeCondition } from './condition-summary.ts';
import type { ProtocolStep } from './respond-types.ts';

/** The reason of a step in a language, falling back to English. */
export function stepReason(step: ProtocolStep, locale: string): string {
  return step.translations?.[locale]?.reason ?? step.translations?.[locale.split('-')[0] ?? '']?.reason ?? step.reason;
}

/** One step's details (used by the protocol view and the diff). */
export function StepDetails({ step }: { step: ProtocolStep }): ReactElement {
  const { t, locale } = useMessages();
  return (
    <dl className="facts">
      <dt>{t('respond.protocol.when')}</dt><dd>{summarizeCondition(step.when, t)}</dd>
      <dt>{t('respond.protocol.why')}</dt><dd>{stepReason(step, locale)}</dd>
      {step.contact ? <><dt>{t('respond.protocol.contact')}</dt><dd>{step.contact}</dd></> : null}
      <dt>{t('respond.protocol.sources')}</dt><dd>{step.sources.join(' · ') || '—'}</dd>
    </dl>
  );
}

/** The ordered list of steps. */
export function ProtocolSteps({ steps }: { steps: ProtocolStep[] }): ReactElement {
  const { locale } = useMessages();
  return (
    <ol className="timeline">
      {steps.map((step) => (
        <li key={step.id} className="card action-card">
          <h3 className="action-title"><span>{actionName(step.action, locale)}</span> <code className="muted">{step.id}</code></h3>
          <StepDetails step={step} />
        </li>
      ))}
    </ol>
  );
}
