/**
 * The crash test: the real server, as its own process, takes concurrent writes through the API and
 * is killed with SIGKILL while they are in flight. After a restart on the same database every write
 * it had acknowledged (2xx) must be there, the database must be ready, and the audit chain intact.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, testConfig, type TestDatabase } from './support/platform.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { createLogger, createPlatform } from '../src/platform/services.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { verifyAuditChain } from '../src/platform/audit/index.ts';
import { createApiToken, createOrganization, createUser } from '../src/platform/identity/accounts.ts';
import { TEST_PASSWORD } from './support/actors.ts';

const WRITERS = 16;
/** Kill once this many writes were acknowledged, so that many more are in flight. */
const ACKNOWLEDGED_BEFORE_KILL = 60;

describe('a server killed during writes', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let organizationId: string;
  let adminToken: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, LANTERN_DATA_DIR: database.dataDir };
    const platform = createPlatform(testConfig(database), { logger: createLogger({ logLevel: 'silent' }) });
    try {
      await migrateToLatest(platform.data.db);
      organizationId = await createOrganization(platform.data.db, { name: 'Crash Test Clinic' });
      await createUser(platform.data.db, { email: 'admin@crash.example.org', displayName: 'Crash admin', password: TEST_PASSWORD, organizationId, roles: ['admin'] });
      adminToken = (await createApiToken(platform.data.db, { email: 'admin@crash.example.org', name: 'crash test' })).token;
    } finally {
      await platform.close();
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.kill('SIGKILL');
    await database?.drop();
  });

  test('every acknowledged write survives SIGKILL and a restart', async () => {
    const first = await startServerProcess(env);
    servers.push(first);
    const acknowledged: string[] = [];
    let failedWhileUp = '';
    let killed = false;

    // Each writer creates API tokens back to back until the server is gone.
    const writer = async (n: number): Promise<void> => {
      for (let i = 0; ; i += 1) {
        let res: Response;
        try {
          res = await fetch(`${first.url}/api/api-tokens`, {
            method: 'POST',
            headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({ name: `crash ${n}.${i}` }),
          });
        } catch {
          return; // the connection died with the server: this write was never acknowledged
        }
        const body = await res.text().catch(() => '');
        if (res.status >= 200 && res.status < 300) {
          acknowledged.push((JSON.parse(body) as { id: string }).id);
          if (acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } else if (!killed) {
          failedWhileUp = `${res.status} ${body}`;
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n)));
    expect(failedWhileUp, 'writes failed before the kill').toBe('');
    expect(killed).toBe(true);
    expect(await first.exited).toBeNull(); // killed by a signal, no exit code

    const second = await startServerProcess(env);
    servers.push(second);
    const ready = await fetch(`${second.url}/ready`);
    expect(ready.status).toBe(200);

    const platform = createPlatform(testConfig(database), { logger: createLogger({ logLevel: 'silent' }) });
    try {
      const found = await platform.data.db.selectFrom('platform_api_token').select('id')
        .where('organization_id', '=', organizationId).execute();
      const present = new Set(found.map((row) => row.id));
      expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
      const chain = await verifyAuditChain(platform.data.db, organizationId);
      expect(chain.breaks).toEqual([]);
    } finally {
      await platform.close();
    }

    // The restarted server serves the writes too.
    const listed = await fetch(`${second.url}/api/api-tokens`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(listed.status).toBe(200);
    const listedIds = new Set((await listed.json() as { id: string }[]).map((t) => t.id));
    expect(acknowledged.filter((id) => !listedIds.has(id))).toEqual([]);
    expect(await second.kill('SIGTERM')).toBe(0);
  }, 180_000);
});
