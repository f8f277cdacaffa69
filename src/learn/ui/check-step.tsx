/**
 * @module A knowledge check in the player: answer, see feedback for every option (saved with the
 * step), continue.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { QuestionFields } from './question-fields.tsx';
import type { CheckResult, ProgressView, QuestionView, StepAnswer } from './learn-types.ts';

export interface CheckStepProps {
  enrolmentId: string;
  moduleId: string;
  question: QuestionView;
  onSaved: (progress: ProgressView) => void;
  onContinue: () => void;
}

/** One knowledge check. */
export function CheckStep({ enrolmentId, moduleId, question, onSaved, onContinue }: CheckStepProps): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<CheckResult>();
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (chosen.length === 0) {
      setError(t('learn.question.chooseOne'));
      return;
    }
    try {
      const answer = await api.post<StepAnswer<CheckResult>>(`/api/learn/enrolments/${enrolmentId}/steps`, { kind: 'check', moduleId, questionId: question.id, optionIds: chosen });
      setError(undefined);
      setResult(answer.result);
      onSaved(answer.progress);
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('learn.player.check')}</h2>
      <FormError message={error} />
      <QuestionFields question={question} prefix={`check-${question.id}`} chosen={chosen} onChange={setChosen} result={result} />
      <div role="status" className={result ? 'notice notice-ok' : 'status-empty'}>
        {result ? (result.correct ? t('learn.question.rightAnswer') : t('learn.question.notQuite')) : null}
      </div>
      <div className="actions">
        {result
          ? <button type="button" className="button-primary" onClick={onContinue} autoFocus>{t('learn.player.continue')}</button>
          : <button type="submit" className="button-primary">{t('learn.question.check')}</button>}
      </div>
    </form>
  );
}
