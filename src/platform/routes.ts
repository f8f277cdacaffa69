/**
 * @module The platform's own HTTP routes: operations endpoints (more are added by their modules).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from './services.ts';
import { isReachable } from './db/index.ts';
import { pendingMigrations } from './db/migrate.ts';

export const platformRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  app.get('/health', { config: { access: 'public' }, schema: { tags: ['operations'], summary: 'The process is alive' } }, async () => ({ status: 'ok' }));

  app.get('/ready', { config: { access: 'public' }, schema: { tags: ['operations'], summary: 'The database is reachable and migrations are current' } }, async (_request, reply) => {
    const database = await isReachable(platform.data.db);
    const pending = database ? await pendingMigrations(platform.data.db) : [];
    const ready = database && pending.length === 0;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', database, pendingMigrations: pending.length });
  });
};
