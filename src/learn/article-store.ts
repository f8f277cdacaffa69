/**
 * @module Moderated discussion on resource articles: staff comment, nothing is shown to others
 * until an educator approves it, educators approve or remove (with a reason), and every write and
 * every moderator's read of the queue is audited in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { OrgScope } from '../platform/db/scope.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import type { LearnArticleCommentTable } from './article-tables.ts';
import './article-tables.ts';

export interface CommentView {
  id: string;
  articleId: string;
  authorId: string;
  authorName: string;
  body: string;
  status: LearnArticleCommentTable['status'];
  createdAt: string;
  /** Shown to the author when a moderator removed the comment. */
  moderationReason: string | null;
}

export interface Reader {
  userId: string;
  /** Educators and others allowed to moderate (article update). */
  moderates: boolean;
}

async function present(scope: OrgScope, rows: LearnArticleCommentTable[]): Promise<CommentView[]> {
  const authorIds = [...new Set(rows.map((r) => r.author_id))];
  // Members only: a name is read through the organization's memberships, never across tenants.
  const authors = authorIds.length === 0 ? [] : await scope.selectFrom('platform_membership').innerJoin('platform_user', 'platform_user.id', 'platform_membership.user_id')
    .select(['platform_user.id', 'platform_user.display_name']).where('platform_user.id', 'in', authorIds).execute();
  const names = new Map(authors.map((a) => [a.id, a.display_name]));
  return rows.map((r) => ({
    id: r.id, articleId: r.article_id, authorId: r.author_id, authorName: names.get(r.author_id) ?? '', body: r.body, status: r.status,
    createdAt: r.created_at, moderationReason: r.moderation_reason,
  }));
}

/** Adds a comment, pending moderation. */
export async function addComment(scope: OrgScope, reader: Reader, articleId: string, body: string): Promise<CommentView> {
  return scope.transaction(async (tx) => {
    const row: LearnArticleCommentTable = {
      id: randomUUID(), organization_id: tx.organizationId, article_id: articleId, author_id: reader.userId, body, status: 'pending',
      created_at: new Date().toISOString(), moderated_by: null, moderated_at: null, moderation_reason: null,
    };
    await tx.insert('learn_article_comment', { ...row });
    await tx.audit({ action: 'create', resourceType: 'article-comment', resourceId: row.id });
    return (await present(tx, [row]))[0]!;
  });
}

/** The comments a reader sees on an article: approved ones, plus their own in any state. */
export async function listComments(scope: OrgScope, reader: Reader, articleId: string): Promise<CommentView[]> {
  const rows = await scope.selectFrom('learn_article_comment').selectAll().where('article_id', '=', articleId)
    .where((eb) => eb.or([eb('status', '=', 'approved'), eb('author_id', '=', reader.userId)]))
    .orderBy('created_at', 'asc').execute();
  return present(scope, rows as LearnArticleCommentTable[]);
}

/** The moderation queue: every pending comment in the organization (audited: moderators read unpublished text). */
export async function listPending(scope: OrgScope): Promise<CommentView[]> {
  return scope.transaction(async (tx) => {
    const rows = await tx.selectFrom('learn_article_comment').selectAll().where('status', '=', 'pending').orderBy('created_at', 'asc').execute();
    await tx.audit({ action: 'read', resourceType: 'article-comment', resourceId: null });
    return present(tx, rows as LearnArticleCommentTable[]);
  });
}

/** Approves or removes a pending comment; a decided comment cannot be decided again. */
export async function moderateComment(scope: OrgScope, reader: Reader, commentId: string, decision: { action: 'approve' } | { action: 'remove'; reason: string }): Promise<CommentView> {
  return scope.transaction(async (tx) => {
    const row = await tx.selectFrom('learn_article_comment').selectAll().where('id', '=', commentId).executeTakeFirst() as LearnArticleCommentTable | undefined;
    if (!row) throw notFound('Comment');
    if (row.status !== 'pending') throw conflict(`The comment is already ${row.status}.`);
    const update = {
      status: decision.action === 'approve' ? 'approved' as const : 'removed' as const,
      moderated_by: reader.userId, moderated_at: new Date().toISOString(),
      moderation_reason: decision.action === 'remove' ? decision.reason : null,
    };
    await tx.updateTable('learn_article_comment').set(update).where('id', '=', commentId).execute();
    await tx.audit({ action: decision.action === 'approve' ? 'approve' : 'remove', resourceType: 'article-comment', resourceId: commentId });
    return (await present(tx, [{ ...row, ...update }]))[0]!;
  });
}
