/**
 * @module Assigning a course to a member (educators), with an optional due date.
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError, StatusMessage } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import type { ComplianceRow, CourseSummary } from './learn-types.ts';

/** The assignment form. */
export function AssignCourseForm({ people }: { people: ComplianceRow[] }): ReactElement {
  const { t, locale } = useMessages();
  const { api } = useSignedIn();
  const courses = useLoad(useCallback(() => api.get<{ courses: CourseSummary[] }>(`/api/learn/courses?lang=${locale}`), [api, locale]));
  const [userId, setUserId] = useState('');
  const [courseId, setCourseId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const members = [...new Map(people.map((p) => [p.userId, p])).values()];

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const course = courseId || courses.data?.courses[0]?.id;
    if (!userId || !course) {
      setError(t('learn.assign.missing'));
      return;
    }
    try {
      await api.post('/api/learn/enrolments', { courseId: course, userId, ...(dueDate ? { dueDate } : {}) });
      setError(undefined);
      setStatus(t('learn.assign.done', { name: members.find((m) => m.userId === userId)?.displayName ?? '' }));
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  return (
    <section aria-labelledby="assign-title">
      <h2 id="assign-title">{t('learn.assign.title')}</h2>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <FormError message={error} />
        <StatusMessage message={status} />
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="assign-user">{t('learn.assign.person')}</label>
            <select id="assign-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">{t('learn.assign.choosePerson')}</option>
              {members.map((m) => <option key={m.userId} value={m.userId}>{m.displayName} ({m.email})</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="assign-course">{t('learn.assign.course')}</label>
            <select id="assign-course" value={courseId} onChange={(e) => setCourseId(e.target.value)}>
              {(courses.data?.courses ?? []).map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="assign-due">{t('learn.assign.dueDate')}</label>
            <input id="assign-due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </div>
        </div>
        <div className="actions"><button type="submit" className="button-primary">{t('learn.assign.submit')}</button></div>
      </form>
    </section>
  );
}
