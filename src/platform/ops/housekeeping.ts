/**
 * @module The hourly housekeeping job: deletes identity state that has expired (sessions, single
 * sign-ons never finished, old throttle windows) through identity's own cleanup.
 */
import { purgeExpiredIdentityState } from '../identity/cleanup.ts';
import { utcHour, type Job } from '../jobs/scheduler.ts';

/** Runs identity's cleanup once an hour, across all processes. */
export const identityHousekeepingJob: Job = {
  name: 'identity-housekeeping',
  periodOf: utcHour,
  run: (platform, { now }) => purgeExpiredIdentityState(platform.data.db, now),
};
