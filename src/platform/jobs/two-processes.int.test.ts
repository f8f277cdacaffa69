import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, testConfig, type TestDatabase } from '../../../test/support/platform.ts';
import { startServerProcess, type ServerProcess } from '../../../test/support/server-process.ts';
import { createLogger, createPlatform, type Platform } from '../services.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { givenOrganization, type GivenOrganization } from '../ops/ops-test-support.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Two `lantern serve` processes on one database, as behind a load balancer: each schedules the
// daily purge, the database lets one of them run it, and both answer requests from shared state.
describe('two server processes on one database', () => {
  let database: TestDatabase;
  let platform: Platform;
  let orgs: GivenOrganization[];
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    platform = createPlatform(testConfig(database), { logger: createLogger({ logLevel: 'silent' }) });
    // Operators migrate once before rolling processes out (docs/deploy.md).
    await migrateToLatest(platform.data.db);
    orgs = [await givenOrganization(platform, ['admin']), await givenOrganization(platform, ['admin'])];
    const env = { DATABASE_URL: database.url, LANTERN_DATA_DIR: database.dataDir, LANTERN_JOBS: 'on' };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGKILL')));
    await platform.close();
    await database.drop();
  });

  test('the purge for today runs exactly once, and both processes serve requests', async () => {
    expect(new Set(servers.map((s) => s.url)).size).toBe(2);
    const today = new Date().toISOString().slice(0, 10);
    const db = platform.data.db;
    // Each process first ticks 2 s after it listens; give both time to try, then some.
    let run;
    for (let waited = 0; waited < 20_000; waited += 250) {
      run = await db.selectFrom('platform_job_run').selectAll().where('job', '=', 'retention-purge').where('period', '=', today).executeTakeFirst();
      if (run?.finished_at) break;
      await sleep(250);
    }
    await sleep(3_000);
    const runs = await db.selectFrom('platform_job_run').selectAll().where('job', '=', 'retention-purge').execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.finished_at).not.toBeNull();
    const pids = servers.map((s) => String(s.child.pid));
    expect(pids).toContain(runs[0]!.claimed_by.split('/')[1]);
    for (const org of orgs) {
      const purges = await db.selectFrom('platform_audit_event').select('seq')
        .where('organization_id', '=', org.organizationId).where('action', '=', 'purge').execute();
      expect(purges).toHaveLength(1);
    }

    const [first, second] = servers as [ServerProcess, ServerProcess];
    const org = orgs[0]!;
    const headers = { authorization: `Bearer ${org.users.admin!.token}` };
    for (const server of servers) {
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(200);
    }
    // A read through one process is audited; the other process sees that event.
    const viaFirst = await fetch(`${first.url}/api/audit?action=purge`, { headers });
    expect(viaFirst.status).toBe(200);
    const requestId = viaFirst.headers.get('x-request-id');
    const viaSecond = await fetch(`${second.url}/api/audit?resourceType=audit&action=read`, { headers });
    expect(viaSecond.status).toBe(200);
    const events = (await viaSecond.json()) as { events: { requestId: string | null }[] };
    expect(events.events.map((e) => e.requestId)).toContain(requestId);

    // Both shut down cleanly on SIGTERM.
    expect(await Promise.all(servers.map((s) => s.kill('SIGTERM')))).toEqual([0, 0]);
  }, 60_000);
});
