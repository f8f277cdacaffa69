/**
 * @module Learn: courses delivered to a player, enrolments and progress, final assessments,
 * certificates with a public verification page, state-mandate compliance and reminders. This
 * plugin (and the export and course-check commands in cli.ts) is all the rest of Lantern uses.
 */
import './data-protection.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../platform/services.ts';
import type { Capability } from '../platform/http/app.ts';
import { startJobScheduler, type JobScheduler } from '../platform/jobs/scheduler.ts';
import { shippedCatalog } from './course-catalog.ts';
import { courseRoutes } from './course-routes.ts';
import { certificateRoutes } from './certificate-routes.ts';
import { complianceRoutes } from './compliance-routes.ts';
import { learnRemindersJob } from './reminder-job.ts';
import { signageRoutes } from './signage-routes.ts';
import { articleRoutes } from './article-routes.ts';
import { integrationRoutes } from './integration-routes.ts';
import { xapiDeliveryJob } from './xapi-outbox.ts';

const learnPlugin: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(courseRoutes, { platform, catalog: shippedCatalog });
  await app.register(certificateRoutes, { platform });
  await app.register(complianceRoutes, { platform });
  await app.register(signageRoutes, {});
  await app.register(articleRoutes, {});
  await app.register(integrationRoutes);

  // Learn's daily job runs on the platform scheduler (claimed per day, so once across processes),
  // started when the server listens like the platform's own jobs, so inject()-only tests run none.
  let scheduler: JobScheduler | undefined;
  app.addHook('onListen', async () => {
    if (platform.config.runJobs && !scheduler) scheduler = startJobScheduler({ platform, jobs: [learnRemindersJob(), xapiDeliveryJob()], firstTickMs: 3_000 });
  });
  app.addHook('preClose', async () => {
    await scheduler?.stop();
  });
};

export const learn: Capability = { name: 'learn', plugin: learnPlugin };
