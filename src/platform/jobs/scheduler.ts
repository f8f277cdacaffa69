/**
 * @module The in-process job scheduler. Every process that runs jobs ticks on an unref'd interval;
 * on each tick it works out each job's current period and tries to claim that run (see claim.ts).
 * Only the claimant runs it, so several processes behind a load balancer run each job once.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Platform } from '../services.ts';
import { claimJobRun, finishJobRun } from './claim.ts';

export interface Job {
  name: string;
  /** The period a run at `now` covers; one run per period, ever (e.g. the UTC day). */
  periodOf(now: Date): string;
  run(platform: Platform, context: { period: string; now: Date }): Promise<unknown>;
}

export interface JobScheduler {
  /** Runs one tick now (the interval calls this too); resolves when its jobs are done. */
  tick(): Promise<void>;
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
  readonly claimant: string;
}

export interface SchedulerOptions {
  platform: Platform;
  jobs: Job[];
  /** Milliseconds between ticks. */
  intervalMs?: number;
  /** Milliseconds before the first tick. */
  firstTickMs?: number;
  /** A claim unfinished for this long is presumed dead and run again. */
  staleAfterMs?: number;
  now?: () => Date;
}

/** The UTC calendar day, as jobs that run daily name their period. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The UTC hour (`2026-11-28T03`), for jobs that run hourly. */
export function utcHour(now: Date): string {
  return now.toISOString().slice(0, 13);
}

/** Starts ticking; the timers are unref'd, so they never keep a process alive. */
export function startJobScheduler(options: SchedulerOptions): JobScheduler {
  const { platform, jobs } = options;
  const claimant = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  let stopped = false;

  async function runJob(job: Job): Promise<void> {
    const at = now();
    const period = job.periodOf(at);
    const claim = { job: job.name, period, claimant };
    if (!(await claimJobRun(platform.data.db, { ...claim, now: at, staleAfterMs: options.staleAfterMs ?? 6 * 3600_000 }))) return;
    platform.log.info({ job: job.name, period }, 'job started');
    try {
      const result = await job.run(platform, { period, now: at });
      await finishJobRun(platform.data.db, claim, result);
      platform.log.info({ job: job.name, period, result }, 'job finished');
    } catch (error) {
      // The claim stays unfinished: after staleAfterMs another tick (here or elsewhere) retries.
      platform.log.error({ job: job.name, period, err: error }, 'job failed');
    }
  }

  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= (async () => {
      for (const job of jobs) {
        if (stopped) break;
        try {
          await runJob(job);
        } catch (error) {
          platform.log.error({ job: job.name, err: error }, 'job could not be claimed');
        }
      }
    })().finally(() => { running = undefined; });
    return running;
  };

  const first = setTimeout(() => void tick(), options.firstTickMs ?? 5_000);
  const interval = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  first.unref();
  interval.unref();

  return {
    claimant,
    tick,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(interval);
      await running;
    },
  };
}
