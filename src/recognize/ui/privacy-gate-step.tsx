/**
 * @module The privacy gate, always before any question: four yes/no questions the clinician answers
 * (plus whether a professional interpreter is available, asked only when one is needed). Any "no"
 * leads to "not safe to screen now"; nothing here ever asks the clinician to separate anyone.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { checkPrivacyGate, PRIVACY_GATE_QUESTIONS, type GateAnswers, type GateResult } from '../privacy-gate.ts';

type GateQuestionId = (typeof PRIVACY_GATE_QUESTIONS)[number]['id'];

/** The gate questions' words, written literally so the catalog test finds every key. */
function useGateTexts(): Record<GateQuestionId, { question: string; hint: string }> {
  const { t } = useMessages();
  return {
    patientAlone: { question: t('recognize.gate.patientAlone'), hint: t('recognize.gate.patientAloneHint') },
    interpreterNeeded: { question: t('recognize.gate.interpreterNeeded'), hint: t('recognize.gate.interpreterNeededHint') },
    professionalInterpreterAvailable: { question: t('recognize.gate.professionalInterpreterAvailable'), hint: t('recognize.gate.professionalInterpreterAvailableHint') },
    confidentialityExplained: { question: t('recognize.gate.confidentialityExplained'), hint: t('recognize.gate.confidentialityExplainedHint') },
    safeToTalk: { question: t('recognize.gate.safeToTalk'), hint: t('recognize.gate.safeToTalkHint') },
  };
}

export interface PrivacyGateStepProps {
  onDone: (answers: GateAnswers, result: GateResult) => void;
}

/** The gate's form; reports the answers and what the gate decided. */
export function PrivacyGateStep({ onDone }: PrivacyGateStepProps): ReactElement {
  const { t } = useMessages();
  const texts = useGateTexts();
  const id = useId();
  const [answers, setAnswers] = useState<GateAnswers>({});
  const [missing, setMissing] = useState<GateQuestionId[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const asked = PRIVACY_GATE_QUESTIONS.filter((q) => !('askedWhen' in q) || answers[q.askedWhen] === true);

  useEffect(() => {
    if (failedAttempts > 0) alertRef.current?.focus();
  }, [failedAttempts]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const unanswered = asked.filter((q) => answers[q.id] === undefined).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      setFailedAttempts((n) => n + 1);
      return;
    }
    const given: GateAnswers = { ...answers };
    if (!given.interpreterNeeded) delete given.professionalInterpreterAvailable;
    onDone(given, checkPrivacyGate(given));
  };

  return (
    <form onSubmit={submit} noValidate className="q-form">
      <p className="lead">{t('recognize.gate.intro')}</p>
      {missing.length > 0 ? (
        <div ref={alertRef} className="notice notice-error" role="alert" tabIndex={-1}>{t('recognize.gate.answerAll')}</div>
      ) : null}
      {asked.map((question) => {
        const base = `${id}-${question.id}`;
        const error = missing.includes(question.id);
        return (
          <fieldset key={question.id} className={`q-question${error ? ' q-invalid' : ''}`} role="radiogroup"
            aria-describedby={`${base}-hint${error ? ` ${base}-error` : ''}`} aria-invalid={error || undefined} aria-labelledby={`${base}-label`}>
            <legend id={`${base}-label`}><span className="q-text">{texts[question.id].question}</span></legend>
            <p className="hint" id={`${base}-hint`}>{texts[question.id].hint}</p>
            {error ? <p className="field-error" id={`${base}-error`}>{t('recognize.form.required')}</p> : null}
            <div className="q-options">
              {([true, false] as const).map((value) => (
                <label key={String(value)} className="choice q-option" htmlFor={`${base}-${value ? 'yes' : 'no'}`}>
                  <input type="radio" id={`${base}-${value ? 'yes' : 'no'}`} name={base} checked={answers[question.id] === value}
                    onChange={() => {
                      setAnswers((before) => ({ ...before, [question.id]: value }));
                      setMissing((before) => before.filter((m) => m !== question.id));
                    }} />
                  <span>{value ? t('recognize.form.yes') : t('recognize.form.no')}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="submit" className="button-primary">{t('recognize.gate.continue')}</button>
      </div>
    </form>
  );
}
