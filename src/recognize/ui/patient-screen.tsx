/**
 * @module The patient's side of a self-screen, on a handed-over device: a modal dialog over the
 * whole app (everything behind it is inert), only the questions, in the patient's language (the
 * `lang` attribute set on it, large type, plain labels), and a quick exit — a visible button and the
 * Escape key — that replaces the page with a neutral one via location.replace, leaving no history
 * entry and signing the device out. No result is ever shown here: the patient is thanked and asked
 * to hand the device back, and the clinician confirms their password (and code) before the result
 * is revealed. Nothing is written to storage; steps replace the history entry.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { matchLocale } from '../../platform/i18n/catalogs.ts';
import { createTranslator, textDirection } from '../../platform/i18n/format.ts';
import { SCREENING_MODE_SYSTEM } from '../screening-mode.ts';
import { QuestionnaireForm } from './questionnaire-form.tsx';
import { StaffConfirm, type StaffCredentials } from './staff-confirm.tsx';

/** Where the quick exit goes: a page that names neither Lantern nor screening. */
export const NEUTRAL_PAGE = '/welcome';

/** Keeps the browser history as it is: a step of the self-screen never adds an entry. */
export function replaceHistoryStep(): void {
  window.history.replaceState(null, '', window.location.pathname);
}

/** Leaves at once: signs the device out (kept alive past unload) and replaces the page. */
export function quickExit(csrfToken: string | undefined): void {
  try {
    void fetch('/api/session', { method: 'DELETE', keepalive: true, credentials: 'same-origin', headers: csrfToken ? { 'x-csrf-token': csrfToken } : {} }).catch(() => undefined);
  } finally {
    window.location.replace(NEUTRAL_PAGE);
  }
}

export interface PatientScreenProps {
  questionnaire: fhir4.Questionnaire;
  language: string;
  csrfToken: string | undefined;
  /** Stores the answers; resolves when stored. */
  onSubmit: (response: fhir4.QuestionnaireResponse) => Promise<void>;
  onDeclined: () => Promise<void>;
  /** Checks the signed-in clinician's password (and code); rejects when they are not right. */
  confirmStaff: (credentials: StaffCredentials) => Promise<void>;
  /** The clinician has the device back and has confirmed who they are. */
  onReturned: () => void;
  /** The label of the clinician's button on the hand-back screen (in the clinician's language). */
  staffLabel: string;
  staffLanguage: string;
}

/** The self-screen dialog. */
export function PatientScreen(props: PatientScreenProps): ReactElement {
  const { questionnaire, language, csrfToken, onSubmit, onDeclined, confirmStaff, onReturned, staffLabel, staffLanguage } = props;
  const t = useMemo(() => createTranslator(matchLocale([language])), [language]);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const leaving = useRef(false);
  const [finished, setFinished] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [staffAsked, setStaffAsked] = useState(false);

  const exit = useCallback(() => {
    leaving.current = true;
    quickExit(csrfToken);
  }, [csrfToken]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return undefined;
    if (!dialog.open) dialog.showModal();
    const previousTitle = document.title;
    document.title = t('recognize.self.documentTitle');
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        exit();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.title = previousTitle;
      if (dialog.open) dialog.close();
    };
  }, [exit, t]);

  useEffect(() => {
    replaceHistoryStep();
    headingRef.current?.focus();
  }, [finished]);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setFailed(false);
    try {
      await work();
      setFinished(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="r-patient" lang={language} dir={textDirection(language)} aria-labelledby="r-patient-title"
      onCancel={(event) => { event.preventDefault(); exit(); }}>
      <div className="r-patient-bar">
        <button type="button" className="button-danger r-exit" onClick={exit}>{t('recognize.self.quickExit')}</button>
        <p className="r-exit-hint">{t('recognize.self.quickExitHint')}</p>
      </div>
      <div className="r-patient-body">
        {finished ? (
          <>
            <h1 id="r-patient-title" ref={headingRef} tabIndex={-1}>{t('recognize.self.thanks')}</h1>
            <p className="lead">{t('recognize.self.handBack')}</p>
            <div className="actions r-staff" lang={staffLanguage} dir={textDirection(staffLanguage)}>
              {staffAsked
                ? <StaffConfirm confirm={confirmStaff} onConfirmed={onReturned} />
                : <button type="button" className="button-secondary" onClick={() => setStaffAsked(true)}>{staffLabel}</button>}
            </div>
          </>
        ) : (
          <>
            <h1 id="r-patient-title" ref={headingRef} tabIndex={-1}>{t('recognize.self.title')}</h1>
            <p className="lead">{t('recognize.self.intro')}</p>
            {failed ? <div className="notice notice-error" role="alert">{t('recognize.self.failed')}</div> : null}
            <QuestionnaireForm questionnaire={questionnaire} language={language} layout="one-per-screen" t={t}
              submitLabel={t('recognize.self.send')} busy={busy} onStep={replaceHistoryStep}
              tags={[{ system: SCREENING_MODE_SYSTEM, code: 'self' }]}
              onSubmit={(response) => run(() => onSubmit(response))}
              extraActions={<button type="button" className="button-quiet" disabled={busy} onClick={() => void run(onDeclined)}>{t('recognize.self.rather')}</button>} />
          </>
        )}
      </div>
    </dialog>
  );
}
