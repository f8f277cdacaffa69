/**
 * @module `/smart/app`: the screening inside the EHR. The launch completes (fhirclient, PKCE S256),
 * the patient's birth date gives the age, then Recognize's steps — the privacy gate, the instrument
 * (suggested from the record's age), the questions; the screen is stored in Lantern (Recognize's API
 * client), its copies written back to the EHR, and the response steps open as a case linked
 * (encrypted) to the EHR patient. A declined screen is recorded as in Lantern. Steps are React state.
 */
import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { navigate } from '../../web/router.tsx';
import { describeError } from '../../web/error-messages.ts';
import { FormError } from '../../web/components/form-fields.tsx';
import type { GateAnswers, GateResult } from '../../recognize/privacy-gate.ts';
import { withInstrumentChoice } from '../../recognize/instrument-choice-record.ts';
import { fetchInstruments, openCase, recordOutcome, resultHandoff, submitScreen, type CaseHandoff, type SubmittedScreen } from '../../recognize/ui/screening-api.ts';
import { PrivacyGateStep } from '../../recognize/ui/privacy-gate-step.tsx';
import { InstrumentStep, type InstrumentDecision } from '../../recognize/ui/instrument-step.tsx';
import { QuestionnaireForm } from '../../recognize/ui/questionnaire-form.tsx';
import { DeclinedView, NotSafeView, ResultView } from '../../recognize/ui/outcome-views.tsx';
import '../../recognize/ui/recognize.css';
import { ageInYears } from '../smart-scopes.ts';
import { SmartFailure } from './smart-failure.tsx';
import { completeSmartLaunch, SmartLaunchError, withEhr, writeBack, type LaunchFailure, type SmartClient } from './smart-launch.ts';

interface Connection { client: SmartClient; iss: string; patientId: string; ageYears: number | undefined }
type Step =
  | { kind: 'gate' }
  | { kind: 'not-safe'; gate: GateAnswers; result: GateResult }
  | { kind: 'choose'; gate: GateAnswers }
  | { kind: 'declined'; gate: GateAnswers; decision?: InstrumentDecision }
  | { kind: 'questions'; gate: GateAnswers; decision: InstrumentDecision }
  | { kind: 'result'; gate: GateAnswers; decision: InstrumentDecision; submitted: SubmittedScreen; savedToEhr: boolean };

