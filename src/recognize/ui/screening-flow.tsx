/**
 * @module The screening flow, one step at a time: the privacy gate first; "not safe to screen now"
 * on any "no" (recorded, de-identified); the instrument from age and setting (overridable with a
 * reason); the questions, asked by the clinician or answered by the patient on a handed-over
 * device; a declined screen recorded too; the result worded as something to consider; and the
 * handoff to the response steps, which opens a case. Steps are React state, never history entries.
 */
import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { navigate } from '../../web/router.tsx';
import { describeError } from '../../web/error-messages.ts';
import { FormError } from '../../web/components/form-fields.tsx';
import type { GateAnswers, GateResult } from '../privacy-gate.ts';
import { withInstrumentChoice } from '../instrument-choice-record.ts';
import { confirmStaffIdentity, fetchInstruments, openCase, recordOutcome, resultHandoff, submitScreen, type CaseHandoff, type SubmittedScreen } from './screening-api.ts';
import { PrivacyGateStep } from './privacy-gate-step.tsx';
import { InstrumentStep, type InstrumentDecision } from './instrument-step.tsx';
import { QuestionnaireForm } from './questionnaire-form.tsx';
import { DeclinedView, NotSafeView, ResultView } from './outcome-views.tsx';
import { PatientScreen, replaceHistoryStep } from './patient-screen.tsx';
import type { StaffCredentials } from './staff-confirm.tsx';

type Step =
  | { kind: 'gate' }
  | { kind: 'not-safe'; gate: GateAnswers; result: GateResult }
  | { kind: 'choose'; gate: GateAnswers }
  | { kind: 'questions'; gate: GateAnswers; decision: InstrumentDecision }
  | { kind: 'result'; gate: GateAnswers; decision: InstrumentDecision; submitted: SubmittedScreen }
  | { kind: 'declined'; gate: GateAnswers; decision?: InstrumentDecision };

export type ScreeningMode = 'clinician' | 'self';

