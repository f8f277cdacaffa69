/**
 * @module EHR integration: the CDS Hooks service and the SMART App Launch app's registrations (the app's pages are in ui/).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Capability } from '../platform/http/app.ts';
import type { Platform } from '../platform/services.ts';
import { cdsRoutes } from './cds-routes.ts';
import { cdsClientRoutes } from './cds-client-routes.ts';
import { smartClientRoutes } from './smart-client-routes.ts';
import { smartPageRoutes } from './smart-page-routes.ts';
import { startJobScheduler, utcHour, type Job, type JobScheduler } from '../platform/jobs/scheduler.ts';
import { sweepExpiredJtis } from './cds-auth.ts';

/** Hourly, once across processes: forgets the `jti`s of expired CDS Hooks JWTs. */
export const jtiSweepJob: Job = {
  name: 'ehr-jti-sweep',
  periodOf: utcHour,
  run: (platform, { now }) => sweepExpiredJtis(platform.data.db, now),
};

const ehrPlugin: FastifyPluginAsync<{ platform: Platform }> = async (app, options) => {
  await app.register(cdsRoutes, options);
  await app.register(cdsClientRoutes, options);
  await app.register(smartClientRoutes, options);
  await app.register(smartPageRoutes, options);

  // Started when the server listens, like the platform's jobs, so inject()-only tests run none.
  let scheduler: JobScheduler | undefined;
  app.addHook('onListen', async () => {
    if (options.platform.config.runJobs && !scheduler) scheduler = startJobScheduler({ platform: options.platform, jobs: [jtiSweepJob], firstTickMs: 4_000 });
  });
  app.addHook('preClose', async () => {
    await scheduler?.stop();
  });
};

export const ehr: Capability = { name: 'ehr', plugin: ehrPlugin };
