import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { collectDirectory, generateDirectory, runGenerateCommand } from './generate.ts';
import { createHsdsValidator } from './hsds-validate.ts';
import { hsdsTables } from './hsds-tables.ts';
import { parseImport } from './import-parse.ts';
import { findConfidentialLocationIds } from './confidential.ts';
import { loadShippedTaxonomy } from './taxonomy.ts';
import { syntheticCities } from './synthetic-places.ts';

// Every scratch folder a test makes is removed when the file's tests end.
const scratchDirs: string[] = [];
const makeScratchDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

// Generating and parsing whole directories takes seconds on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

describe('generateDirectory', () => {
  test('the same seed gives the same directory; another seed another', async () => {
    const a = await collectDirectory(generateDirectory({ services: 120, seed: 'bench' }));
    const b = await collectDirectory(generateDirectory({ services: 120, seed: 'bench' }));
    const c = await collectDirectory(generateDirectory({ services: 120, seed: 'other' }));
    expect(b).toEqual(a);
    expect(c.service.map((s) => s.id)).not.toEqual(a.service.map((s) => s.id));
  });

  test('makes exactly the services asked for, every row valid HSDS', async () => {
    const records = await collectDirectory(generateDirectory({ services: 333, seed: 1 }));
    expect(records.service).toHaveLength(333);
    const validator = createHsdsValidator();
    for (const table of hsdsTables) for (const row of records[table]) expect(validator.validateRow(table, row)).toEqual([]);
  });

  test('places services across states, with a postcode, time zone and coordinates near their city', async () => {
    const records = await collectDirectory(generateDirectory({ services: 400, seed: 2 }));
    const states = new Set(records.address.map((a) => a.state_province));
    expect(states.size).toBeGreaterThan(20);
    const locationOf = new Map(records.location.map((l) => [l.id, l]));
    for (const address of records.address) {
      const city = syntheticCities.find((c) => c.city === address.city && c.state === address.state_province)!;
      expect(address.postal_code).toBe(city.zip);
      const location = locationOf.get(address.location_id as string)!;
      expect(Math.abs((location.latitude as number) - city.latitude)).toBeLessThan(0.1);
    }
    const offsets = new Set(records.schedule.map((s) => s.timezone));
    expect([...offsets].every((o) => typeof o === 'number' && o <= -5 && o >= -10)).toBe(true);
    expect(offsets.size).toBeGreaterThan(2);
  });

  test('keeps to the states asked for, and refuses states it has no city in', async () => {
    const records = await collectDirectory(generateDirectory({ services: 80, seed: 4, states: ['TX'] }));
    expect(records.service).toHaveLength(80);
    expect(new Set(records.address.map((a) => a.state_province))).toEqual(new Set(['TX']));
    expect(new Set(records.address.map((a) => a.city)).size).toBeGreaterThan(1);
    await expect(collectDirectory(generateDirectory({ services: 1, states: ['XX'] }))).rejects.toThrow(/XX/);
  });

  test('uses only the shipped taxonomy, speaks several languages, and hides some shelters', async () => {
    const records = await collectDirectory(generateDirectory({ services: 400, seed: 3 }));
    const terms = new Set(loadShippedTaxonomy().terms.map((t) => t.id));
    expect(records.attribute.every((a) => terms.has(a.taxonomy_term_id as string))).toBe(true);
    expect(new Set(records.language.map((l) => l.code)).size).toBeGreaterThan(5);
    const secret = findConfidentialLocationIds(records);
    expect(secret.size).toBeGreaterThan(10);
    expect(secret.size).toBeLessThan(records.location.length / 2);
  });
});

describe('runGenerateCommand', () => {
  test('refuses a number of services that is not a whole number', async () => {
    const out = join(makeScratchDir('lantern-generate-'), 'x.ndjson');
    await expect(runGenerateCommand({ services: 1.5, out })).rejects.toMatchObject({ code: 'INVALID', field: 'services' });
  });

  test('reports progress in services up to the total', async () => {
    const out = join(makeScratchDir('lantern-generate-'), 'x.ndjson');
    const seen: number[] = [];
    await runGenerateCommand({ services: 40, out, onProgress: (p) => seen.push(p.done) });
    expect(seen.at(-1)).toBe(40);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  test.each(['directory.ndjson', 'directory.json', 'directory.zip', 'directory'])('writes %s, which imports whole', async (name) => {
    const out = join(makeScratchDir('lantern-generate-'), name);
    const summary = await runGenerateCommand({ services: 150, out, seed: 9 });
    expect(summary.services).toBe(150);
    const result = await parseImport(out);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
    expect(result.warnings).toEqual([]);
    const expected = await collectDirectory(generateDirectory({ services: 150, seed: 9 }));
    expect(result.records).toEqual(expected);
  });
});
