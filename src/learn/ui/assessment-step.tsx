/**
 * @module The final assessment in the player: every question at once, one submission scored
 * against the course's pass mark, the score with an explanation per question, and a retry when
 * the course's policy leaves attempts (the server decides; the page says what it said).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { QuestionFields } from './question-fields.tsx';
import type { AttemptResult, CertificateView, CourseView } from './learn-types.ts';

export interface AssessmentStepProps {
  enrolmentId: string;
  course: CourseView;
  attemptsLeft: number | null;
  certificate: CertificateView | null;
  onSubmitted: () => void;
}

/** The final assessment. */
export function AssessmentStep({ enrolmentId, course, attemptsLeft, certificate, onSubmitted }: AssessmentStepProps): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<AttemptResult>();
  const [error, setError] = useState<string>();
  const passedCertificate = outcome?.certificate ?? certificate;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const missing = course.assessment.filter((q) => (answers[q.id] ?? []).length === 0).length;
    if (missing > 0) {
      setError(t('learn.assessment.unanswered', { count: missing }));
      return;
    }
    try {
      const result = await api.post<AttemptResult>(`/api/learn/enrolments/${enrolmentId}/attempts`, {
        answers: course.assessment.map((q) => ({ questionId: q.id, optionIds: answers[q.id] ?? [] })),
      });
      setError(undefined);
      setOutcome(result);
      onSubmitted();
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  const retry = (): void => {
    setOutcome(undefined);
    setAnswers({});
  };

  if (certificate && !outcome) {
    return (
      <section aria-labelledby="assessment-done">
        <h2 id="assessment-done">{t('learn.assessment.title')}</h2>
        <p className="notice notice-ok">{t('learn.assessment.alreadyPassed')}</p>
        <a className="button-primary" href={`/api/learn/certificates/${certificate.id}/pdf`} download>{t('learn.certificates.download', { title: certificate.courseTitle })}</a>
      </section>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('learn.assessment.title')}</h2>
      <p>{t('learn.assessment.intro', { passMark: course.passMark, count: course.assessment.length })}</p>
      <p className="muted">{attemptsLeft === null ? t('learn.assessment.unlimited') : t('learn.assessment.attemptsLeft', { count: attemptsLeft })}</p>
      <FormError message={error} />
      <div role="status" className={outcome ? `notice ${outcome.result.passed ? 'notice-ok' : 'notice-error'}` : 'status-empty'}>
        {outcome ? (
          <>
            <p><strong>{outcome.result.passed ? t('learn.assessment.passed', { score: outcome.result.score }) : t('learn.assessment.failed', { score: outcome.result.score, passMark: course.passMark })}</strong></p>
            <p>{t('learn.assessment.correctCount', { correct: outcome.result.correctCount, total: outcome.result.total })}</p>
          </>
        ) : null}
      </div>
      {outcome && passedCertificate && outcome.result.passed ? (
        <p><a className="button-primary" href={`/api/learn/certificates/${passedCertificate.id}/pdf`} download autoFocus>{t('learn.certificates.download', { title: passedCertificate.courseTitle })}</a></p>
      ) : null}
      {course.assessment.map((question, i) => (
        <QuestionFields
          key={`${question.id}-${outcome ? 'scored' : 'open'}`}
          question={question}
          number={i + 1}
          prefix={`assessment-${question.id}`}
          chosen={answers[question.id] ?? []}
          onChange={(ids) => setAnswers({ ...answers, [question.id]: ids })}
          result={outcome?.result.questions.find((q) => q.questionId === question.id)}
        />
      ))}
      <div className="actions">
        {!outcome ? <button type="submit" className="button-primary">{t('learn.assessment.submit')}</button>
          : !outcome.result.passed && outcome.attemptsLeft !== 0
            ? <button type="button" className="button-primary" onClick={retry}>{t('learn.assessment.retry')}</button>
            : null}
        {outcome && !outcome.result.passed && outcome.attemptsLeft === 0 ? <p>{t('learn.assessment.noAttempts')}</p> : null}
      </div>
    </form>
  );
}
