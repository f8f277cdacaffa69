/**
 * @module How a screen ends, as the clinician reads it: "not safe to screen now" with what to do
 * instead, a declined screen, and a result worded as something to consider (never a label), with
 * the meaning and action its Questionnaire declares, in the clinician's language.
 */
import type { ReactElement, ReactNode } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import type { GateGuidance } from '../privacy-gate.ts';
import { localizeText } from '../localize.ts';
import { readScoreDeclaration } from '../score-declaration.ts';

function useGuidanceText(): (code: GateGuidance) => string {
  const { t } = useMessages();
  return (code) => {
    switch (code) {
      case 'continue-care': return t('recognize.guidance.continueCare');
      case 'do-not-force-separation': return t('recognize.guidance.doNotForceSeparation');
      case 'do-not-confront-companion': return t('recognize.guidance.doNotConfrontCompanion');
      case 'offer-routine-private-moment': return t('recognize.guidance.offerRoutinePrivateMoment');
      case 'assess-language-need': return t('recognize.guidance.assessLanguageNeed');
      case 'request-professional-interpreter': return t('recognize.guidance.requestProfessionalInterpreter');
      case 'never-use-companion-as-interpreter': return t('recognize.guidance.neverUseCompanionAsInterpreter');
      case 'explain-confidentiality-limits': return t('recognize.guidance.explainConfidentialityLimits');
      case 'alert-staff-if-danger': return t('recognize.guidance.alertStaffIfDanger');
      case 'offer-resources-discreetly': return t('recognize.guidance.offerResourcesDiscreetly');
      case 'report-as-law-requires': return t('recognize.guidance.reportAsLawRequires');
      case 'screen-later-when-safe': return t('recognize.guidance.screenLaterWhenSafe');
    }
  };
}

/** "Not safe to screen now": why not, and what to do instead. */
export function NotSafeView({ guidance, children }: { guidance: readonly GateGuidance[]; children?: ReactNode }): ReactElement {
  const { t } = useMessages();
  const text = useGuidanceText();
  return (
    <div className="stack">
      <p className="lead">{t('recognize.notSafe.intro')}</p>
      <h2>{t('recognize.notSafe.instead')}</h2>
      <ul className="r-guidance">{guidance.map((code) => <li key={code}>{text(code)}</li>)}</ul>
      <p className="muted">{t('recognize.notSafe.recorded')}</p>
      {children}
    </div>
  );
}

/** A declined screen: respected, recorded, and care goes on. */
export function DeclinedView({ children }: { children?: ReactNode }): ReactElement {
  const { t } = useMessages();
  return (
    <div className="stack">
      <p className="lead">{t('recognize.declined.intro')}</p>
      <ul className="r-guidance">
        <li>{t('recognize.declined.respect')}</li>
        <li>{t('recognize.guidance.offerResourcesDiscreetly')}</li>
        <li>{t('recognize.guidance.continueCare')}</li>
      </ul>
      <p className="muted">{t('recognize.declined.recorded')}</p>
      {children}
    </div>
  );
}

/** The result of a completed screen, in the reader's language, from the bands its Questionnaire declares. */
export function ResultView({ questionnaire, resultCode, score, children }: {
  questionnaire: fhir4.Questionnaire; resultCode: string; score: number | undefined; children?: ReactNode;
}): ReactElement {
  const { t, locale } = useMessages();
  const band = readScoreDeclaration(questionnaire).declaration?.bands.find((b) => b.code === resultCode);
  const title = questionnaire.title ? localizeText({ text: questionnaire.title, ...(questionnaire._title ? { element: questionnaire._title } : {}) }, locale) : questionnaire.id;
  // The heading is the band's first "Consider …" sentence; the rest of the action follows it.
  const action = band ? localizeText(band.action, locale) : resultCode;
  const split = /^(.+?[.:])\s+(.+)$/s.exec(action);
  const lead = split ? split[1]!.replace(/:$/, '') : action;
  const rest = split ? split[2] : undefined;
  return (
    <div className="stack">
      <section className="card r-result" aria-labelledby="r-result-title">
        <h2 id="r-result-title">{lead}</h2>
        {rest ? <p>{rest}</p> : null}
        {band ? (
          <>
            <h3>{t('recognize.result.meaning')}</h3>
            <p>{localizeText(band.meaning, locale)}</p>
          </>
        ) : null}
        <dl className="facts r-facts">
          <dt>{t('recognize.result.instrument')}</dt><dd>{title}</dd>
          <dt>{t('recognize.result.outcome')}</dt><dd>{band ? localizeText(band.display, locale) : resultCode}</dd>
          {score !== undefined ? <><dt>{t('recognize.result.score')}</dt><dd>{score}</dd></> : null}
        </dl>
        <p className="muted">{t('recognize.result.notALabel')}</p>
      </section>
      {children}
    </div>
  );
}
