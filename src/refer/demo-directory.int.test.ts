import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { seedDemo } from '../platform/demo-seed.ts';
import { demoServiceCount } from './demo-directory.ts';
import { readDirectory } from './store-rows.ts';
import { searchDirectory } from './search.ts';

describe('the demo directory', () => {
  let lantern: TestLantern;
  let organizationId: string;

  beforeAll(async () => {
    lantern = await startTestLantern();
    ({ organizationId } = await seedDemo(lantern.platform.data.db));
  }, 60_000);
  afterAll(async () => { await lantern.close(); });

  const scope = () => lantern.platform.scope(organizationId, { id: null, kind: 'system' });

  test('seeds synthetic services in the demo facility\'s state and two confidential shelters, always the same', async () => {
    const records = await readDirectory(scope());
    expect(records.service).toHaveLength(demoServiceCount + 2);
    expect(new Set(records.address.map((a) => a.state_province))).toEqual(new Set(['TX']));
    expect(records.service.map((s) => s.name)).toEqual(expect.arrayContaining(['Safe Harbor Residence', 'Bluebonnet House']));
    // Deterministic: the same seed makes the same ids on every start.
    const again = await startTestLantern();
    try {
      const { organizationId: otherId } = await seedDemo(again.platform.data.db);
      const other = await readDirectory(again.platform.scope(otherId, { id: null, kind: 'system' }));
      expect(other.service.map((s) => s.id)).toEqual(records.service.map((s) => s.id));
    } finally {
      await again.close();
    }
  }, 60_000);

  test('search near Houston finds the confidential shelter open now, by its public phone and without its address', async () => {
    const result = await searchDirectory(scope(), { text: 'safe harbor', postalCode: '77002', openAt: new Date('2026-11-25T10:00:00Z') });
    const shelter = result.results.find((r) => r.name === 'Safe Harbor Residence');
    expect(shelter).toMatchObject({ confidential: true, address: null, latitude: null, phone: '(713) 555-0142', openNow: true });
    expect(JSON.stringify(result)).not.toContain('Magnolia');
    const nearby = await searchDirectory(scope(), { postalCode: '77002', radiusKm: 50, limit: 100 });
    expect(nearby.results.length).toBeGreaterThan(10);
    expect(nearby.results.every((r) => r.distanceKm !== null && r.distanceKm <= 55)).toBe(true);
  });

  test('a second seed leaves the directory as it is', async () => {
    const before = (await readDirectory(scope())).service.length;
    expect((await seedDemo(lantern.platform.data.db)).logins).toEqual([]);
    expect((await readDirectory(scope())).service).toHaveLength(before);
  });
});
