/**
 * @module Resource articles and their moderated discussion under `/api/learn/articles`: the list
 * and one article (per language, with its sources), comments (the reader sees approved ones and
 * their own), posting (pending until moderated), and for moderators (`article` update) the queue
 * and the decision. Mount with `app.register(articleRoutes, {})` once the migration is applied.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isAllowed } from '../platform/policy.ts';
import { loadArticles, type ArticleLibrary } from './article-content.ts';
import { addComment, listComments, listPending, moderateComment, type Reader } from './article-store.ts';
import { learnerOf } from './learner-request.ts';

const tags = ['learn'];
const ArticleParams = Type.Object({ articleId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 100 }) }, { additionalProperties: false });
const CommentParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const LanguageQuery = Type.Object({ lang: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' })) }, { additionalProperties: false });
const CommentBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
const ModerationBody = Type.Union([
  Type.Object({ action: Type.Literal('approve') }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('remove'), reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
]);

export const articleRoutes: FastifyPluginAsync<{ library?: () => ArticleLibrary }> = async (base, options) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  let library: ArticleLibrary | undefined;
  const articles = (): ArticleLibrary => (library ??= (options.library ?? loadArticles)());
  const readerOf = (request: Parameters<typeof learnerOf>[0]): Reader => {
    const learner = learnerOf(request);
    return { userId: learner.userId, moderates: isAllowed(learner.roles, 'article', 'update') };
  };

  app.get('/api/learn/articles', {
    config: { access: { permission: ['article', 'read'] } },
    schema: { tags, summary: 'Resource articles for staff, in the caller\'s language', querystring: LanguageQuery },
  }, async (request) => ({ articles: articles().list(request.query.lang ?? learnerOf(request).locale) }));

  app.get('/api/learn/articles/:articleId', {
    config: { access: { permission: ['article', 'read'] } },
    schema: { tags, summary: 'One article with its sources and the comments the caller may see', params: ArticleParams, querystring: LanguageQuery },
  }, async (request) => {
    const article = articles().get(request.params.articleId, request.query.lang ?? learnerOf(request).locale);
    return { article, comments: await listComments(request.scope(), readerOf(request), article.id) };
  });

  app.post('/api/learn/articles/:articleId/comments', {
    config: { access: { permission: ['article', 'create'] } },
    schema: { tags, summary: 'Comment on an article; nobody else sees it until a moderator approves it', params: ArticleParams, body: CommentBody },
  }, async (request, reply) => {
    const article = articles().get(request.params.articleId, 'en');
    return reply.code(201).send({ comment: await addComment(request.scope(), readerOf(request), article.id, request.body.body.trim()) });
  });

  app.get('/api/learn/article-comments/pending', {
    config: { access: { permission: ['article', 'update'] } },
    schema: { tags, summary: 'Comments waiting for moderation' },
  }, async (request) => ({ comments: await listPending(request.scope()) }));

  app.post('/api/learn/article-comments/:id/moderation', {
    config: { access: { permission: ['article', 'update'] } },
    schema: { tags, summary: 'Approve a comment, or remove it with a reason', params: CommentParams, body: ModerationBody },
  }, async (request) => ({ comment: await moderateComment(request.scope(), readerOf(request), request.params.id, request.body) }));
};
