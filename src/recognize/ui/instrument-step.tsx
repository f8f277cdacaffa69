/**
 * @module Choosing the instrument: the patient's age (entered, or from the EHR's record in the SMART
 * app) and the care setting suggest one (adult 18+, youth 12–17, under 12 the clinician's indicators
 * checklist only); the clinician may choose another with a reason. A self-screen also asks the patient's language, offered from the translations the
 * instrument carries, so a new language needs no code.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import type { Translate } from '../../platform/i18n/format.ts';
import { chooseInstrument, INDICATORS_ID, SCREENING_SETTINGS, type InstrumentChoice, type ScreeningSetting } from '../instrument-choice.ts';
import { localizeText } from '../localize.ts';
import { listQuestionnaireLanguages } from './form-model.ts';
import type { FormLayout } from './questionnaire-form.tsx';

function settingLabel(t: Translate, setting: ScreeningSetting): string {
  switch (setting) {
    case 'emergency': return t('recognize.setting.emergency');
    case 'urgent-care': return t('recognize.setting.urgentCare');
    case 'primary-care': return t('recognize.setting.primaryCare');
    case 'teen-clinic': return t('recognize.setting.teenClinic');
    case 'child-advocacy-center': return t('recognize.setting.childAdvocacyCenter');
    case 'prenatal': return t('recognize.setting.prenatal');
    case 'behavioral-health': return t('recognize.setting.behavioralHealth');
    case 'inpatient': return t('recognize.setting.inpatient');
    case 'other': return t('recognize.setting.other');
  }
}

/** The language's name in itself (Intl), for the patient-language picker. */
function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    return name ? name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) : tag;
  } catch {
    return tag;
  }
}

export interface InstrumentDecision {
  choice: InstrumentChoice;
  questionnaire: fhir4.Questionnaire;
  ageYears?: number;
  setting: ScreeningSetting;
  layout: FormLayout;
  /** The language the patient reads (self-screen) or is asked in. */
  patientLanguage: string;
}

export interface InstrumentStepProps {
  instruments: readonly fhir4.Questionnaire[];
  mode: 'clinician' | 'self';
  /**
   * The age the EHR's record gives (SMART launch): used instead of asking, `null` when the record
   * has no usable birth date. Left out, the clinician enters the age.
   */
  recordAge?: number | null;
  onChosen: (decision: InstrumentDecision) => void;
  onDeclined: (instrumentId: string | undefined) => void;
  busy?: boolean;
  children?: ReactNode;
}

