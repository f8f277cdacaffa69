/**
 * @module A lesson in the player: its text with footnoted sources; "continue" saves it as read.
 */
import { useState, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { CourseMarkdown, Footnotes } from './course-text.tsx';
import type { CourseView, ProgressView, StepAnswer } from './learn-types.ts';

type LessonView = CourseView['modules'][number]['lessons'][number];

export interface LessonStepProps {
  enrolmentId: string;
  moduleId: string;
  lesson: LessonView;
  onSaved: (progress: ProgressView) => void;
  onContinue: () => void;
}

/** One lesson. */
export function LessonStep({ enrolmentId, moduleId, lesson, onSaved, onContinue }: LessonStepProps): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const finish = async (): Promise<void> => {
    setSaving(true);
    try {
      const answer = await api.post<StepAnswer<null>>(`/api/learn/enrolments/${enrolmentId}/steps`, { kind: 'lesson', moduleId, lessonId: lesson.id });
      onSaved(answer.progress);
      onContinue();
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <article aria-labelledby={`lesson-${lesson.id}`}>
      <h2 id={`lesson-${lesson.id}`}>{lesson.title}</h2>
      <FormError message={error} />
      <CourseMarkdown text={lesson.body} prefix={`lesson-${lesson.id}`} />
      <Footnotes notes={lesson.footnotes} prefix={`lesson-${lesson.id}`} />
      <div className="actions">
        <button type="button" className="button-primary" disabled={saving} onClick={() => void finish()}>{t('learn.lesson.done')}</button>
      </div>
    </article>
  );
}
