/**
 * @module The instrument step of the SMART screening: the age comes from the EHR's record, so the
 * clinician only names the care setting and sees the instrument the age calls for (adult 18+, youth
 * 12–17, under 12 or age unknown the indicators checklist) before starting.
 */
import { useId, useState, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import type { Translate } from '../../platform/i18n/format.ts';
import { chooseInstrument, SCREENING_SETTINGS, type ScreeningSetting } from '../../recognize/instrument-choice.ts';
import { localizeText } from '../../recognize/localize.ts';

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

export interface InstrumentChoiceStepProps {
  ageYears: number | undefined;
  instruments: readonly fhir4.Questionnaire[];
  busy?: boolean;
  onStart: (setting: ScreeningSetting) => void;
}

/** Shows the suggested instrument for the record's age and starts it in the chosen setting. */
export function InstrumentChoiceStep({ ageYears, instruments, busy, onStart }: InstrumentChoiceStepProps): ReactElement {
  const { t, locale } = useMessages();
  const id = useId();
  const [setting, setSetting] = useState<ScreeningSetting>('emergency');
  const choice = chooseInstrument({ ...(ageYears !== undefined ? { ageYears } : {}), setting });
  const questionnaire = instruments.find((q) => q.id === choice.instrumentId);
  const title = questionnaire?.title ? localizeText({ text: questionnaire.title, ...(questionnaire._title ? { element: questionnaire._title } : {}) }, locale) : choice.instrumentId;
  return (
    <form className="stack" onSubmit={(event) => { event.preventDefault(); onStart(setting); }}>
      <h2>{t('ehr.smart.chooseTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-setting`}>{t('recognize.choose.setting')}</label>
        <select id={`${id}-setting`} value={setting} onChange={(event) => setSetting(event.target.value as ScreeningSetting)}>
          {SCREENING_SETTINGS.map((s) => <option key={s} value={s}>{settingLabel(t, s)}</option>)}
        </select>
      </div>
      <p>{t('ehr.smart.instrument', { title })}</p>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy || !questionnaire}>{t('ehr.smart.start')}</button>
      </div>
    </form>
  );
}
