import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestLantern, createTestDatabase, testConfig, testDbKind, type TestLantern, type TestDatabase } from '../../test/support/platform.ts';
import { loadConfig } from '../platform/config.ts';
import { createLogger, createPlatform, type Platform } from '../platform/services.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createOrganization } from '../platform/identity/accounts.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { loadShippedReference } from '../respond/jurisdictions.ts';
import { collectDirectory, generateDirectory } from './generate.ts';
import { importDirectory, rebuildSearch } from './store-import.ts';
import { deleteListing } from './store-listing.ts';
import { buildSearchRows, findWeekSlot, type SearchRow } from './search-rows.ts';
import { compileRankingOnly, compileSearchQuery, defaultTuning, haversineKm, listTimeZones, runSearchSteps, searchDirectory, type DirectorySearch, type SearchTuning } from './search.ts';
import { findTermByCode, loadShippedTaxonomy } from './taxonomy.ts';
import { findPostalCentroid } from './postal-codes.ts';
import type { DirectoryRecords } from './hsds-tables.ts';
import { CONFIDENTIAL_LOCATION_TERM_ID } from './confidential.ts';

// The same directory on this project's database and on the other kind, so every query is run on
// SQLite and PostgreSQL and the answers compared, and both against a plain-JavaScript oracle.
const openAt = new Date('2026-11-25T15:00:00Z'); // a Wednesday: 10:00 in New York, 07:00 in Los Angeles
const night = new Date('2026-11-25T08:30:00Z'); // 03:30 in New York: only the round-the-clock services
const term = (code: string): string => findTermByCode(loadShippedTaxonomy(), code).id as string;

async function startOtherPlatform(): Promise<{ platform: Platform; close(): Promise<void> }> {
  if (testDbKind() === 'sqlite') {
    // A PostgreSQL database beside this project's SQLite one.
    process.env.LANTERN_TEST_DB = 'postgres';
    const database: TestDatabase = await createTestDatabase().finally(() => { process.env.LANTERN_TEST_DB = 'sqlite'; });
    const platform = createPlatform(testConfig(database), { logger: createLogger({ logLevel: 'silent' }) });
    await migrateToLatest(platform.data.db);
    return { platform, close: async () => { await platform.data.close(); await database.drop(); } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lantern-refer-sqlite-'));
  const config = { ...loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, LANTERN_DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '0' }) };
  const platform = createPlatform(config, { logger: createLogger({ logLevel: 'silent' }) });
  await migrateToLatest(platform.data.db);
  return { platform, close: async () => { await platform.data.close(); rmSync(dir, { recursive: true, force: true }); } };
}

