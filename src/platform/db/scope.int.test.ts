import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, testConfig, type TestDatabase } from '../../../test/support/platform.ts';
import { createLogger, createPlatform, type Platform } from '../services.ts';
import { migrateToLatest } from './migrate.ts';
import { compilePlainInsert } from './scope.ts';
import { createOrganization } from '../identity/accounts.ts';

describe('OrgScope.insert', () => {
  let database: TestDatabase;
  let platform: Platform;
  let organizationId: string;
  let otherId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    platform = createPlatform(testConfig(database), { logger: createLogger({ logLevel: 'silent' }) });
    await migrateToLatest(platform.data.db);
    organizationId = await createOrganization(platform.data.db, { name: 'Insert test' });
    otherId = await createOrganization(platform.data.db, { name: 'Other' });
  });
  afterAll(async () => {
    await platform.close();
    await database.drop();
  });

  const readBack = (orgId: string) => platform.data.db.selectFrom('refer_row').selectAll().where('organization_id', '=', orgId).orderBy('id').execute();

  test('rows with different columns land whole, missing and undefined values as null, stamped with the scope organization', async () => {
    const scope = platform.scope(organizationId, { id: null, kind: 'system' });
    await scope.insert('refer_row', [
      { hsds_table: 'service', id: 'a', data: '{"id":"a"}', ref_service: null, ref_owner: 'o\'1"' },
      { hsds_table: 'phone', id: 'b', data: '{"id":"b"}', ref_service: 'a', ref_location: undefined },
      { hsds_table: 'phone', id: 'c', data: '{}', ref_link: 'x' },
    ]);
    expect(await readBack(organizationId)).toEqual([
      { organization_id: organizationId, hsds_table: 'service', id: 'a', data: '{"id":"a"}', ref_service: null, ref_location: null, ref_owner: 'o\'1"', ref_link: null },
      { organization_id: organizationId, hsds_table: 'phone', id: 'b', data: '{"id":"b"}', ref_service: 'a', ref_location: null, ref_owner: null, ref_link: null },
      { organization_id: organizationId, hsds_table: 'phone', id: 'c', data: '{}', ref_service: null, ref_location: null, ref_owner: null, ref_link: 'x' },
    ]);
    expect(await readBack(otherId)).toEqual([]);
  });

  test('batches of the same shape reuse one statement text and keep every value in its place', async () => {
    const scope = platform.scope(otherId, { id: null, kind: 'system' });
    const batch = (from: number) => Array.from({ length: 500 }, (_, i) => ({ hsds_table: 'language', id: `l${String(from + i).padStart(5, '0')}`, data: `{"n":${from + i}}`, ref_service: `s${from + i}`, ref_location: null, ref_owner: null, ref_link: null }));
    const first = compilePlainInsert(platform.data.dialect, 'refer_row', batch(0), otherId);
    const second = compilePlainInsert(platform.data.dialect, 'refer_row', batch(500), otherId);
    expect(first!.sql).toBe(second!.sql);
    expect(second!.parameters.slice(0, 8)).toEqual([otherId, 'language', 'l00500', '{"n":500}', 's500', null, null, null]);
    await scope.insert('refer_row', batch(0));
    await scope.insert('refer_row', batch(500));
    const rows = await readBack(otherId);
    expect(rows).toHaveLength(1000);
    expect(rows.every((r) => r.ref_service === `s${Number(r.id.slice(1))}` && r.data === `{"n":${Number(r.id.slice(1))}}`)).toBe(true);
  });

  test('a value that is an SQL expression goes through the query builder', async () => {
    expect(compilePlainInsert(platform.data.dialect, 'refer_row', [{ id: 'e', data: sql`'{}'` }], organizationId)).toBeUndefined();
    const scope = platform.scope(organizationId, { id: null, kind: 'system' });
    await scope.insert('refer_row', { hsds_table: 'location', id: 'e', data: sql<string>`${'{"from":"sql"}'}` as unknown as string });
    const row = (await readBack(organizationId)).find((r) => r.id === 'e');
    expect(row).toMatchObject({ organization_id: organizationId, data: '{"from":"sql"}', ref_link: null });
  });

  test('after a bulk write in a transaction, the planner is told the table\'s new size', async () => {
    const scope = platform.scope(otherId, { id: null, kind: 'system' });
    const rows = Array.from({ length: 3000 }, (_, i) => ({ hsds_table: 'phone', id: `p${i}`, data: '{}', ref_link: `x${i}` }));
    await scope.transaction(async (tx) => {
      await tx.insert('refer_row', rows);
      await tx.refreshPlannerStatistics('refer_row');
    });
    if (platform.data.dialect === 'postgres') {
      const { rows: stats } = await sql<{ reltuples: number }>`select reltuples from pg_class where relname = 'refer_row'`.execute(platform.data.db);
      expect(Number(stats[0]?.reltuples)).toBeGreaterThanOrEqual(3000);
    } else {
      // sqlite_stat1: the first number of an index's stat is the table's row count.
      const { rows: stats } = await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = 'refer_row' and idx is not null`.execute(platform.data.db);
      expect(stats.length).toBeGreaterThan(0);
      expect(Number(stats[0]!.stat.split(' ')[0])).toBeGreaterThanOrEqual(3000);
    }
  });
});
