/**
 * @module A case's notes (stored encrypted): the list, with sensitive notes marked, and a form to add
 * one. A sensitive note never goes into a handoff.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { formatTime } from '../../web/admin/format-time.ts';
import type { CaseNote } from './respond-types.ts';

export interface CaseNotesProps {
  notes: CaseNote[];
  canUpdate: boolean;
  nameOf: (userId: string | null) => string;
  onAdd: (note: { body: string; sensitive: boolean }) => Promise<boolean>;
}

/** The notes section of the case page. */
export function CaseNotes({ notes, canUpdate, nameOf, onAdd }: CaseNotesProps): ReactElement {
  const { t, locale } = useMessages();
  const [body, setBody] = useState('');
  const [sensitive, setSensitive] = useState(true);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('respond.notes.bodyRequired'));
      return;
    }
    setError(undefined);
    if (await onAdd({ body: body.trim(), sensitive })) {
      setBody('');
      setSensitive(true);
    }
  };

  return (
    <section aria-labelledby="notes-heading" className="section-card">
      <h2 id="notes-heading">{t('respond.notes.heading')}</h2>
      <p className="muted">{t('respond.notes.intro')}</p>
      {notes.length === 0 ? <p>{t('respond.notes.none')}</p> : (
        <ul className="plain-list stack">
          {notes.map((note) => (
            <li key={note.id} className="card">
              <p className="muted">
                {t('respond.notes.byline', { who: nameOf(note.authorId), at: formatTime(note.createdAt, locale) })}
                {note.sensitive ? <> · <span className="sensitive-flag">{t('respond.notes.sensitive')}</span></> : null}
              </p>
              <p style={{ whiteSpace: 'pre-wrap' }}>{note.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canUpdate ? (
        <form className="card stack section-card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="note-form-heading">
          <h3 id="note-form-heading">{t('respond.notes.add')}</h3>
          <div className="field">
            <label htmlFor="note-body">{t('respond.notes.body')}</label>
            {error ? <p className="field-error" id="note-body-error">{error}</p> : null}
            <textarea id="note-body" value={body} onChange={(event) => setBody(event.target.value)} rows={4} maxLength={20000}
              aria-invalid={error ? true : undefined} aria-describedby={error ? 'note-body-error' : undefined} />
          </div>
          <label className="choice">
            <input type="checkbox" id="note-sensitive" checked={sensitive} onChange={(event) => setSensitive(event.target.checked)} />
            {t('respond.notes.markSensitive')}
          </label>
          <div className="actions"><button type="submit" className="button-primary">{t('respond.notes.save')}</button></div>
        </form>
      ) : null}
    </section>
  );
}