describe('directory search on SQLite and PostgreSQL', () => {
  let lantern: TestLantern;
  let other: { platform: Platform; close(): Promise<void> };
  let here: OrgScope;
  let there: OrgScope;
  let records: DirectoryRecords;
  let rows: SearchRow[];

  beforeAll(async () => {
    lantern = await startTestLantern();
    other = await startOtherPlatform();
    records = await collectDirectory(generateDirectory({ services: 400, seed: 11 }));
    rows = buildSearchRows(records);
    const scopeOn = async (platform: Platform): Promise<OrgScope> => {
      const id = await createOrganization(platform.data.db, { name: 'Search Org' });
      const scope = platform.scope(id, { id: null, kind: 'system' });
      await importDirectory(scope, records);
      return scope;
    };
    here = await scopeOn(lantern.platform);
    there = await scopeOn(other.platform);
  }, 120_000);
  afterAll(async () => {
    await other?.close();
    await lantern?.close();
  });

  const both = async (search: DirectorySearch): Promise<[string[], string[]]> => {
    const key = (h: { serviceId: string; serviceAtLocationId: string | null }): string => `${h.serviceId}/${h.serviceAtLocationId}`;
    const a = await searchDirectory(here, { limit: 100, ...search });
    const b = await searchDirectory(there, { limit: 100, ...search });
    return [a.results.map(key), b.results.map(key)];
  };
  // Each run has one database of each kind; some checks are about SQLite's plans alone.
  const sqliteSide = () => (here.dialect === 'sqlite' ? { scope: here, db: lantern.platform.data.db } : { scope: there, db: other.platform.data.db });
  const keyOf = (r: SearchRow): string => `${r.service_id}/${r.service_at_location_id}`;
  const byName = (a: SearchRow, b: SearchRow): number => compare(a.name, b.name) || compare(a.service_id, b.service_id);

  test.each([
    ['category (with child terms)', { category: 'housing' }, (r: SearchRow) => r.terms.includes(` ${term('housing')} `)],
    ['category by id', { category: term('immigration-legal') }, (r: SearchRow) => r.terms.includes(` ${term('immigration-legal')} `)],
    ['language', { language: 'vi' }, (r: SearchRow) => r.languages.includes(' vi ')],
    ['age', { age: 15 }, (r: SearchRow) => (r.min_age == null || r.min_age <= 15) && (r.max_age == null || r.max_age >= 15)],
    ['free and minors', { free: true, minors: true }, (r: SearchRow) => r.free === 1 && r.minors === 1],
    ['open now at a fixed clock', { openAt }, (r: SearchRow) => r.hours[findWeekSlot(openAt, r.time_zone) - 1] === '1'],
    ['open now in a category', { openAt, category: 'housing' }, (r: SearchRow) => r.terms.includes(` ${term('housing')} `) && r.hours[findWeekSlot(openAt, r.time_zone) - 1] === '1'],
    ['open at night in a category', { openAt: night, category: 'housing' }, (r: SearchRow) => r.terms.includes(` ${term('housing')} `) && r.hours[findWeekSlot(night, r.time_zone) - 1] === '1'],
  ] as [string, DirectorySearch, (r: SearchRow) => boolean][])('%s: both databases list what the oracle lists, in order', async (_name, search, keep) => {
    const expected = rows.filter(keep).sort(byName).slice(0, 100).map(keyOf);
    expect(expected.length).toBeGreaterThan(0);
    const [a, b] = await both(search);
    expect(a).toEqual(expected);
    expect(b).toEqual(expected);
  });

  test('free text finds the same services on both (every word, as a prefix)', async () => {
    for (const text of ['shelter', 'legal immig', 'counsel']) {
      const words = text.split(' ');
      const tokens = (r: SearchRow): string[] => `${r.name} ${r.organization_name} ${r.term_names} ${r.description}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const expected = rows.filter((r) => words.every((w) => tokens(r).some((t) => t.startsWith(w)))).map(keyOf).sort();
      expect(expected.length, text).toBeGreaterThan(0);
      expect(expected.length, text).toBeLessThanOrEqual(100);
      const [a, b] = await both({ text, limit: 100 });
      expect(a.slice().sort(), text).toEqual(expected);
      expect(b.slice().sort(), text).toEqual(a.slice().sort());
    }
  });

  test('distance from a point and from a postal code: nearest first, within the radius, same on both', async () => {
    const placed = rows.filter((r) => r.latitude != null);
    const anchor = placed[0] as SearchRow;
    const point = { latitude: Number(anchor.latitude), longitude: Number(anchor.longitude) };
    const within = (p: { latitude: number; longitude: number }, km: number): string[] => placed
      .filter((r) => Math.abs(Number(r.latitude) - p.latitude) <= km / 111.195 && Math.abs(Number(r.longitude) - p.longitude) <= km / (111.195 * Math.cos((p.latitude * Math.PI) / 180)))
      .map((r) => ({ r, d: haversineKm(p, { latitude: Number(r.latitude), longitude: Number(r.longitude) }) }))
      .sort((x, y) => x.d - y.d || byName(x.r, y.r))
      .map((x) => keyOf(x.r));
    const [a, b] = await both({ near: point, radiusKm: 50 });
    expect(a).toEqual(within(point, 50));
    expect(b).toEqual(a);
    expect(a[0]).toBe(keyOf(anchor));

    const zip = String(records.address.find((x) => x.location_id === anchor.location_id)?.postal_code);
    const centroid = findPostalCentroid(zip);
    expect(centroid).toBeDefined();
    const [c, d] = await both({ postalCode: zip, radiusKm: 30 });
    expect(c).toEqual(within(centroid!, 30));
    expect(d).toEqual(c);
    expect(c.length).toBeGreaterThan(0);
  });

  test('the hotline and the CyberTipline are pinned first, from the shipped data, whatever the query', async () => {
    const national = loadShippedReference().national.routes;
    for (const search of [{}, { text: 'nothingmatchesthisword' }, { category: 'legal', openAt }] as DirectorySearch[]) {
      const result = await searchDirectory(here, search);
      expect(result.pinned.map((p) => [p.id, p.phone])).toEqual(
        ['human-trafficking-hotline', 'cybertipline'].map((id) => [id, national.find((r) => r.id === id)?.phone]));
    }
    expect((await searchDirectory(here, { text: 'nothingmatchesthisword' })).results).toEqual([]);
  });

  test('confidential locations show no coordinates and only a coarse distance', async () => {
    const secret = rows.filter((r) => r.confidential === 1);
    expect(secret.length).toBeGreaterThan(0);
    const target = secret[0] as SearchRow;
    const result = await searchDirectory(here, { near: { latitude: Number(target.latitude), longitude: Number(target.longitude) }, radiusKm: 20, limit: 100 });
    const hits = result.results.filter((h) => h.confidential);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect([hit.latitude, hit.longitude]).toEqual([null, null]);
      expect((hit.distanceKm ?? 0) % 5).toBe(0);
    }
    const exact = records.location.find((l) => l.id === target.location_id);
    expect(Number(target.latitude)).not.toBe(Number(exact?.latitude));
  });

  test('the compiled statement a benchmark runs raw returns the rows the search returns', async () => {
    const search: DirectorySearch = { category: 'legal', openAt, language: 'es', limit: 10 };
    const compiled = await compileSearchQuery(here, search);
    const raw = await runSearchSteps(compiled.steps.map((step) => async () => (await lantern.platform.data.db.executeQuery<{ service_id: string }>(step)).rows), compiled.limit);
    const result = await searchDirectory(here, search);
    expect(raw.rows.slice(0, 10).map((r) => r.service_id)).toEqual(result.results.map((r) => r.serviceId));
    expect(result.results.length).toBeGreaterThan(0);
  });

  test('the ranking a benchmark times alone scores the words as the search ranks them, on both', async () => {
    for (const [scope, platform] of [[here, lantern.platform], [there, other.platform]] as const) {
      const search = await searchDirectory(scope, { text: 'shelter', limit: 10 });
      const { rows: ranked } = await platform.data.db.executeQuery<{ fts_rank?: number; relevance?: number }>(compileRankingOnly(scope, 'shelter', 10));
      const scores = ranked.map((r) => (scope.dialect === 'postgres' ? Number(r.relevance) : -Number(r.fts_rank)));
      expect(search.results.length, scope.dialect).toBe(10);
      expect(scores, scope.dialect).toHaveLength(10);
      search.results.forEach((hit, i) => expect(hit.relevance, `${scope.dialect} #${i}`).toBeCloseTo(scores[i]!, 6));
    }
  });

  test('the time zones open-now needs: every zone of the organization\'s listings, each once, on both', async () => {
    const expected = [...new Set(rows.map((r) => r.time_zone))].sort();
    expect(expected.length).toBeGreaterThan(1);
    expect((await listTimeZones(here)).sort()).toEqual(expected);
    expect((await listTimeZones(there)).sort()).toEqual(expected);
    const nobody = await createOrganization(lantern.platform.data.db, { name: 'No listings' });
    expect(await listTimeZones(lantern.platform.scope(nobody, { id: null, kind: 'system' }))).toEqual([]);
  });

  test('a zone whose last listing is gone is no longer listed, on both', async () => {
    const directory = await collectDirectory(generateDirectory({ services: 30, seed: 31 }));
    const zonesOf = (ids: Set<string>): string[] => [...new Set(buildSearchRows(directory).filter((r) => ids.has(r.service_id)).map((r) => r.time_zone))].sort();
    const all = new Set(directory.service.map((s) => s.id));
    const zones = zonesOf(all);
    expect(zones.length).toBeGreaterThan(1);
    const gone = zones[0]!;
    const inGoneZone = buildSearchRows(directory).filter((r) => r.time_zone === gone).map((r) => r.service_id);
    const kept = new Set([...all].filter((id) => !inGoneZone.includes(id)));
    expect(zonesOf(kept)).not.toContain(gone);
    for (const platform of [lantern.platform, other.platform]) {
      const scope = platform.scope(await createOrganization(platform.data.db, { name: 'Zones' }), { id: null, kind: 'system' });
      await importDirectory(scope, directory);
      expect((await listTimeZones(scope)).sort()).toEqual(zones);
      for (const id of new Set(inGoneZone)) await deleteListing(scope, id);
      expect((await listTimeZones(scope)).sort(), scope.dialect).toEqual(zonesOf(kept));
    }
  });

  test('on SQLite, a free-text search sorts on the page-keys index and reads only the page\'s rows whole', async () => {
    const sqlite = sqliteSide();
    const { steps } = await compileSearchQuery(sqlite.scope, { text: 'shelter' });
    // The best-scored matches first (their plan depends on the directory's size), then the whole statement.
    expect(steps).toHaveLength(2);
    const planOf = async (compiled: (typeof steps)[number]): Promise<string[]> =>
      (await sqlite.db.executeQuery<{ detail: string }>({ ...compiled, sql: `explain query plan ${compiled.sql}` })).rows.map((r) => r.detail);
    const [cut, whole] = [await planOf(steps[0]!), await planOf(steps[1]!)];
    expect(cut).toContain('MATERIALIZE ranked');
    expect(whole).toContain('SEARCH refer_search USING COVERING INDEX refer_search_page_keys (search_key=? AND organization_id=?)');
    for (const plan of [cut, whole]) {
      // The page (at most limit + 1 rows) drives the outer join, not the organization's listings.
      expect(plan).toContain('SCAN page');
      expect(plan.filter((s) => s.startsWith('SEARCH refer_search USING INTEGER PRIMARY KEY'))).toHaveLength(1);
    }
  });

  test('on SQLite, the best-scored matches answer exactly the pages of the whole statement', async () => {
    const sqlite = sqliteSide();
    const whole: SearchTuning = { ...defaultTuning, rankCut: false };
    const answeredByCut: string[] = [];
    for (const text of ['shelter', 'legal', 'counsel', 'health', 'crisis line', 'a']) {
      for (const [limit, offset] of [[5, 0], [5, 5], [20, 0], [20, 40], [100, 0]] as const) {
        const page = { text, limit, offset };
        const expected = await searchDirectory(sqlite.scope, page, whole);
        expect(await searchDirectory(sqlite.scope, page, defaultTuning), JSON.stringify(page)).toEqual(expected);
        const compiled = await compileSearchQuery(sqlite.scope, page);
        const { step } = await runSearchSteps(compiled.steps.map((q) => async () => (await sqlite.db.executeQuery(q)).rows), compiled.limit);
        if (step === 0) answeredByCut.push(JSON.stringify(page));
      }
    }
    // The cut must really answer most of these, or this proves nothing; and a short one must not.
    expect(answeredByCut.length).toBeGreaterThanOrEqual(10);
    expect(answeredByCut).not.toContain(JSON.stringify({ text: 'crisis line', limit: 100, offset: 0 }));
    // Filters, a category or a place keep the one whole statement.
    for (const search of [{ text: 'shelter', language: 'es' }, { text: 'shelter', category: 'legal' }, { text: 'shelter', postalCode: '80202' }, { text: 'shelter', openAt }]) {
      expect((await compileSearchQuery(sqlite.scope, search)).steps, JSON.stringify(search)).toHaveLength(1);
    }
  });

  test('the circles around a point answer exactly the pages of the whole statement, on both', async () => {
    const small: SearchTuning = { ...defaultTuning, ringsKm: [2, 6, 12] };
    const whole: SearchTuning = { ...defaultTuning, ringsKm: [] };
    // The listing with the most others within 10 km, so that small circles around it can fill a page.
    const placed = rows.filter((r) => r.latitude != null).map((r) => ({ latitude: Number(r.latitude), longitude: Number(r.longitude) }));
    const near = placed.map((p) => ({ p, n: placed.filter((q) => haversineKm(p, q) <= 10).length })).sort((a, b) => b.n - a.n)[0]!.p;
    const searches: DirectorySearch[] = [
      { near, radiusKm: 50 }, { near, radiusKm: 30, category: 'legal', language: 'es' },
      { near, radiusKm: 10, openAt }, { near, radiusKm: 80, free: true },
    ];
    const narrowedAnswers: string[] = [];
    for (const search of searches) {
      for (const offset of [0, 5, 20]) {
        for (const [scope, db] of [[here, lantern.platform.data.db], [there, other.platform.data.db]] as const) {
          const page = { ...search, limit: 5, offset };
          const expected = await searchDirectory(scope, page, whole);
          const actual = await searchDirectory(scope, page, small);
          expect(actual, `${JSON.stringify(page)} on ${scope.dialect}`).toEqual(expected);
          const compiled = await compileSearchQuery(scope, page, small);
          const { step } = await runSearchSteps(compiled.steps.map((q) => async () => (await db.executeQuery(q)).rows), compiled.limit);
          if (step < compiled.steps.length - 1) narrowedAnswers.push(`${JSON.stringify(page)} ${scope.dialect}`);
        }
      }
    }
    // The circles must really answer some of these, on both databases, or this proves nothing.
    for (const dialect of ['sqlite', 'postgres']) expect(narrowedAnswers.filter((a) => a.endsWith(dialect)).length, dialect).toBeGreaterThanOrEqual(2);
  });

  test('a circle, not its box, decides: a listing just outside a small box still comes before the box\'s corners', async () => {
    // Around one point: every listing but one in the corners of the 2 km circle's box (2.7 km away),
    // that one on an axis at 2.3 km, outside the box. The box alone holds a full page of corners;
    // the circle holds none of them, so the search must go on and put the 2.3 km listing first.
    const center = { latitude: 39.7392, longitude: -104.9903 };
    const kmLat = 1 / 111.195;
    const kmLon = kmLat / Math.cos((center.latitude * Math.PI) / 180);
    const small = await collectDirectory(generateDirectory({ services: 12, seed: 5 }));
    small.attribute = small.attribute.filter((a) => a.taxonomy_term_id !== CONFIDENTIAL_LOCATION_TERM_ID);
    small.location.forEach((location, i) => {
      const corner = [[1, 1], [1, -1], [-1, 1], [-1, -1]][i % 4]!;
      location.latitude = i === 0 ? center.latitude + 2.3 * kmLat : center.latitude + corner[0]! * 1.9 * kmLat;
      location.longitude = i === 0 ? center.longitude : center.longitude + corner[1]! * 1.9 * kmLon;
    });
    expect(small.location.length).toBeGreaterThanOrEqual(8);
    for (const platform of [lantern.platform, other.platform]) {
      const scope = platform.scope(await createOrganization(platform.data.db, { name: 'Corners' }), { id: null, kind: 'system' });
      await importDirectory(scope, small);
      const page = { near: center, radiusKm: 20, limit: 5 };
      const whole = await searchDirectory(scope, page, { ...defaultTuning, ringsKm: [] });
      expect(whole.results[0]?.distanceKm, scope.dialect).toBeCloseTo(2.3, 1);
      expect(await searchDirectory(scope, page, { ...defaultTuning, ringsKm: [2, 6] }), scope.dialect).toEqual(whole);
    }
  });

  test('on SQLite, a category search reads its term\'s listings in order and stops at a page', async () => {
    const sqlite = sqliteSide();
    const { steps: [compiled] } = await compileSearchQuery(sqlite.scope, { category: 'housing', openAt, language: 'es' });
    const plan = await sqlite.db.executeQuery<{ detail: string }>({ ...compiled!, sql: `explain query plan ${compiled!.sql}` });
    const details = plan.rows.map((r) => r.detail);
    expect(details).toContain('SEARCH refer_search_term USING PRIMARY KEY (organization_id=? AND term_id=?)');
    // Nothing is sorted: the rows come out of the key in the order listed, and reading stops at the page.
    expect(details.some((d) => d.includes('TEMP B-TREE'))).toBe(false);
    expect(details.some((d) => d.includes('refer_search_fts'))).toBe(false);
    // Open now is decided by the term row's week, against the weeks open at that instant, found once.
    expect(details.some((d) => /^LIST SUBQUERY/.test(d))).toBe(true);
    expect(details.some((d) => d.includes('CORRELATED'))).toBe(false);
  });

  test('the term table holds one row per listing and term, with its week of hours, through import, re-import, deleting a listing and restore', async () => {
    const expectedTerms = async (platform: Platform, organizationId: string): Promise<string[]> => {
      const rows = await platform.data.db.selectFrom('refer_search').select(['search_key', 'terms', 'name', 'service_id', 'service_at_location_id', 'time_zone', 'hours'])
        .where('organization_id', '=', organizationId).execute();
      return rows.flatMap((r) => r.terms.trim().split(' ').filter((t) => t !== '')
        .map((t) => `${t}|${r.name}|${r.service_id}|${r.service_at_location_id ?? ''}|${r.search_key}|${r.time_zone}|${r.hours}`)).sort();
    };
    const storedTerms = async (platform: Platform, organizationId: string): Promise<string[]> => {
      const rows = await platform.data.db.selectFrom('refer_search_term')
        .innerJoin('refer_search_week', 'refer_search_week.week_id', 'refer_search_term.week_id')
        .select(['term_id', 'name', 'service_id', 'place_id', 'search_key', 'refer_search_week.organization_id as week_organization_id', 'time_zone', 'hours'])
        .where('refer_search_term.organization_id', '=', organizationId).execute();
      return rows.map((r) => {
        expect(r.week_organization_id).toBe(organizationId);
        return `${r.term_id}|${r.name}|${r.service_id}|${r.place_id}|${r.search_key}|${r.time_zone}|${r.hours}`;
      }).sort();
    };
    const directory = await collectDirectory(generateDirectory({ services: 25, seed: 21 }));
    for (const platform of [lantern.platform, other.platform]) {
      const id = await createOrganization(platform.data.db, { name: 'Terms' });
      const scope = platform.scope(id, { id: null, kind: 'system' });
      await importDirectory(scope, directory);
      const first = await expectedTerms(platform, id);
      expect(first.length).toBeGreaterThan(50);
      expect(await storedTerms(platform, id)).toEqual(first);
      await importDirectory(scope, directory); // in place: search rows deleted and written again
      expect(await storedTerms(platform, id)).toEqual(await expectedTerms(platform, id));
      // New hours: the listings move to new weeks.
      await importDirectory(scope, { ...directory, schedule: directory.schedule.map((row) => ({ ...row, opens_at: '06:15:00' })) });
      expect(await storedTerms(platform, id)).toEqual(await expectedTerms(platform, id));
      await deleteListing(scope, directory.service[0]!.id);
      const fewer = await expectedTerms(platform, id);
      expect(fewer.length).toBeLessThan(first.length);
      expect(await storedTerms(platform, id)).toEqual(fewer);
      await rebuildSearch(scope, directory.service.map((s) => s.id)); // what a restore runs
      expect(await storedTerms(platform, id)).toEqual(await expectedTerms(platform, id));
    }
  });

  test('another organization finds nothing', async () => {
    const otherId = await createOrganization(lantern.platform.data.db, { name: 'Nobody' });
    const result = await searchDirectory(lantern.platform.scope(otherId, { id: null, kind: 'system' }), { category: 'housing' });
    expect(result.results).toEqual([]);
    expect(result.pinned).toHaveLength(2);
  });
});

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
