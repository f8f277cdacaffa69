import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, testConfig, type TestDatabase } from '../../../test/support/platform.ts';
import { createLogger, createPlatform, type Platform } from '../services.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { clearThrottle, hitThrottle } from './throttle.ts';

// Two platforms on one database stand for two server processes behind a load balancer: each has
// its own connection pool (or SQLite handle), and only the database is shared.
describe('sign-in throttle shared through the database', () => {
  let database: TestDatabase;
  let first: Platform;
  let second: Platform;
  beforeAll(async () => {
    database = await createTestDatabase();
    first = createPlatform(testConfig(database), { logger: createLogger({ logLevel: 'silent' }) });
    await migrateToLatest(first.data.db);
    second = createPlatform(testConfig(database), { logger: createLogger({ logLevel: 'silent' }) });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    // pg-pool resolves end() before its clients have finished closing; dropping the database
    // (with force) at once would kill them mid-goodbye and surface as unhandled errors.
    await new Promise((resolve) => setTimeout(resolve, 250));
    await database.drop();
  });

  const rule = { limit: 5, windowMs: 60_000 };

  test('hits from two processes count against one limit', async () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const results = [];
    for (let i = 0; i < 6; i += 1) results.push(await hitThrottle((i % 2 === 0 ? first : second).data.db, 'signin:ip:10.0.0.7', rule, now));
    expect(results.map((r) => r.count)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false]);
    expect(results[5]!.resetsAt).toBe('2026-11-28T10:01:00.000Z');
  });

  test('concurrent hits are all counted (the upsert is atomic)', async () => {
    const now = new Date('2026-11-28T11:00:00Z');
    await Promise.all(Array.from({ length: 20 }, (_, i) => hitThrottle((i % 2 === 0 ? first : second).data.db, 'signin:email:concurrent', rule, now)));
    const row = await first.data.db.selectFrom('platform_throttle').select('count').where('key', '=', 'signin:email:concurrent').executeTakeFirstOrThrow();
    expect(row.count).toBe(20);
  });

  test('a new window starts once the old one has passed, and clearing forgets the count', async () => {
    const key = 'signin:ip:10.0.0.8';
    for (let i = 0; i < 6; i += 1) await hitThrottle(first.data.db, key, rule, new Date('2026-11-28T12:00:00Z'));
    const later = await hitThrottle(second.data.db, key, rule, new Date('2026-11-28T12:01:00.001Z'));
    expect(later).toMatchObject({ allowed: true, count: 1 });
    await hitThrottle(first.data.db, key, rule, new Date('2026-11-28T12:01:01Z'));
    await clearThrottle(second.data.db, key);
    expect((await hitThrottle(first.data.db, key, rule, new Date('2026-11-28T12:01:02Z'))).count).toBe(1);
  });
});