/** The instrument step's form. */
export function InstrumentStep({ instruments, mode, recordAge, onChosen, onDeclined, busy }: InstrumentStepProps): ReactElement {
  const { t, locale } = useMessages();
  const id = useId();
  const [age, setAge] = useState(recordAge === undefined || recordAge === null ? '' : String(recordAge));
  const [setting, setSetting] = useState<ScreeningSetting>('emergency');
  const [overriding, setOverriding] = useState(false);
  const [overrideId, setOverrideId] = useState('');
  const [reason, setReason] = useState('');
  const [layout, setLayout] = useState<FormLayout>('one-per-screen');
  const [language, setLanguage] = useState<string>(locale);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const alertRef = useRef<HTMLDivElement>(null);

  const ageYears = age.trim() === '' ? undefined : Number(age);
  const ageValid = ageYears === undefined || (Number.isInteger(ageYears) && ageYears >= 0 && ageYears <= 130);
  const suggested = useMemo(() => (ageValid ? chooseInstrument({ ...(ageYears !== undefined ? { ageYears } : {}), setting }) : undefined), [ageValid, ageYears, setting]);
  const titleOf = (q: fhir4.Questionnaire | undefined): string => q?.title ? localizeText({ text: q.title, ...(q._title ? { element: q._title } : {}) }, locale) : q?.id ?? '';
  const find = (instrumentId: string | undefined): fhir4.Questionnaire | undefined => instruments.find((q) => q.id === instrumentId);
  const chosenId = overriding && overrideId ? overrideId : suggested?.instrumentId;
  const chosen = find(chosenId);
  const languages = chosen ? listQuestionnaireLanguages(chosen) : [locale];

  useEffect(() => {
    if (Object.keys(errors).length > 0) alertRef.current?.focus();
  }, [errors]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!ageValid) found.age = t('recognize.choose.ageInvalid');
    if (overriding && !overrideId) found.override = t('recognize.choose.overrideMissing');
    if (overriding && reason.trim() === '') found.reason = t('recognize.choose.reasonMissing');
    let choice: InstrumentChoice | undefined;
    if (Object.keys(found).length === 0) {
      choice = chooseInstrument({ ...(ageYears !== undefined ? { ageYears } : {}), setting,
        ...(overriding ? { override: { instrumentId: overrideId, reason }, availableInstruments: new Set(instruments.map((q) => q.id ?? '')) } : {}) });
      if (mode === 'self' && choice.instrumentId === INDICATORS_ID) found.override = t('recognize.choose.selfNeedsPatientScreen');
    }
    setErrors(found);
    const questionnaire = find(choice?.instrumentId);
    if (!choice || !questionnaire || Object.keys(found).length > 0) return;
    onChosen({ choice, questionnaire, ...(ageYears !== undefined ? { ageYears } : {}), setting, layout, patientLanguage: languages.includes(language) ? language : languages[0] ?? locale });
  };

  const basis = suggested ? ({
    adult: t('recognize.choose.basisAdult'), youth: t('recognize.choose.basisYouth'), 'under-12': t('recognize.choose.basisUnder12'),
    'age-unknown': t('recognize.choose.basisAgeUnknown'), override: '',
  })[suggested.basis] : '';
  const errorText = (key: string): ReactNode => errors[key] ? <p className="field-error" id={`${id}-${key}-error`}>{errors[key]}</p> : null;
  const describe = (key: string, hint?: boolean): string | undefined => [hint ? `${id}-${key}-hint` : '', errors[key] ? `${id}-${key}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={submit} noValidate className="q-form">
      {Object.keys(errors).length > 0 ? (
        <div ref={alertRef} className="notice notice-error" role="alert" tabIndex={-1}>{Object.values(errors).join(' ')}</div>
      ) : null}
      {recordAge === undefined ? (
        <div className="field">
          <label htmlFor={`${id}-age`}>{t('recognize.choose.age')}</label>
          <p className="hint" id={`${id}-age-hint`}>{t('recognize.choose.ageHint')}</p>
          {errorText('age')}
          <input id={`${id}-age`} className="number-input" inputMode="numeric" autoComplete="off" value={age}
            onChange={(event) => setAge(event.target.value)} aria-invalid={errors.age ? true : undefined} aria-describedby={describe('age', true)} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-setting`}>{t('recognize.choose.setting')}</label>
        <select id={`${id}-setting`} value={setting} onChange={(event) => setSetting(event.target.value as ScreeningSetting)}>
          {SCREENING_SETTINGS.map((s) => <option key={s} value={s}>{settingLabel(t, s)}</option>)}
        </select>
      </div>
      <div className="card r-suggestion" role="status">
        <p><strong>{t('recognize.choose.suggested')}</strong> {suggested ? titleOf(find(suggested.instrumentId)) : '—'}</p>
        {basis ? <p className="hint">{basis}</p> : null}
        {suggested?.outsideStudiedSetting ? <p className="hint">{t('recognize.choose.outsideStudiedSetting')}</p> : null}
      </div>
      <div className="field">
        <label className="choice" htmlFor={`${id}-override`}>
          <input type="checkbox" id={`${id}-override`} checked={overriding} onChange={(event) => setOverriding(event.target.checked)} />
          <span>{t('recognize.choose.override')}</span>
        </label>
      </div>
      {overriding ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-instrument`}>{t('recognize.choose.instrument')}</label>
            {errorText('override')}
            <select id={`${id}-instrument`} value={overrideId} onChange={(event) => setOverrideId(event.target.value)}
              aria-invalid={errors.override ? true : undefined} aria-describedby={describe('override')}>
              <option value="">{t('recognize.choose.pick')}</option>
              {instruments.map((q) => <option key={q.id} value={q.id}>{titleOf(q)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('recognize.choose.reason')}</label>
            <p className="hint" id={`${id}-reason-hint`}>{t('recognize.choose.reasonHint')}</p>
            {errorText('reason')}
            <textarea id={`${id}-reason`} value={reason} rows={2} maxLength={500} onChange={(event) => setReason(event.target.value)}
              aria-invalid={errors.reason ? true : undefined} aria-describedby={describe('reason', true)} />
          </div>
        </>
      ) : null}
      {mode === 'self' ? (
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('recognize.choose.patientLanguage')}</label>
          <p className="hint" id={`${id}-language-hint`}>{t('recognize.choose.patientLanguageHint')}</p>
          <select id={`${id}-language`} value={language} onChange={(event) => setLanguage(event.target.value)} aria-describedby={`${id}-language-hint`}>
            {languages.map((tag) => <option key={tag} value={tag} lang={tag}>{languageName(tag)}</option>)}
          </select>
        </div>
      ) : (
        <fieldset className="q-question">
          <legend>{t('recognize.choose.layout')}</legend>
          <div className="q-options">
            {(['one-per-screen', 'all'] as const).map((value) => (
              <label key={value} className="choice q-option" htmlFor={`${id}-layout-${value}`}>
                <input type="radio" id={`${id}-layout-${value}`} name={`${id}-layout`} checked={layout === value} onChange={() => setLayout(value)} />
                <span>{value === 'all' ? t('recognize.choose.layoutAll') : t('recognize.choose.layoutOne')}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>{mode === 'self' ? t('recognize.choose.handOver') : t('recognize.choose.start')}</button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => onDeclined(chosenId)}>{t('recognize.choose.declined')}</button>
      </div>
    </form>
  );
}
