import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, testConfig, type TestDatabase } from '../../test/support/platform.ts';
import { createLogger, createPlatform, type Platform } from '../platform/services.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { migrateUpTo } from '../platform/backup/migration-state.ts';
import { createOrganization } from '../platform/identity/accounts.ts';
import { collectDirectory, generateDirectory } from './generate.ts';
import { importDirectory } from './store-import.ts';
import { buildSearchRows, findWeekSlot } from './search-rows.ts';
import { searchDirectory } from './search.ts';
import { findTermByCode, loadShippedTaxonomy } from './taxonomy.ts';

// Open-now in a category reads each listing's week from its term rows (migration 0313); a
// directory imported before that migration must get its weeks from the migration itself.
describe('migration 0313 on a directory imported before it', () => {
  let database: TestDatabase;
  let platform: Platform;
  beforeAll(async () => {
    database = await createTestDatabase();
    platform = createPlatform(testConfig(database), { logger: createLogger({ logLevel: 'silent' }) });
  });
  afterAll(async () => {
    await platform?.data.close();
    await database?.drop();
  });

  test('gives every existing term row its listing\'s week, and open-now in a category finds what the schedules say', async () => {
    const { db } = platform.data;
    await migrateUpTo(db, '0312-refer-search-terms');
    const organizationId = await createOrganization(db, { name: 'Imported Earlier' });
    const scope = platform.scope(organizationId, { id: null, kind: 'system' });
    const records = await collectDirectory(generateDirectory({ services: 120, seed: 5 }));
    await importDirectory(scope, records);
    const termRowsBefore = (await db.selectFrom('refer_search_term').select('search_key').execute()).length;
    expect(termRowsBefore).toBeGreaterThan(120);

    await migrateToLatest(db);
    const terms = await db.selectFrom('refer_search_term')
      .innerJoin('refer_search', 'refer_search.search_key', 'refer_search_term.search_key')
      .leftJoin('refer_search_week', 'refer_search_week.week_id', 'refer_search_term.week_id')
      .select(['refer_search.time_zone as listing_zone', 'refer_search.hours as listing_hours', 'refer_search_week.time_zone', 'refer_search_week.hours'])
      .execute();
    expect(terms).toHaveLength(termRowsBefore);
    for (const row of terms) expect([row.time_zone, row.hours]).toEqual([row.listing_zone, row.listing_hours]);

    const housing = findTermByCode(loadShippedTaxonomy(), 'housing').id as string;
    const at = new Date('2026-11-28T15:00:00Z'); // a Saturday: some listings keep Saturday hours
    const expected = buildSearchRows(records)
      .filter((r) => r.terms.includes(` ${housing} `) && r.hours[findWeekSlot(at, r.time_zone) - 1] === '1')
      .sort((a, b) => byteOrder(a.name, b.name) || byteOrder(a.service_id, b.service_id))
      .map((r) => r.service_id);
    expect(expected.length).toBeGreaterThan(0);
    const found = await searchDirectory(scope, { category: 'housing', openAt: at, limit: 100 });
    expect(found.results.map((r) => r.serviceId)).toEqual(expected.slice(0, 100));
  });
});

/** The order search results use for names and ids on both databases. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
