/**
 * @module The operations capability: `/metrics`; the job scheduler (started when the server
 * listens, so tests that only `inject()` run no jobs; stopped before the server closes); draining
 * (responses sent while closing close their connection); and a watch on the key file, so a
 * `lantern keys rotate` on this host is picked up without a restart. It is wrapped with
 * fastify-plugin and mounted first, so its request hooks see every route declared after it.
 */
import { unwatchFile, watchFile } from 'node:fs';
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../services.ts';
import { createHttpMetrics, mountMetrics } from './metrics.ts';
import { startJobScheduler, type Job, type JobScheduler } from '../jobs/scheduler.ts';
import { retentionPurgeJob } from './retention.ts';
import { identityHousekeepingJob } from './housekeeping.ts';

/** Jobs every Lantern process schedules (each runs once per period across processes). */
export const platformJobs: Job[] = [retentionPurgeJob, identityHousekeepingJob];

const operations: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform }) => {
  mountMetrics(app, createHttpMetrics());

  let scheduler: JobScheduler | undefined;
  app.addHook('onListen', async () => {
    if (platform.config.runJobs && !scheduler) scheduler = startJobScheduler({ platform, jobs: platformJobs, firstTickMs: 2_000 });
  });
  // Draining: a response finished while the server closes tells the client to hang up, so a
  // keep-alive connection (a browser's, a load balancer's) does not hold the shutdown open.
  let closing = false;
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('preClose', async () => {
    closing = true;
    await scheduler?.stop();
  });

  const ring = platform.keys.ring();
  if (ring.source === 'file' && ring.file) {
    const file = ring.file;
    const reload = (): void => {
      try {
        platform.keys.reload();
      } catch (error) {
        platform.log.warn({ err: error }, 'the key file changed but could not be read; keeping the keys loaded before');
      }
    };
    watchFile(file, { persistent: false, interval: 2_000 }, reload);
    app.addHook('onClose', async () => unwatchFile(file, reload));
  }
};

/** The operations plugin; src/capabilities.ts mounts it before every other capability. */
export const operationsPlugin = fp(operations, { name: 'lantern-operations' });
