/**
 * @module The migration for article comments. The platform's migration folder re-exports it as
 * `0401-learn-articles.ts` (`export { up, down } from '../../../learn/article-migration.ts'`).
 * Idempotent (`if not exists`), so a test may apply it before the folder does.
 */
import type { Kysely } from 'kysely';

/** Creates learn_article_comment and its lookup index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('learn_article_comment').ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_by', 'text')
    .addColumn('moderated_at', 'text')
    .addColumn('moderation_reason', 'text')
    .execute();
  await db.schema.createIndex('learn_article_comment_article').ifNotExists()
    .on('learn_article_comment').columns(['organization_id', 'article_id', 'status']).execute();
}

/** Drops the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('learn_article_comment').ifExists().execute();
}
