/**
 * @module The difference between two protocol versions: steps added, removed, changed (each changed
 * field before and after) and reordered, and changed settings.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { actionName } from './action-text.ts';
import { summarizeCondition } from './condition-summary.ts';
import { StepDetails, stepReason } from './protocol-steps.tsx';
import type { ProtocolDiff, ProtocolStep } from './respond-types.ts';

function fieldText(step: ProtocolStep, field: string, t: ReturnType<typeof useMessages>['t'], locale: string): string {
  switch (field) {
    case 'when': return summarizeCondition(step.when, t);
    case 'reason': return step.reason;
    case 'translations': return stepReason(step, locale);
    case 'action': return actionName(step.action, locale);
    case 'sources': return step.sources.join(' · ');
    default: return JSON.stringify((step as unknown as Record<string, unknown>)[field] ?? null);
  }
}

/** The diff. */
export function ProtocolDiffView({ diff }: { diff: ProtocolDiff }): ReactElement {
  const { t, locale } = useMessages();
  const nothing = diff.added.length + diff.removed.length + diff.changed.length + diff.reordered.length + diff.settings.length === 0;
  if (nothing) return <p>{t('respond.diff.same')}</p>;
  return (
    <div className="stack">
      {diff.added.length > 0 ? (
        <section aria-labelledby="diff-added"><h3 id="diff-added">{t('respond.diff.added', { count: diff.added.length })}</h3>
          <ul className="plain-list stack">{diff.added.map((s) => <li key={s.id} className="card diff-added"><h4>{actionName(s.action, locale)} <code>{s.id}</code></h4><StepDetails step={s} /></li>)}</ul>
        </section>
      ) : null}
      {diff.removed.length > 0 ? (
        <section aria-labelledby="diff-removed"><h3 id="diff-removed">{t('respond.diff.removed', { count: diff.removed.length })}</h3>
          <ul className="plain-list stack">{diff.removed.map((s) => <li key={s.id} className="card diff-removed"><h4>{actionName(s.action, locale)} <code>{s.id}</code></h4><StepDetails step={s} /></li>)}</ul>
        </section>
      ) : null}
      {diff.changed.length > 0 ? (
        <section aria-labelledby="diff-changed"><h3 id="diff-changed">{t('respond.diff.changed', { count: diff.changed.length })}</h3>
          <ul className="plain-list stack">
            {diff.changed.map((c) => (
              <li key={c.stepId} className="card diff-changed">
                <h4>{actionName(c.after.action, locale)} <code>{c.stepId}</code></h4>
                {c.fields.map((field) => (
                  <div key={field}>
                    <p><strong>{field}</strong></p>
                    <p className="diff-before"><span className="visually-hidden">{t('respond.diff.before')}: </span>− {fieldText(c.before, field, t, locale)}</p>
                    <p className="diff-after"><span className="visually-hidden">{t('respond.diff.after')}: </span>+ {fieldText(c.after, field, t, locale)}</p>
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {diff.reordered.length > 0 ? (
        <section aria-labelledby="diff-reordered"><h3 id="diff-reordered">{t('respond.diff.reordered', { count: diff.reordered.length })}</h3>
          <p>{diff.reordered.map((id) => <code key={id}>{id} </code>)}</p>
        </section>
      ) : null}
      {diff.settings.length > 0 ? (
        <section aria-labelledby="diff-settings"><h3 id="diff-settings">{t('respond.diff.settings')}</h3>
          <ul>{diff.settings.map((s) => <li key={s.field}><code>{s.field}</code>: {JSON.stringify(s.before)} → {JSON.stringify(s.after)}</li>)}</ul>
        </section>
      ) : null}
    </div>
  );
}
