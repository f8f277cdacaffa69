/**
 * @module The learner's training page (`/learn`): open reminders, the courses offered with enrolment,
 * the learner's own enrolments with progress (continue where they left off), the training profile
 * the state rules read, and certificates to download.
 */
import { useCallback, useState, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link, navigate } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, StatusMessage } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { ProfileForm } from './profile-form.tsx';
import type { CertificateView, CourseSummary, EnrolmentView, ReminderView } from './learn-types.ts';
import './learn.css';

/** The page at `/learn`. */
export function LearnHomePage(): ReactElement {
  const { t, locale } = useMessages();
  const { api } = useSignedIn();
  const [error, setError] = useState<unknown>();
  const [status, setStatus] = useState('');
  const courses = useLoad(useCallback(() => api.get<{ courses: CourseSummary[] }>(`/api/learn/courses?lang=${locale}`), [api, locale]));
  const enrolments = useLoad(useCallback(() => api.get<{ enrolments: EnrolmentView[] }>('/api/learn/enrolments'), [api]));
  const certificates = useLoad(useCallback(() => api.get<{ certificates: CertificateView[] }>('/api/learn/certificates'), [api]));
  const reminders = useLoad(useCallback(() => api.get<{ reminders: ReminderView[] }>('/api/learn/reminders'), [api]));

  const enrol = async (course: CourseSummary): Promise<void> => {
    try {
      const { enrolment } = await api.post<{ enrolment: EnrolmentView }>('/api/learn/enrolments', { courseId: course.id, language: course.language });
      navigate(`/learn/enrolments/${enrolment.id}`);
    } catch (failure) {
      setError(failure);
    }
  };
  const dismiss = async (reminder: ReminderView): Promise<void> => {
    try {
      await api.post(`/api/learn/reminders/${reminder.id}/dismissal`);
      setStatus(t('learn.reminders.dismissed'));
      await reminders.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const firstError = error ?? courses.error ?? enrolments.error ?? certificates.error ?? reminders.error;
  const enrolled = (courseId: string): EnrolmentView | undefined => enrolments.data?.enrolments.find((e) => e.courseId === courseId);
  const titleOf = (courseId: string): string => courses.data?.courses.find((c) => c.id === courseId)?.title ?? courseId;

  return (
    <>
      <PageHeading title={t('learn.home.title')}>{t('learn.home.title')}</PageHeading>
      <p className="lead">{t('learn.home.intro')}</p>
      <FormError message={firstError ? describeError(t, firstError) : undefined} />
      <StatusMessage message={status} />

      {reminders.data && reminders.data.reminders.length > 0 ? (
        <section aria-labelledby="learn-reminders">
          <h2 id="learn-reminders">{t('learn.reminders.title')}</h2>
          <ul className="plain-list learn-stack">
            {reminders.data.reminders.map((r) => (
              <li key={r.id} className={`notice ${r.status === 'overdue' ? 'notice-error' : 'notice-important'}`}>
                <p>{r.status === 'overdue' ? t('learn.reminders.overdue', { date: r.dueDate ?? '' }) : t('learn.reminders.dueSoon', { date: r.dueDate ?? '' })}</p>
                <p className="muted">{r.reason}</p>
                <button type="button" className="button-quiet" onClick={() => void dismiss(r)}>{t('learn.reminders.dismiss')}</button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="learn-courses">
        <h2 id="learn-courses">{t('learn.home.courses')}</h2>
        {courses.data === undefined ? <p className="loading">{t('app.loading')}</p> : (
          <ul className="plain-list cards">
            {courses.data.courses.map((course) => {
              const enrolment = enrolled(course.id);
              return (
                <li key={course.id} className="card">
                  <h3 className="card-title">{course.title}</h3>
                  <p>{course.description}</p>
                  <dl className="facts">
                    <dt>{t('learn.course.ceHours')}</dt><dd>{course.ceHours}</dd>
                    <dt>{t('learn.course.minutes')}</dt><dd>{course.estimatedMinutes}</dd>
                    <dt>{t('learn.course.passMark')}</dt><dd>{t('learn.course.percent', { value: course.passMark })}</dd>
                    <dt>{t('learn.course.version')}</dt><dd>{course.version}</dd>
                  </dl>
                  <div className="actions">
                    {enrolment
                      ? <Link className="button-primary" to={`/learn/enrolments/${enrolment.id}`}>{t('learn.home.continue', { title: course.title })}</Link>
                      : <button type="button" className="button-primary" onClick={() => void enrol(course)}>{t('learn.home.enrol', { title: course.title })}</button>}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="learn-mine">
        <h2 id="learn-mine">{t('learn.home.mine')}</h2>
        {enrolments.data === undefined ? <p className="loading">{t('app.loading')}</p> : enrolments.data.enrolments.length === 0 ? <p>{t('learn.home.none')}</p> : (
          <ul className="plain-list learn-stack">
            {enrolments.data.enrolments.map((e) => (
              <li key={e.id} className="card">
                <Link to={`/learn/enrolments/${e.id}`}>{titleOf(e.courseId)}</Link>
                <p className="muted">{e.status === 'passed' ? t('learn.home.completed') : e.status === 'failed' ? t('learn.home.failed') : t('learn.home.inProgress')}{e.dueDate ? ` · ${t('learn.home.due', { date: e.dueDate })}` : ''}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ProfileForm />

      <section aria-labelledby="learn-certificates">
        <h2 id="learn-certificates">{t('learn.certificates.title')}</h2>
        {certificates.data === undefined ? <p className="loading">{t('app.loading')}</p> : certificates.data.certificates.length === 0 ? <p>{t('learn.certificates.none')}</p> : (
          <ul className="plain-list learn-stack">
            {certificates.data.certificates.map((c) => (
              <li key={c.id} className="card">
                <p><strong>{c.courseTitle}</strong> · {t('learn.course.version')} {c.courseVersion} · {c.issuedAt.slice(0, 10)}</p>
                {c.status === 'revoked' ? <p className="badge badge-warn">{t('learn.certificates.revoked')}</p>
                  : <a className="button-secondary" href={`/api/learn/certificates/${c.id}/pdf`} download>{t('learn.certificates.download', { title: c.courseTitle })}</a>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
