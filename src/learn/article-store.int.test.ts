import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { up } from './article-migration.ts';
import { addComment, listComments, listPending, moderateComment } from './article-store.ts';
import type { Kysely } from 'kysely';

describe('moderated article discussion', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    lantern = await startTestLantern();
    // Idempotent: a no-op once the platform's migration folder applies it.
    await up(lantern.platform.data.db as unknown as Kysely<unknown>);
    org = await givenOrganization(lantern.platform.data.db);
    other = await givenOrganization(lantern.platform.data.db);
  });
  afterAll(async () => { await lantern.close(); });

  const scopeOf = (o: TestOrganization, role: 'learner' | 'clinician' | 'educator') => lantern.platform.scope(o.organizationId, { id: o.users[role].id, kind: 'user' }, null);
  const reader = (o: TestOrganization, role: 'learner' | 'clinician' | 'educator') => ({ userId: o.users[role].id, moderates: role === 'educator' });
  const auditActions = async (organizationId: string) => (await lantern.platform.data.db.selectFrom('platform_audit_event').select(['action', 'resource_type', 'resource_id'])
    .where('organization_id', '=', organizationId).where('resource_type', '=', 'article-comment').execute());

  test('a comment is hidden from others until approved, removed ones stay hidden, and every step is audited', async () => {
    const article = 'seeing-patients-alone';
    const posted = await addComment(scopeOf(org, 'learner'), reader(org, 'learner'), article, 'We put the sign in every exam room.');
    expect(posted.status).toBe('pending');
    const spam = await addComment(scopeOf(org, 'clinician'), reader(org, 'clinician'), article, 'Off-topic advert');

    // The author sees their own pending comment; a colleague sees nothing yet.
    expect((await listComments(scopeOf(org, 'learner'), reader(org, 'learner'), article)).map((c) => c.id)).toEqual([posted.id]);
    expect(await listComments(scopeOf(org, 'educator'), reader(org, 'educator'), article)).toHaveLength(0);
    // Another organization never sees it, not even in its moderation queue.
    expect(await listPending(scopeOf(other, 'educator'))).toHaveLength(0);

    const queue = await listPending(scopeOf(org, 'educator'));
    expect(queue.map((c) => c.id).sort()).toEqual([posted.id, spam.id].sort());
    expect(queue.find((c) => c.id === posted.id)?.authorName).toBeTruthy();

    await moderateComment(scopeOf(org, 'educator'), reader(org, 'educator'), posted.id, { action: 'approve' });
    const removed = await moderateComment(scopeOf(org, 'educator'), reader(org, 'educator'), spam.id, { action: 'remove', reason: 'Not about the article' });
    expect(removed).toMatchObject({ status: 'removed', moderationReason: 'Not about the article' });
    await expect(moderateComment(scopeOf(org, 'educator'), reader(org, 'educator'), spam.id, { action: 'approve' })).rejects.toThrow(/already removed/);
    await expect(moderateComment(scopeOf(other, 'educator'), reader(other, 'educator'), posted.id, { action: 'remove', reason: 'x' })).rejects.toThrow(/not found/);

    // A colleague now sees the approved comment only; the removed one's author sees it with the reason.
    const colleague = await listComments(scopeOf(org, 'educator'), reader(org, 'educator'), article);
    expect(colleague.map((c) => c.id)).toEqual([posted.id]);
    const author = await listComments(scopeOf(org, 'clinician'), reader(org, 'clinician'), article);
    expect(author.map((c) => [c.id, c.status])).toEqual([[posted.id, 'approved'], [spam.id, 'removed']]);
    expect(await listPending(scopeOf(org, 'educator'))).toHaveLength(0);

    const audited = (await auditActions(org.organizationId)).map((e) => `${e.action}:${e.resource_id ?? ''}`);
    expect(audited).toEqual(expect.arrayContaining([`create:${posted.id}`, `create:${spam.id}`, `approve:${posted.id}`, `remove:${spam.id}`, 'read:']));
  });
});