/** The whole flow, for the clinician (`/screening`) or the patient self-screen (`/self-screen`). */
export function ScreeningFlow({ mode }: { mode: ScreeningMode }): ReactElement {
  const { t, locale } = useMessages();
  const { api, session } = useSignedIn();
  const [instruments, setInstruments] = useState<fhir4.Questionnaire[]>();
  const [step, setStep] = useState<Step>({ kind: 'gate' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stepsShown = useRef(0);

  useEffect(() => {
    fetchInstruments(api).then(setInstruments, (failure: unknown) => setError(describeError(t, failure)));
  }, [api, t]);

  const title = stepTitle(t, step, mode);
  const patientHasDevice = mode === 'self' && step.kind === 'questions';
  useEffect(() => {
    // While the patient holds the device, the dialog sets a neutral title of its own.
    if (!patientHasDevice) document.title = t('app.documentTitle', { page: title });
  }, [t, title, patientHasDevice]);
  useEffect(() => {
    if (mode === 'self') replaceHistoryStep();
    if (stepsShown.current > 0) headingRef.current?.focus();
    stepsShown.current += 1;
  }, [step, mode]);

  const attempt = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  const handOff = (handoff: CaseHandoff): Promise<void> => attempt(async () => {
    const id = await openCase(api, handoff);
    navigate(`/cases/${id}`);
  });

  const caseButton = (handoff: CaseHandoff): ReactNode => (
    <div className="actions">
      <button type="button" className="button-primary" disabled={busy} onClick={() => void handOff(handoff)}>{t('recognize.handoff.openCase')}</button>
      <button type="button" className="button-secondary" disabled={busy} onClick={() => setStep({ kind: 'gate' })}>{t('recognize.handoff.startAgain')}</button>
    </div>
  );

  const declined = (gate: GateAnswers, decision: InstrumentDecision | undefined, instrumentId: string | undefined, by: ScreeningMode): Promise<void> =>
    recordOutcome(api, { outcome: 'declined', ...(instrumentId ? { instrument: instrumentId } : {}), mode: by })
      .then(() => setStep({ kind: 'declined', gate, ...(decision ? { decision } : {}) }));

  const body = ((): ReactNode => {
    if (!instruments) return error ? null : <p className="loading" role="status">{t('app.loading')}</p>;
    switch (step.kind) {
      case 'gate':
        return <PrivacyGateStep onDone={(gate, result) => {
          if (result.outcome === 'proceed') { setStep({ kind: 'choose', gate }); return; }
          void attempt(async () => {
            await recordOutcome(api, { outcome: 'not-safe-to-screen', reasons: result.reasons, mode });
            setStep({ kind: 'not-safe', gate, result });
          });
        }} />;
      case 'not-safe':
        return <NotSafeView guidance={step.result.guidance}>{caseButton({ screen: 'not-safe-to-screen', gate: step.gate, setting: 'other' })}</NotSafeView>;
      case 'choose':
        return <InstrumentStep instruments={instruments} mode={mode} busy={busy}
          onChosen={(decision) => setStep({ kind: 'questions', gate: step.gate, decision })}
          onDeclined={(instrumentId) => void attempt(() => declined(step.gate, undefined, instrumentId, 'clinician'))} />;
      case 'questions': {
        const { decision, gate } = step;
        // The choice (age band or override, with its reason) travels in the response and is sealed with it.
        const send = (response: fhir4.QuestionnaireResponse): Promise<SubmittedScreen> =>
          submitScreen(api, withInstrumentChoice(response, decision.choice, decision.questionnaire));
        const store = async (response: fhir4.QuestionnaireResponse): Promise<void> => {
          const submitted = await send(response);
          setStep({ kind: 'result', gate, decision, submitted });
        };
        if (mode === 'self') {
          return <SelfScreenHandover decision={decision} csrfToken={session.csrfToken} staffLanguage={locale}
            staffLabel={t('recognize.self.staffContinue')} onReturned={setStep}
            confirmStaff={(credentials) => confirmStaffIdentity(api, credentials)}
            store={async (response) => ({ kind: 'result', gate, decision, submitted: await send(response) })}
            decline={async () => {
              await recordOutcome(api, { outcome: 'declined', ...(decision.questionnaire.id ? { instrument: decision.questionnaire.id } : {}), mode: 'self' });
              return { kind: 'declined', gate, decision };
            }} />;
        }
        return <QuestionnaireForm questionnaire={decision.questionnaire} language={locale} layout={decision.layout} t={t}
          submitLabel={t('recognize.form.finish')} busy={busy} onSubmit={(response) => attempt(() => store(response))}
          extraActions={<button type="button" className="button-quiet" disabled={busy}
            onClick={() => void attempt(() => declined(gate, decision, decision.questionnaire.id, 'clinician'))}>{t('recognize.form.patientDeclines')}</button>} />;
      }
      case 'result':
        return <ResultView questionnaire={step.decision.questionnaire} resultCode={step.submitted.resultCode} score={step.submitted.score}>
          <h2>{t('recognize.handoff.title')}</h2>
          <p>{t('recognize.handoff.intro')}</p>
          {caseButton(resultHandoff(step.gate, step.decision, step.submitted))}
        </ResultView>;
      case 'declined':
        return <DeclinedView>{caseButton({ screen: 'declined', gate: step.gate, setting: step.decision?.setting ?? 'other',
          ...(step.decision?.ageYears !== undefined ? { ageYears: step.decision.ageYears } : {}) })}</DeclinedView>;
    }
  })();

  return (
    <div className="r-flow">
      <p className="r-steps" aria-hidden="false">{stepCounter(t, step)}</p>
      <h1 ref={headingRef} tabIndex={-1} id="page-title">{title}</h1>
      <FormError message={error} />
      {body}
    </div>
  );
}

/** Holds the device hand-over: the patient's dialog until the clinician has the device back. */
function SelfScreenHandover({ decision, csrfToken, staffLabel, staffLanguage, store, decline, confirmStaff, onReturned }: {
  decision: InstrumentDecision; csrfToken: string | undefined; staffLabel: string; staffLanguage: string;
  store: (response: fhir4.QuestionnaireResponse) => Promise<Step>; decline: () => Promise<Step>;
  confirmStaff: (credentials: StaffCredentials) => Promise<void>; onReturned: (step: Step) => void;
}): ReactElement {
  const { t } = useMessages();
  const next = useRef<Step | undefined>(undefined);
  return (
    <>
      <p className="lead">{t('recognize.self.withPatient')}</p>
      <PatientScreen questionnaire={decision.questionnaire} language={decision.patientLanguage} csrfToken={csrfToken}
        staffLabel={staffLabel} staffLanguage={staffLanguage} confirmStaff={confirmStaff}
        onSubmit={async (response) => { next.current = await store(response); }}
        onDeclined={async () => { next.current = await decline(); }}
        onReturned={() => { if (next.current) onReturned(next.current); }} />
    </>
  );
}

type T = ReturnType<typeof useMessages>['t'];

function stepTitle(t: T, step: Step, mode: ScreeningMode): string {
  switch (step.kind) {
    case 'gate': return mode === 'self' ? t('recognize.self.pageTitle') : t('recognize.gate.title');
    case 'not-safe': return t('recognize.notSafe.title');
    case 'choose': return t('recognize.choose.title');
    case 'questions': return mode === 'self' ? t('recognize.self.withPatientTitle') : t('recognize.form.title');
    case 'result': return t('recognize.result.title');
    case 'declined': return t('recognize.declined.title');
  }
}

function stepCounter(t: T, step: Step): string {
  const index = { gate: 1, 'not-safe': 1, choose: 2, questions: 3, declined: 3, result: 4 }[step.kind];
  return t('recognize.flow.step', { current: index, total: 4 });
}
