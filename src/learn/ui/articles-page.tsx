/**
 * @module Resources for staff: the article list (`/resources`) with, for moderators, the queue of
 * comments waiting for approval; and one article (`/resources/:id`) with its sources and its
 * moderated discussion (a new comment is seen by its author only until it is approved).
 */
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import { useMessages } from '../../web/i18n.tsx';
import { useSignedIn } from '../../web/session.tsx';
import { Link, usePath } from '../../web/router.tsx';
import { PageHeading } from '../../web/components/page-heading.tsx';
import { FormError, StatusMessage } from '../../web/components/form-fields.tsx';
import { describeError } from '../../web/error-messages.ts';
import { useLoad } from '../../web/admin/use-load.ts';
import { isPermitted } from '../../web/session-types.ts';
import { CourseMarkdown } from './course-text.tsx';
import { CommentQueue } from './comment-queue.tsx';
import type { Article } from '../article-content.ts';
import type { CommentView } from '../article-store.ts';
import './learn.css';

/** The page at `/resources`. */
export function ArticlesPage(): ReactElement {
  const { t, locale } = useMessages();
  const { api, session } = useSignedIn();
  const articles = useLoad(useCallback(() => api.get<{ articles: Omit<Article, 'body' | 'sources'>[] }>(`/api/learn/articles?lang=${locale}`), [api, locale]));
  return (
    <>
      <PageHeading title={t('learn.articles.title')}>{t('learn.articles.title')}</PageHeading>
      <p className="lead">{t('learn.articles.intro')}</p>
      <FormError message={articles.error ? describeError(t, articles.error) : undefined} />
      {articles.data === undefined ? <p className="loading">{t('app.loading')}</p> : (
        <ul className="plain-list cards">
          {articles.data.articles.map((a) => (
            <li key={a.id} className="card">
              <h2 className="card-title"><Link to={`/resources/${a.id}`}>{a.title}</Link></h2>
              <p>{a.summary}</p>
            </li>
          ))}
        </ul>
      )}
      {isPermitted(session, 'article', 'update') ? <CommentQueue /> : null}
    </>
  );
}

/** The page at `/resources/:id`. */
export function ArticlePage(): ReactElement {
  const { t, locale } = useMessages();
  const { api, session } = useSignedIn();
  const id = /^\/resources\/([^/]+)/.exec(usePath())?.[1] ?? '';
  const loaded = useLoad(useCallback(() => api.get<{ article: Article; comments: CommentView[] }>(`/api/learn/articles/${id}?lang=${locale}`), [api, id, locale]));
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const statuses = { pending: t('learn.comments.pending'), approved: '', removed: t('learn.comments.removed') };

  const post = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (draft.trim() === '') {
      setError(t('learn.comments.empty'));
      return;
    }
    try {
      await api.post(`/api/learn/articles/${id}/comments`, { body: draft });
      setDraft('');
      setError(undefined);
      setStatus(t('learn.comments.sent'));
      await loaded.reload();
    } catch (failure) {
      setError(describeError(t, failure));
    }
  };
  if (loaded.error) return <FormError message={describeError(t, loaded.error)} />;
  if (!loaded.data) return <p className="loading">{t('app.loading')}</p>;
  const { article, comments } = loaded.data;
  return (
    <>
      <PageHeading title={article.title}>{article.title}</PageHeading>
      <p><Link to="/resources">{t('learn.articles.back')}</Link></p>
      <article className="card">
        <p className="lead">{article.summary}</p>
        <CourseMarkdown text={article.body} prefix="article" />
        <section className="learn-footnotes" aria-labelledby="article-sources">
          <h2 id="article-sources" className="learn-footnotes-title">{t('learn.player.sources')}</h2>
          <ol>{article.sources.map((s, i) => <li key={s.url} id={`article-fn-${i + 1}`}><a href={s.url} rel="noopener noreferrer" target="_blank">{s.citation}</a></li>)}</ol>
        </section>
      </article>
      <section aria-labelledby="comments-title">
        <h2 id="comments-title">{t('learn.comments.title')}</h2>
        {comments.length === 0 ? <p>{t('learn.comments.none')}</p> : (
          <ul className="plain-list learn-stack">
            {comments.map((c) => (
              <li key={c.id} className="card">
                <p><strong>{c.authorName}</strong> · {c.createdAt.slice(0, 10)}{statuses[c.status] ? ` · ${statuses[c.status]}` : ''}</p>
                <p>{c.body}</p>
                {c.status === 'removed' && c.moderationReason ? <p className="muted">{t('learn.comments.reason', { reason: c.moderationReason })}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {isPermitted(session, 'article', 'create') ? (
          <form className="card" onSubmit={(event) => void post(event)} noValidate>
            <FormError message={error} />
            <StatusMessage message={status} />
            <div className="field">
              <label htmlFor="comment-body">{t('learn.comments.label')}</label>
              <p className="hint" id="comment-body-hint">{t('learn.comments.hint')}</p>
              <textarea id="comment-body" rows={4} maxLength={2000} value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby="comment-body-hint" />
            </div>
            <div className="actions"><button type="submit" className="button-primary">{t('learn.comments.submit')}</button></div>
          </form>
        ) : null}
      </section>
    </>
  );
}
