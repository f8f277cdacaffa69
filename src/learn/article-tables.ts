/**
 * @module The table of staff comments on resource articles, added to the platform's `Database`
 * type. A comment is `pending` until an educator approves or removes it; only approved comments
 * are shown to anyone but their author and the moderators.
 */

export interface LearnArticleCommentTable {
  id: string;
  organization_id: string;
  article_id: string;
  author_id: string;
  body: string;
  status: 'pending' | 'approved' | 'removed';
  created_at: string;
  moderated_by: string | null;
  moderated_at: string | null;
  /** Why it was removed (shown to its author); null when approved or pending. */
  moderation_reason: string | null;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    learn_article_comment: LearnArticleCommentTable;
  }
}
