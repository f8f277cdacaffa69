import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestLantern, type TestLantern } from '../../../test/support/platform.ts';
import { givenOrganization, type GivenOrganization } from './ops-test-support.ts';
import { purgeExpiredData, registerPurgeableTable, retentionPurgeJob } from './retention.ts';
import { incrementCounter } from './counters.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { startJobScheduler } from '../jobs/scheduler.ts';
import { platformJobs } from './index.ts';

const DAY = 86_400_000;

describe('retention purge', () => {
  let lantern: TestLantern;
  let short: GivenOrganization;
  let long: GivenOrganization;
  let unregister: (() => void)[] = [];
  const now = new Date('2026-11-28T03:00:00.000Z');
  const daysAgo = (n: number): string => new Date(now.getTime() - n * DAY).toISOString();

  beforeAll(async () => {
    lantern = await startTestLantern();
    const db = lantern.platform.data.db;
    // A capability's protected table, as a capability migration would create it.
    await sql`create table ops_test_note (id text primary key, organization_id text not null, created_at text not null, body text not null)`.execute(db);
    // A parent and a child whose names sort parent-first: the purge must still delete the child first.
    await sql`create table ops_test_a_case (id text primary key, organization_id text not null, updated_at text not null)`.execute(db);
    await sql`create table ops_test_b_event (id text primary key, organization_id text not null, case_id text not null references ops_test_a_case (id), at text not null)`.execute(db);
    unregister = [
      registerPurgeableTable({ table: 'ops_test_note', timestampColumn: 'created_at' }),
      registerPurgeableTable({ table: 'ops_test_a_case', timestampColumn: 'updated_at' }),
      registerPurgeableTable({ table: 'ops_test_b_event', timestampColumn: 'at' }),
    ];
    short = await givenOrganization(lantern.platform, ['admin'], { retentionDays: 30 });
    long = await givenOrganization(lantern.platform, ['admin'], { retentionDays: 365 });
    const rows = [
      { id: 'short-old', organization_id: short.organizationId, created_at: daysAgo(31), body: 'x' },
      { id: 'short-new', organization_id: short.organizationId, created_at: daysAgo(29), body: 'x' },
      { id: 'long-old', organization_id: long.organizationId, created_at: daysAgo(200), body: 'x' },
      { id: 'long-older', organization_id: long.organizationId, created_at: daysAgo(400), body: 'x' },
    ];
    for (const row of rows) await sql`insert into ops_test_note (id, organization_id, created_at, body) values (${row.id}, ${row.organization_id}, ${row.created_at}, ${row.body})`.execute(db);
    await sql`insert into ops_test_a_case (id, organization_id, updated_at) values ('old-case', ${short.organizationId}, ${daysAgo(40)})`.execute(db);
    await sql`insert into ops_test_b_event (id, organization_id, case_id, at) values ('old-event', ${short.organizationId}, 'old-case', ${daysAgo(45)})`.execute(db);
    for (let i = 0; i < 3; i += 1) {
      await incrementCounter(db, { organizationId: short.organizationId, facilityId: short.facilityId, month: '2026-09', metric: 'screening.completed', dimension: 'positive' });
    }
    await incrementCounter(db, { organizationId: short.organizationId, facilityId: short.facilityId, month: '2026-09', metric: 'screening.completed', dimension: 'negative' }, 5);
  });
  afterAll(async () => { for (const undo of unregister) undo(); await lantern.close(); });

  test('counters add up through the upsert on this database', async () => {
    const counters = await lantern.platform.data.db.selectFrom('platform_counter').select(['dimension', 'value'])
      .where('organization_id', '=', short.organizationId).orderBy('dimension').execute();
    expect(counters).toEqual([{ dimension: 'negative', value: 5 }, { dimension: 'positive', value: 3 }]);
  });

  test('rows older than each organization\'s own period go; newer rows and counters stay; each purge is audited', async () => {
    const reports = await purgeExpiredData(lantern.platform.data.db, lantern.platform.data.dialect, { now });
    // Capabilities register their own purgeable tables too; these are the ones this test filled.
    expect(reports.find((r) => r.organizationId === short.organizationId)?.deleted).toMatchObject({ ops_test_note: 1, ops_test_a_case: 1, ops_test_b_event: 1 });
    expect(reports.find((r) => r.organizationId === long.organizationId)?.deleted).toMatchObject({ ops_test_note: 1, ops_test_a_case: 0, ops_test_b_event: 0 });
    const left = await sql<{ id: string }>`select id from ops_test_note order by id`.execute(lantern.platform.data.db);
    expect(left.rows.map((r) => r.id)).toEqual(['long-old', 'short-new']);
    const counters = await lantern.platform.data.db.selectFrom('platform_counter').select('value').where('organization_id', '=', short.organizationId).execute();
    expect(counters.map((c) => c.value).sort()).toEqual([3, 5]);
    const purges = await lantern.platform.data.db.selectFrom('platform_audit_event').selectAll().where('action', '=', 'purge').execute();
    expect(purges.map((p) => [p.organization_id, p.actor_kind, p.resource_type, p.resource_id]).sort()).toEqual([
      [long.organizationId, 'system', 'retention', daysAgo(365)],
      [short.organizationId, 'system', 'retention', daysAgo(30)],
    ].sort());
    expect((await verifyAuditChain(lantern.platform.data.db)).breaks).toEqual([]);
  });

  test('schedulers in several processes run the purge once per day', async () => {
    let clock = now;
    const schedulers = [0, 1, 2].map(() => startJobScheduler({
      platform: lantern.platform, jobs: [retentionPurgeJob], firstTickMs: 60_000, intervalMs: 60_000, now: () => clock,
    }));
    await Promise.all(schedulers.map((s) => s.tick()));
    await Promise.all(schedulers.map((s) => s.tick()));
    clock = new Date(now.getTime() + DAY);
    await Promise.all(schedulers.map((s) => s.tick()));
    await Promise.all(schedulers.map((s) => s.stop()));
    const runs = await lantern.platform.data.db.selectFrom('platform_job_run').selectAll().where('job', '=', 'retention-purge').orderBy('period').execute();
    expect(runs.map((r) => r.period)).toEqual(['2026-11-28', '2026-11-29']);
    for (const run of runs) {
      expect(schedulers.map((s) => s.claimant)).toContain(run.claimed_by);
      expect(run.finished_at).not.toBeNull();
      expect(JSON.parse(run.result!)).toMatchObject({ organizations: 2 });
    }
    const purges = await lantern.platform.data.db.selectFrom('platform_audit_event').select('organization_id').where('action', '=', 'purge').execute();
    // One from the direct call above, then one per organization per day.
    expect(purges.filter((p) => p.organization_id === short.organizationId)).toHaveLength(3);
  });

  test('a stopped scheduler runs nothing more', async () => {
    const scheduler = startJobScheduler({ platform: lantern.platform, jobs: [retentionPurgeJob], firstTickMs: 60_000, now: () => new Date(now.getTime() + 5 * DAY) });
    await scheduler.stop();
    await scheduler.tick();
    const runs = await lantern.platform.data.db.selectFrom('platform_job_run').select('period').where('period', '=', '2026-12-03').execute();
    expect(runs).toEqual([]);
  });

  test('the platform\'s jobs include the hourly identity housekeeping, which clears abandoned sign-ins', async () => {
    const db = lantern.platform.data.db;
    const at = new Date(now.getTime() + 10 * DAY);
    await db.insertInto('platform_sso_login').values({ state_hash: 'abandoned', organization_id: short.organizationId, nonce: 'n', code_verifier: 'v', expires_at: daysAgo(1) }).execute();
    const scheduler = startJobScheduler({ platform: lantern.platform, jobs: platformJobs, firstTickMs: 60_000, now: () => at });
    await scheduler.tick();
    await scheduler.stop();
    expect(await db.selectFrom('platform_sso_login').select('state_hash').execute()).toEqual([]);
    const run = await db.selectFrom('platform_job_run').selectAll().where('job', '=', 'identity-housekeeping').executeTakeFirstOrThrow();
    expect(run.period).toBe('2026-12-08T03');
    expect(JSON.parse(run.result!)).toMatchObject({ ssoLogins: 1 });
  });
});