/** The page at `/smart/app`. */
export function SmartAppPage(): ReactElement {
  const { t, locale } = useMessages();
  const { api } = useSignedIn();
  const [connection, setConnection] = useState<Connection>();
  const [failure, setFailure] = useState<LaunchFailure>();
  const [instruments, setInstruments] = useState<fhir4.Questionnaire[]>();
  const [step, setStep] = useState<Step>({ kind: 'gate' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => { document.title = t('app.documentTitle', { page: t('ehr.smart.appTitle') }); }, [t]);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const fail = (caught: unknown): void => setFailure(caught instanceof SmartLaunchError ? caught.kind : 'broken');
    completeSmartLaunch(window.location.search).then(async ({ client, iss, patientId }) => {
      const patient = await withEhr(client, (ehr) => ehr.patient.read()) as fhir4.Patient;
      setConnection({ client, iss, patientId, ageYears: ageInYears(patient.birthDate, new Date()) });
    }).catch(fail);
    fetchInstruments(api).then(setInstruments, (caught: unknown) => setError(describeError(t, caught)));
  }, [api, t]);
  useEffect(() => { if (step.kind !== 'gate') heading.current?.focus(); }, [step]);

  if (failure) return <SmartFailure kind={failure} />;
  if (!connection || !instruments) {
    return <div className="stack"><h1 id="page-title">{t('ehr.smart.appTitle')}</h1><FormError message={error} />{error ? null : <p className="loading" role="status">{t('ehr.smart.launching')}</p>}</div>;
  }

  const attempt = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      if (caught instanceof SmartLaunchError && caught.kind !== 'broken') setFailure(caught.kind);
      else setError(describeError(t, caught));
    } finally {
      setBusy(false);
    }
  };
  const ehrPatient = { iss: connection.iss, patientId: connection.patientId };
  const caseButton = (handoff: CaseHandoff): ReactNode => (
    <div className="actions">
      <button type="button" className="button-primary" disabled={busy}
        onClick={() => void attempt(async () => navigate(`/cases/${await openCase(api, { ...handoff, ehrPatient })}`))}>{t('ehr.smart.openCase')}</button>
    </div>
  );
  const ages = connection.ageYears !== undefined ? { ageYears: connection.ageYears } : {};
  const declined = (gate: GateAnswers, decision: InstrumentDecision | undefined, instrumentId: string | undefined): Promise<void> => attempt(async () => {
    await recordOutcome(api, { outcome: 'declined', ...(instrumentId ? { instrument: instrumentId } : {}), mode: 'clinician' });
    setStep({ kind: 'declined', gate, ...(decision ? { decision } : {}) });
  });

  const body = ((): ReactNode => {
    switch (step.kind) {
      case 'gate':
        return <PrivacyGateStep onDone={(gate, result) => {
          if (result.outcome === 'proceed') { setStep({ kind: 'choose', gate }); return; }
          void attempt(async () => {
            await recordOutcome(api, { outcome: 'not-safe-to-screen', reasons: result.reasons, mode: 'clinician' });
            setStep({ kind: 'not-safe', gate, result });
          });
        }} />;
      case 'not-safe':
        return <NotSafeView guidance={step.result.guidance}>{caseButton({ screen: 'not-safe-to-screen', gate: step.gate, setting: 'other', ...ages })}</NotSafeView>;
      case 'choose':
        return <InstrumentStep instruments={instruments} mode="clinician" recordAge={connection.ageYears ?? null} busy={busy}
          onChosen={(decision) => setStep({ kind: 'questions', gate: step.gate, decision })}
          onDeclined={(instrumentId) => void declined(step.gate, undefined, instrumentId)} />;
      case 'declined':
        return <DeclinedView>{caseButton({ screen: 'declined', gate: step.gate, setting: step.decision?.setting ?? 'other', ...ages })}</DeclinedView>;
      case 'questions': {
        const { gate, decision } = step;
        return <QuestionnaireForm questionnaire={decision.questionnaire} language={locale} layout={decision.layout} t={t} submitLabel={t('recognize.form.finish')} busy={busy}
          extraActions={<button type="button" className="button-quiet" disabled={busy}
            onClick={() => void declined(gate, decision, decision.questionnaire.id)}>{t('recognize.form.patientDeclines')}</button>}
          onSubmit={(response) => attempt(async () => {
            // The choice (age band or override, with its reason) travels in the response, as in Lantern's own flow.
            const submitted = await submitScreen(api, withInstrumentChoice(response, decision.choice, decision.questionnaire));
            let savedToEhr = true;
            try {
              await writeBack(connection.client, connection.patientId, submitted);
            } catch (caught) {
              if (caught instanceof SmartLaunchError && caught.kind === 'expired') throw caught;
              savedToEhr = false;
            }
            setStep({ kind: 'result', gate, decision, submitted, savedToEhr });
          })} />;
      }
      case 'result':
        return <ResultView questionnaire={step.decision.questionnaire} resultCode={step.submitted.resultCode} score={step.submitted.score}>
          <p role="status">{step.savedToEhr ? t('ehr.smart.savedToRecord') : t('ehr.smart.error.writeBack')}</p>
          {caseButton(resultHandoff(step.gate, step.decision, step.submitted))}
        </ResultView>;
    }
  })();

  return (
    <div className="r-flow">
      <h1 ref={heading} tabIndex={-1} id="page-title">{t('ehr.smart.appTitle')}</h1>
      <p>{connection.ageYears !== undefined ? t('ehr.smart.patientAge', { age: connection.ageYears }) : t('ehr.smart.patientAgeUnknown')}</p>
      <FormError message={error} />
      {body}
    </div>
  );
}
