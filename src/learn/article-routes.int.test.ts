/**
 * The article and signage routes inside a real Lantern app (auth guard, policy, scopes, audit) on
 * both databases. They are mounted here as their own capability until src/learn/index.ts registers
 * them with the rest of Learn.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Kysely } from 'kysely';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { buildApp, type LanternApp } from '../platform/http/app.ts';
import { up } from './article-migration.ts';
import { articleRoutes } from './article-routes.ts';
import { signageRoutes } from './signage-routes.ts';

describe('article and signage routes', () => {
  let lantern: TestLantern;
  let app: LanternApp;
  let org: TestOrganization;

  beforeAll(async () => {
    lantern = await startTestLantern();
    await up(lantern.platform.data.db as unknown as Kysely<unknown>);
    app = await buildApp(lantern.platform, {
      capabilities: [{ name: 'learn-extras', plugin: async (instance) => { await instance.register(articleRoutes, {}); await instance.register(signageRoutes, {}); } }],
    });
    await app.ready();
    org = await givenOrganization(lantern.platform.data.db);
  });
  afterAll(async () => {
    await app?.close();
    await lantern.close();
  });

  const as = (role: keyof TestOrganization['users']) => bearer(org.users[role].token);

  test('staff read articles per language; comments wait for an educator; the queue is for moderators only', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/learn/articles?lang=es', headers: as('learner') });
    expect(list.statusCode).toBe(200);
    const { articles } = list.json<{ articles: { id: string; title: string }[] }>();
    expect(articles.length).toBeGreaterThanOrEqual(2);
    const id = articles[0]!.id;
    const one = await app.inject({ method: 'GET', url: `/api/learn/articles/${id}?lang=es`, headers: as('learner') });
    expect(one.json().article).toMatchObject({ id, language: 'es' });
    expect(one.json().article.sources.length).toBeGreaterThan(0);

    expect((await app.inject({ method: 'POST', url: `/api/learn/articles/${id}/comments`, headers: as('learner'), payload: { body: '', extra: 1 } })).statusCode).toBe(400);
    const posted = await app.inject({ method: 'POST', url: `/api/learn/articles/${id}/comments`, headers: as('learner'), payload: { body: 'Useful for our night shift.' } });
    expect(posted.statusCode).toBe(201);
    const comment = posted.json().comment as { id: string; status: string };
    expect(comment.status).toBe('pending');

    const seen = async (role: keyof TestOrganization['users']) => (await app.inject({ method: 'GET', url: `/api/learn/articles/${id}`, headers: as(role) })).json().comments.length as number;
    expect(await seen('clinician')).toBe(0);
    expect(await seen('learner')).toBe(1);

    expect((await app.inject({ method: 'GET', url: '/api/learn/article-comments/pending', headers: as('learner') })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/learn/article-comments/${comment.id}/moderation`, headers: as('clinician'), payload: { action: 'approve' } })).statusCode).toBe(403);
    const queue = await app.inject({ method: 'GET', url: '/api/learn/article-comments/pending', headers: as('educator') });
    expect(queue.json().comments.map((c: { id: string }) => c.id)).toEqual([comment.id]);
    expect((await app.inject({ method: 'POST', url: `/api/learn/article-comments/${comment.id}/moderation`, headers: as('educator'), payload: { action: 'remove' } })).statusCode).toBe(400);
    const approved = await app.inject({ method: 'POST', url: `/api/learn/article-comments/${comment.id}/moderation`, headers: as('educator'), payload: { action: 'approve' } });
    expect(approved.json().comment.status).toBe('approved');
    expect((await app.inject({ method: 'POST', url: `/api/learn/article-comments/${comment.id}/moderation`, headers: as('educator'), payload: { action: 'approve' } })).statusCode).toBe(409);
    expect(await seen('clinician')).toBe(1);
    expect((await app.inject({ method: 'GET', url: '/api/learn/articles/no-such-article', headers: as('learner') })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/learn/articles' })).statusCode).toBe(401);
  });

  test('signage PDFs need course read: staff get them, partners do not', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/learn/signage', headers: as('educator') });
    expect(list.json().signs.map((s: { jurisdiction: string }) => s.jurisdiction)).toContain('US-FL');
    const card = await app.inject({ method: 'GET', url: '/api/learn/signage/card?lang=es', headers: as('learner') });
    expect(card.headers['content-type']).toBe('application/pdf');
    expect(card.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const sign = await app.inject({ method: 'GET', url: `/api/learn/signage/signs/${list.json().signs[0].ruleId}`, headers: as('clinician') });
    expect(sign.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/learn/signage/signs/us-tx-physicians', headers: as('clinician') })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/learn/signage/signs/no-such-rule', headers: as('clinician') })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/learn/signage/card', headers: as('partner') })).statusCode).toBe(403);
  });
});
