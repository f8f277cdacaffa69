/**
 * @module Form controls for a step's condition: each fact "any", "yes" or "no", the age bounds, and
 * the screen results and finding types as checkboxes. A condition with all/any/not groups is shown in
 * words and kept as it is; the advanced text editor changes it.
 */
import type { ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { BOOLEAN_FACTS, isSimpleCondition, summarizeCondition } from './condition-summary.ts';
import type { StepCondition } from './respond-types.ts';

const SCREENS = ['positive', 'negative', 'declined', 'not-safe-to-screen', 'not-screened'] as const;
const FINDING_TYPES = ['sex', 'labor', 'both'] as const;

/** Removes keys set to undefined or empty lists, so an untouched control adds nothing to the document. */
function tidy(condition: Record<string, unknown>): StepCondition | undefined {
  const kept = Object.entries(condition).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)
    && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0));
  return kept.length === 0 ? undefined : Object.fromEntries(kept) as StepCondition;
}

export interface ConditionFieldsProps {
  idPrefix: string;
  condition: StepCondition | undefined;
  onChange: (condition: StepCondition | undefined) => void;
}

/** The condition part of a step's form. */
export function ConditionFields({ idPrefix, condition, onChange }: ConditionFieldsProps): ReactElement {
  const { t } = useMessages();
  const c = (condition ?? {}) as Record<string, unknown>;
  if (!isSimpleCondition(condition)) {
    return <p className="notice notice-important">{t('respond.editor.compound', { summary: summarizeCondition(condition, t) })}</p>;
  }
  const set = (key: string, value: unknown): void => onChange(tidy({ ...c, [key]: value }));
  const age = (c.age ?? {}) as { gte?: number; lt?: number };
  const setAge = (bound: 'gte' | 'lt', text: string): void => {
    const value = text === '' ? undefined : Number(text);
    set('age', tidy({ ...age, [bound]: Number.isFinite(value) ? value : undefined }));
  };
  const toggle = (key: string, value: string, on: boolean): void => {
    const list = (c[key] as string[] | undefined) ?? [];
    set(key, on ? [...list, value] : list.filter((v) => v !== value));
  };
  const triState = (value: unknown): string => (value === true ? 'yes' : value === false ? 'no' : 'any');
  const fromTriState = (text: string): boolean | undefined => (text === 'yes' ? true : text === 'no' ? false : undefined);

  return (
    <details className="condition-editor">
      <summary>{t('respond.editor.whenSummary', { summary: summarizeCondition(condition, t) })}</summary>
      <fieldset>
      <legend>{t('respond.editor.when')}</legend>
      <div className="two-col">
        <div className="field">
          <label htmlFor={`${idPrefix}-minor`}>{t('respond.editor.ageGroup')}</label>
          <select id={`${idPrefix}-minor`} value={triState(c.minor)} onChange={(e) => set('minor', fromTriState(e.target.value))}>
            <option value="any">{t('respond.editor.any')}</option>
            <option value="yes">{t('respond.cond.minor')}</option>
            <option value="no">{t('respond.cond.adult')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-age-gte`}>{t('respond.editor.ageFrom')}</label>
          <input id={`${idPrefix}-age-gte`} type="number" min={0} max={130} className="number-input" value={age.gte ?? ''} onChange={(e) => setAge('gte', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-age-lt`}>{t('respond.editor.ageUnder')}</label>
          <input id={`${idPrefix}-age-lt`} type="number" min={0} max={131} className="number-input" value={age.lt ?? ''} onChange={(e) => setAge('lt', e.target.value)} />
        </div>
        {BOOLEAN_FACTS.map(([key, label]) => (
          <div className="field" key={key}>
            <label htmlFor={`${idPrefix}-${key}`}>{t(label)}</label>
            <select id={`${idPrefix}-${key}`} value={triState(c[key])} onChange={(e) => set(key, fromTriState(e.target.value))}>
              <option value="any">{t('respond.editor.any')}</option>
              <option value="yes">{t('respond.cond.yes')}</option>
              <option value="no">{t('respond.cond.no')}</option>
            </select>
          </div>
        ))}
      </div>
      <fieldset>
        <legend>{t('respond.editor.screenIs')}</legend>
        <div className="choices-grid">
          {SCREENS.map((screen) => (
            <label className="choice" key={screen}>
              <input type="checkbox" checked={((c.screen as string[] | undefined) ?? []).includes(screen)} onChange={(e) => toggle('screen', screen, e.target.checked)} />
              {screen}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('respond.editor.findingTypeIs')}</legend>
        <div className="choices-grid">
          {FINDING_TYPES.map((type) => (
            <label className="choice" key={type}>
              <input type="checkbox" checked={((c.findingType as string[] | undefined) ?? []).includes(type)} onChange={(e) => toggle('findingType', type, e.target.checked)} />
              {type}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-jurisdiction`}>{t('respond.editor.jurisdictions')}</label>
        <p className="hint" id={`${idPrefix}-jurisdiction-hint`}>{t('respond.editor.jurisdictionsHint')}</p>
        <input key={((c.jurisdiction as string[] | undefined) ?? []).join()} id={`${idPrefix}-jurisdiction`} aria-describedby={`${idPrefix}-jurisdiction-hint`} defaultValue={((c.jurisdiction as string[] | undefined) ?? []).join(', ')}
          onBlur={(e) => set('jurisdiction', e.target.value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean))} />
      </div>
      </fieldset>
    </details>
  );
}
