/**
 * @module `/smart/app`: the screening inside the EHR. The launch completes (fhirclient, PKCE S256),
 * the patient's birth date gives the age, then the privacy gate, the age-appropriate instrument,
 * the questions; the screen is stored in Lantern, its copies written back to the EHR, and the
 * response steps open as a case linked (encrypted) to the EHR patient. Steps are React state.
 */
import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { navigate } from '../../web/router.tsx';
import { describeError } from '../../web/error-messages.ts';
import { FormError } from '../../web/components/form-fields.tsx';
import type { GateAnswers, GateResult } from '../../recognize/privacy-gate.ts';
import { chooseInstrument, type ScreeningSetting } from '../../recognize/instrument-choice.ts';
import { readScoreDeclaration } from '../../recognize/score-declaration.ts';
import { fetchInstruments, recordOutcome } from '../../recognize/ui/screening-api.ts';
import { PrivacyGateStep } from '../../recognize/ui/privacy-gate-step.tsx';
import { QuestionnaireForm } from '../../recognize/ui/questionnaire-form.tsx';
import { NotSafeView, ResultView } from '../../recognize/ui/outcome-views.tsx';
import '../../recognize/ui/recognize.css';
import { ageInYears } from '../smart-scopes.ts';
import { SmartFailure } from './smart-failure.tsx';
import { InstrumentChoiceStep } from './instrument-choice-step.tsx';
import { completeSmartLaunch, SmartLaunchError, withEhr, type LaunchFailure, type SmartClient } from './smart-launch.ts';
import { openLinkedCase, storeScreen, writeBack, type SmartCaseHandoff, type StoredScreen } from './smart-screen-api.ts';

interface Connection { client: SmartClient; iss: string; patientId: string; ageYears: number | undefined }
type Step =
  | { kind: 'gate' }
  | { kind: 'not-safe'; gate: GateAnswers; result: GateResult }
  | { kind: 'choose'; gate: GateAnswers }
  | { kind: 'questions'; gate: GateAnswers; questionnaire: fhir4.Questionnaire; setting: ScreeningSetting; assessmentOnly: boolean }
  | { kind: 'result'; gate: GateAnswers; questionnaire: fhir4.Questionnaire; setting: ScreeningSetting; assessmentOnly: boolean; screen: StoredScreen; savedToEhr: boolean };

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
  const caseButton = (handoff: Omit<SmartCaseHandoff, 'ehrPatient'>): ReactNode => (
    <div className="actions">
      <button type="button" className="button-primary" disabled={busy}
        onClick={() => void attempt(async () => navigate(`/cases/${await openLinkedCase(api, { ...handoff, ehrPatient })}`))}>{t('ehr.smart.openCase')}</button>
    </div>
  );
  const ages = connection.ageYears !== undefined ? { ageYears: connection.ageYears } : {};

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
        return <InstrumentChoiceStep ageYears={connection.ageYears} instruments={instruments} busy={busy}
          onStart={(setting) => {
            const choice = chooseInstrument({ ...ages, setting });
            const questionnaire = instruments.find((q) => q.id === choice.instrumentId);
            if (questionnaire) setStep({ kind: 'questions', gate: step.gate, questionnaire, setting, assessmentOnly: choice.clinicianAssessmentOnly });
          }} />;
      case 'questions':
        return <QuestionnaireForm questionnaire={step.questionnaire} language={locale} layout="one-per-screen" t={t} submitLabel={t('recognize.form.finish')} busy={busy}
          onSubmit={(response) => attempt(async () => {
            const screen = await storeScreen(api, response);
            let savedToEhr = true;
            try {
              await writeBack(connection.client, connection.patientId, screen);
            } catch (caught) {
              if (caught instanceof SmartLaunchError && caught.kind === 'expired') throw caught;
              savedToEhr = false;
            }
            setStep({ ...step, kind: 'result', screen, savedToEhr });
          })} />;
      case 'result': {
        const bands = readScoreDeclaration(step.questionnaire).declaration?.bands ?? [];
        const aboveFloor = bands.find((b) => b.code === step.screen.resultCode)?.minScore !== undefined;
        const base = { gate: step.gate, setting: step.setting, screeningId: step.screen.response.id, ...ages };
        return <ResultView questionnaire={step.questionnaire} resultCode={step.screen.resultCode} score={step.screen.score}>
          <p role="status">{step.savedToEhr ? t('ehr.smart.savedToRecord') : t('ehr.smart.error.writeBack')}</p>
          {caseButton(step.assessmentOnly ? { ...base, screen: 'not-screened', indicatorsPresent: aboveFloor } : { ...base, screen: aboveFloor ? 'positive' : 'negative' })}
        </ResultView>;
      }
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
