/**
 * @module The course player (`/learn/enrolments/:id`): one step at a time (lesson, knowledge check,
 * case, then the final assessment), each saved as it is done, and resumed where the learner left
 * off on any device. A step list lets keyboard and screen-reader users jump to any step.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link, usePath } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { isStepDone, listPlayerSteps, resumeIndex, resumeScene, type PlayerStep } from './player-model.ts';
import { LessonStep } from './lesson-step.tsx';
import { CheckStep } from './check-step.tsx';
import { CaseStep } from './case-step.tsx';
import { AssessmentStep } from './assessment-step.tsx';
import type { CourseView, EnrolmentDetail, ProgressView } from './learn-types.ts';
import './learn.css';

/** The page at `/learn/enrolments/:id`. */
export function CoursePlayerPage(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const enrolmentId = /^\/learn\/enrolments\/([^/]+)/.exec(usePath())?.[1] ?? '';
  const detail = useLoad(useCallback(() => api.get<EnrolmentDetail>(`/api/learn/enrolments/${enrolmentId}`), [api, enrolmentId]));
  const language = detail.data?.enrolment.language;
  const courseId = detail.data?.enrolment.courseId;
  const course = useLoad(useCallback(
    () => (courseId && language ? api.get<CourseView>(`/api/learn/courses/${courseId}?lang=${language}`) : Promise.resolve(undefined)),
    [api, courseId, language],
  ));
  if (detail.error || course.error) return <FormError message={describeError(t, detail.error ?? course.error)} />;
  if (!detail.data || !course.data) return <p className="loading">{t('app.loading')}</p>;
  return <Player enrolment={detail.data} course={course.data} reload={detail.reload} />;
}

function Player({ enrolment, course, reload }: { enrolment: EnrolmentDetail; course: CourseView; reload: () => Promise<void> }): ReactElement {
  const { t } = useMessages();
  const steps = useMemo(() => listPlayerSteps(course), [course]);
  const [progress, setProgress] = useState<ProgressView>(enrolment.progress);
  const [index, setIndex] = useState(() => resumeIndex(steps, enrolment.progress));
  const step = steps[index]!;
  const goTo = (next: number): void => {
    setIndex(Math.max(0, Math.min(steps.length - 1, next)));
    window.scrollTo(0, 0);
  };
  // On arrival focus stays on the page heading; after a step change it moves to the new step.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current) document.getElementById('learn-step')?.focus();
    arrived.current = true;
  }, [index]);
  const label = (s: PlayerStep): string => stepLabel(course, s, t);

  return (
    <>
      <PageHeading title={course.title}>{course.title}</PageHeading>
      <p><Link to="/learn">{t('learn.player.back')}</Link></p>
      <div className="learn-progress">
        <label htmlFor="learn-progress-bar">{t('learn.player.progress', { percent: progress.percent })}</label>
        <progress id="learn-progress-bar" max={100} value={progress.percent}>{progress.percent}%</progress>
      </div>
      {enrolment.enrolment.courseVersion !== enrolment.currentCourseVersion
        ? <p className="notice notice-important">{t('learn.player.newVersion', { version: enrolment.currentCourseVersion })}</p> : null}
      <div className="learn-layout">
        <details className="learn-steps">
          <summary>{t('learn.player.steps')} · {t('learn.player.stepOf', { current: index + 1, total: steps.length })}</summary>
          <nav aria-label={t('learn.player.steps')}>
            <ol>
              {steps.map((s, i) => (
                <li key={`${s.kind}-${s.id}`}>
                  <button type="button" className="learn-step-link" aria-current={i === index ? 'step' : undefined} onClick={() => goTo(i)}>
                    <span className="visually-hidden">{isStepDone(s, progress) ? t('learn.player.done') : t('learn.player.notDone')}: </span>
                    <span aria-hidden="true">{isStepDone(s, progress) ? '✓ ' : ''}</span>{label(s)}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        </details>
        <section id="learn-step" className="card learn-step" tabIndex={-1} aria-label={t('learn.player.stepOf', { current: index + 1, total: steps.length })}>
          <p className="muted">{t('learn.player.stepOf', { current: index + 1, total: steps.length })}</p>
          <StepView step={step} course={course} enrolment={enrolment} progress={progress} onSaved={setProgress} onContinue={() => goTo(index + 1)} reload={reload} />
          <div className="actions learn-pager">
            <button type="button" className="button-quiet" disabled={index === 0} onClick={() => goTo(index - 1)}>{t('learn.player.previous')}</button>
          </div>
        </section>
      </div>
    </>
  );
}

interface StepViewProps {
  step: PlayerStep;
  course: CourseView;
  enrolment: EnrolmentDetail;
  progress: ProgressView;
  onSaved: (progress: ProgressView) => void;
  onContinue: () => void;
  reload: () => Promise<void>;
}

function StepView({ step, course, enrolment, progress, onSaved, onContinue, reload }: StepViewProps): ReactElement | null {
  const id = enrolment.enrolment.id;
  if (step.kind === 'assessment') {
    return <AssessmentStep key="assessment" enrolmentId={id} course={course} attemptsLeft={enrolment.attemptsLeft} certificate={enrolment.certificate} onSubmitted={() => void reload()} />;
  }
  const module = course.modules.find((m) => m.id === step.moduleId);
  if (step.kind === 'lesson') {
    const lesson = module?.lessons.find((l) => l.id === step.id);
    return lesson ? <LessonStep key={lesson.id} enrolmentId={id} moduleId={step.moduleId} lesson={lesson} onSaved={onSaved} onContinue={onContinue} /> : null;
  }
  if (step.kind === 'check') {
    const question = module?.checks.find((q) => q.id === step.id);
    return question ? <CheckStep key={question.id} enrolmentId={id} moduleId={step.moduleId} question={question} onSaved={onSaved} onContinue={onContinue} /> : null;
  }
  const patientCase = module?.cases.find((c) => c.id === step.id);
  return patientCase
    ? <CaseStep key={patientCase.id} enrolmentId={id} patientCase={patientCase} startScene={resumeScene(patientCase.id, patientCase.start, progress)} onSaved={onSaved} onContinue={onContinue} />
    : null;
}

function stepLabel(course: CourseView, step: PlayerStep, t: ReturnType<typeof useMessages>['t']): string {
  if (step.kind === 'assessment') return t('learn.assessment.title');
  const module = course.modules.find((m) => m.id === step.moduleId);
  if (step.kind === 'lesson') return module?.lessons.find((l) => l.id === step.id)?.title ?? step.id;
  if (step.kind === 'check') return t('learn.player.checkLabel', { number: (module?.checks.findIndex((q) => q.id === step.id) ?? 0) + 1 });
  return module?.cases.find((c) => c.id === step.id)?.title ?? step.id;
}
