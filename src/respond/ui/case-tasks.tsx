/**
 * @module A case's tasks: who does what by when, completing them, and assigning a new one to a
 * colleague with a clinical role (from GET /api/cases/assignees).
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { TextField } from '../../web/components/form-fields.tsx';
import type { Assignee, CaseTask } from './respond-types.ts';

export interface CaseTasksProps {
  tasks: CaseTask[];
  assignees: Assignee[];
  canUpdate: boolean;
  nameOf: (userId: string | null) => string;
  onAdd: (task: { title: string; assigneeId: string; dueDate: string }) => Promise<boolean>;
  onComplete: (task: CaseTask) => Promise<boolean>;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** The tasks section of the case page. */
export function CaseTasks({ tasks, assignees, canUpdate, nameOf, onAdd, onComplete }: CaseTasksProps): ReactElement {
  const { t, locale } = useMessages();
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [dueDate, setDueDate] = useState(today);
  const [errors, setErrors] = useState<{ title?: string; assignee?: string; due?: string }>({});
  const formatDate = (date: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = {
      ...(title.trim() ? {} : { title: t('respond.tasks.titleRequired') }),
      ...(assigneeId ? {} : { assignee: t('respond.tasks.assigneeRequired') }),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(dueDate) ? {} : { due: t('respond.tasks.dueRequired') }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (await onAdd({ title: title.trim(), assigneeId, dueDate })) {
      setTitle('');
      setAssigneeId('');
    }
  };

  return (
    <section aria-labelledby="tasks-heading" className="section-card">
      <h2 id="tasks-heading">{t('respond.tasks.heading')}</h2>
      {tasks.length === 0 ? <p>{t('respond.tasks.none')}</p> : (
        <ul className="plain-list cards">
          {tasks.map((task) => (
            <li key={task.id} className="card">
              <h3 className="card-title" id={`task-${task.id}`}>{task.title}</h3>
              <p>{t('respond.tasks.assignedTo', { who: nameOf(task.assigneeId), due: formatDate(task.dueDate) })}</p>
              <p className={task.status === 'done' ? 'status-done' : 'status-pending'}>{task.status === 'done' ? t('respond.tasks.done') : t('respond.tasks.open')}</p>
              {canUpdate && task.status === 'open' ? (
                <div className="actions">
                  <button type="button" className="button-secondary" aria-describedby={`task-${task.id}`} onClick={() => void onComplete(task)}>{t('respond.tasks.complete')}</button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canUpdate ? (
        <form className="card stack section-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="task-form-heading">
          <h3 id="task-form-heading">{t('respond.tasks.add')}</h3>
          <TextField id="task-title" label={t('respond.tasks.title')} value={title} onChange={setTitle} error={errors.title} maxLength={500} />
          <div className="field">
            <label htmlFor="task-assignee">{t('respond.tasks.assignee')}</label>
            {errors.assignee ? <p className="field-error" id="task-assignee-error">{errors.assignee}</p> : null}
            <select id="task-assignee" value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)}
              aria-invalid={errors.assignee ? true : undefined} aria-describedby={errors.assignee ? 'task-assignee-error' : undefined}>
              <option value="">{t('respond.tasks.chooseAssignee')}</option>
              {assignees.map((a) => <option key={a.id} value={a.id}>{a.displayName}</option>)}
            </select>
          </div>
          <TextField id="task-due" type="date" label={t('respond.tasks.due')} value={dueDate} onChange={setDueDate} error={errors.due} />
          <div className="actions"><button type="submit" className="button-primary">{t('respond.tasks.assign')}</button></div>
        </form>
      ) : null}
    </section>
  );
}
