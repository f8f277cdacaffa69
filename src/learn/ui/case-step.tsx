/**
 * @module A branching patient case in the player, scene by scene: choose, read the consequence,
 * go on to the scene it leads to; the last choice brings the debrief. Every choice is saved, so
 * the case resumes at the scene the learner reached.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { CourseInline, CourseMarkdown, Footnotes } from './course-text.tsx';
import type { CaseChoiceResult, CourseView, ProgressView, StepAnswer } from './learn-types.ts';

type CaseView = CourseView['modules'][number]['cases'][number];

export interface CaseStepProps {
  enrolmentId: string;
  patientCase: CaseView;
  startScene: string;
  onSaved: (progress: ProgressView) => void;
  onContinue: () => void;
}

/** One case. */
export function CaseStep({ enrolmentId, patientCase, startScene, onSaved, onContinue }: CaseStepProps): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const [sceneId, setSceneId] = useState(startScene);
  const [choiceId, setChoiceId] = useState('');
  const [result, setResult] = useState<CaseChoiceResult>();
  const [error, setError] = useState<string>();
  const scene = patientCase.scenes.find((s) => s.id === sceneId) ?? patientCase.scenes[0];
  const prefix = `case-${patientCase.id}-${sceneId}`;
  const ratings = { recommended: t('learn.case.recommended'), acceptable: t('learn.case.acceptable'), unsafe: t('learn.case.unsafe') };

  const choose = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!choiceId) {
      setError(t('learn.question.chooseOne'));
      return;
    }
    try {
      const answer = await api.post<StepAnswer<CaseChoiceResult>>(`/api/learn/enrolments/${enrolmentId}/steps`, { kind: 'case', caseId: patientCase.id, sceneId, choiceId });
      setError(undefined);
      setResult(answer.result);
      onSaved(answer.progress);
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  const nextScene = (): void => {
    if (!result) return;
    setSceneId(result.next);
    setChoiceId('');
    setResult(undefined);
  };

  return (
    <form onSubmit={(event) => void choose(event)} noValidate>
      <h2>{t('learn.case.heading', { title: patientCase.title })}</h2>
      <FormError message={error} />
      {scene ? <CourseMarkdown text={scene.text} prefix={prefix} /> : null}
      {scene && scene.choices.length > 0 ? (
        <fieldset className="learn-question" disabled={result !== undefined}>
          <legend>{t('learn.case.whatNext')}</legend>
          <ul className="plain-list">
            {scene.choices.map((choice) => (
              <li key={choice.id} className="learn-option">
                <label className="choice" htmlFor={`${prefix}-${choice.id}`}>
                  <input id={`${prefix}-${choice.id}`} type="radio" name={prefix} checked={choiceId === choice.id} onChange={() => setChoiceId(choice.id)} />
                  <CourseInline text={choice.text} prefix={prefix} />
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <div role="status" className={result ? 'card learn-consequence' : 'status-empty'}>
        {result ? (
          <>
            <p><strong>{ratings[result.rating]}</strong></p>
            <p>{result.consequence}</p>
            {result.debrief ? (
              <section aria-label={t('learn.case.debrief')}>
                <h3>{t('learn.case.debrief')}</h3>
                <p>{result.debrief.text}</p>
                <ul>{result.debrief.keyPoints.map((point) => <li key={point}>{point}</li>)}</ul>
              </section>
            ) : null}
          </>
        ) : null}
      </div>
      <Footnotes notes={patientCase.footnotes} prefix={`case-${patientCase.id}`} />
      <div className="actions">
        {!result ? <button type="submit" className="button-primary">{t('learn.case.choose')}</button>
          : result.debrief ? <button type="button" className="button-primary" onClick={onContinue} autoFocus>{t('learn.player.continue')}</button>
            : <button type="button" className="button-primary" onClick={nextScene} autoFocus>{t('learn.case.nextScene')}</button>}
      </div>
    </form>
  );
}
