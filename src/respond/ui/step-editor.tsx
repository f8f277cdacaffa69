/**
 * @module One step in the structured protocol editor: its id, action, condition, reason (English and
 * Spanish), contact and sources, and buttons to move or remove it.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { actionCodes, actionName } from './action-text.ts';
import { ConditionFields } from './condition-fields.tsx';
import type { ProtocolStep, ResponseAction } from './respond-types.ts';

const CONTACTS = ['child-protection', 'human-trafficking-hotline', 'cybertipline', 'emergency'] as const;

export interface StepEditorProps {
  step: ProtocolStep;
  index: number;
  count: number;
  onChange: (step: ProtocolStep) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** The form for one step. */
export function StepEditor({ step, index, count, onChange, onMove, onRemove }: StepEditorProps): ReactElement {
  const { t, locale } = useMessages();
  const id = `step-${index}`;
  const legend = t('respond.editor.stepLegend', { number: index + 1, action: actionName(step.action, locale) });
  const set = <K extends keyof ProtocolStep>(key: K, value: ProtocolStep[K] | undefined): void => {
    const next = { ...step, [key]: value };
    if (value === undefined) delete next[key];
    onChange(next);
  };
  const spanish = step.translations?.es?.reason ?? '';
  return (
    <li className="card step-editor">
      <fieldset>
        <legend id={`${id}-legend`}>{legend}</legend>
        <div className="two-col">
          <div className="field">
            <label htmlFor={`${id}-id`}>{t('respond.editor.stepId')}</label>
            <input id={`${id}-id`} value={step.id} onChange={(e) => set('id', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-action`}>{t('respond.editor.action')}</label>
            <select id={`${id}-action`} value={step.action} onChange={(e) => set('action', e.target.value as ResponseAction)}>
              {actionCodes().map((code) => <option key={code} value={code}>{actionName(code, locale)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-contact`}>{t('respond.editor.contact')}</label>
            <select id={`${id}-contact`} value={step.contact ?? ''} onChange={(e) => set('contact', (e.target.value || undefined) as ProtocolStep['contact'])}>
              <option value="">{t('respond.editor.noContact')}</option>
              {CONTACTS.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('respond.editor.reason')}</label>
          <textarea id={`${id}-reason`} value={step.reason} rows={3} onChange={(e) => set('reason', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason-es`}>{t('respond.editor.reasonEs')}</label>
          <textarea id={`${id}-reason-es`} lang="es" value={spanish} rows={3}
            onChange={(e) => set('translations', e.target.value ? { ...step.translations, es: { reason: e.target.value } } : undefined)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sources`}>{t('respond.editor.sources')}</label>
          <p className="hint" id={`${id}-sources-hint`}>{t('respond.editor.sourcesHint')}</p>
          <textarea id={`${id}-sources`} aria-describedby={`${id}-sources-hint`} value={step.sources.join('\n')} rows={3}
            onChange={(e) => set('sources', e.target.value.split('\n'))} />
        </div>
        <ConditionFields idPrefix={id} condition={step.when} onChange={(when) => set('when', when)} />
        <div className="actions">
          <button type="button" className="button-quiet" aria-describedby={`${id}-legend`} disabled={index === 0} onClick={() => onMove(-1)}>{t('respond.editor.moveUp')}</button>
          <button type="button" className="button-quiet" aria-describedby={`${id}-legend`} disabled={index === count - 1} onClick={() => onMove(1)}>{t('respond.editor.moveDown')}</button>
          <button type="button" className="button-secondary" aria-describedby={`${id}-legend`} onClick={onRemove}>{t('respond.editor.remove')}</button>
        </div>
      </fieldset>
    </li>
  );
}
