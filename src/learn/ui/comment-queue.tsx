/**
 * @module The moderation queue for educators: each pending comment with approve, or remove with a
 * reason (the author sees the reason; the server audits both).
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { FormError, StatusMessage, TextField } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import type { CommentView } from '../article-store.ts';

/** Pending comments with their decisions. */
export function CommentQueue(): ReactElement {
  const { t } = useMessages();
  const { api } = useSignedIn();
  const queue = useLoad(useCallback(() => api.get<{ comments: CommentView[] }>('/api/learn/article-comments/pending'), [api]));
  const [removing, setRemoving] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');

  const decide = async (comment: CommentView, body: { action: 'approve' } | { action: 'remove'; reason: string }): Promise<void> => {
    try {
      await api.post(`/api/learn/article-comments/${comment.id}/moderation`, body);
      setError(undefined);
      setRemoving(undefined);
      setReason('');
      setStatus(body.action === 'approve' ? t('learn.moderation.approved') : t('learn.moderation.removed'));
      await queue.reload();
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  const remove = (event: FormEvent, comment: CommentView): void => {
    event.preventDefault();
    if (reason.trim() === '') setError(t('learn.revoke.reasonRequired'));
    else void decide(comment, { action: 'remove', reason: reason.trim() });
  };

  return (
    <section aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t('learn.moderation.title')}</h2>
      <StatusMessage message={status} />
      <FormError message={error ?? (queue.error ? describeError(t, queue.error) : undefined)} />
      {queue.data === undefined ? <p className="loading">{t('app.loading')}</p> : queue.data.comments.length === 0 ? <p>{t('learn.moderation.empty')}</p> : (
        <ul className="plain-list learn-stack">
          {queue.data.comments.map((c) => (
            <li key={c.id} className="card">
              <p><strong>{c.authorName}</strong> · {c.articleId} · {c.createdAt.slice(0, 10)}</p>
              <p>{c.body}</p>
              {removing === c.id ? (
                <form onSubmit={(event) => remove(event, c)} noValidate>
                  <TextField id={`remove-${c.id}`} label={t('learn.moderation.reason')} value={reason} onChange={setReason} maxLength={500} autoFocus />
                  <div className="actions">
                    <button type="submit" className="button-danger">{t('learn.moderation.remove')}</button>
                    <button type="button" className="button-quiet" onClick={() => setRemoving(undefined)}>{t('learn.revoke.cancel')}</button>
                  </div>
                </form>
              ) : (
                <div className="actions">
                  <button type="button" className="button-primary" onClick={() => void decide(c, { action: 'approve' })}>{t('learn.moderation.approve')}</button>
                  <button type="button" className="button-secondary" onClick={() => setRemoving(c.id)}>{t('learn.moderation.startRemove')}</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
