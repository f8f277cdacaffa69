import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { createOrganization } from '../platform/identity/accounts.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { importPath } from './directory-import.ts';
import { readDirectory } from './store-rows.ts';
import { exportCsvFiles, exportJson } from './export.ts';
import { withholdConfidential } from './confidential.ts';
import { hsdsTables } from './hsds-tables.ts';
import { searchDirectory } from './search.ts';
import { runDirectoryImport } from './directory-commands.ts';
import { collectDirectory, generateDirectory, runGenerateCommand } from './generate.ts';
import { importDirectory, rebuildSearch } from './store-import.ts';
import { readHsdsOrganization, readHsdsService } from './hsds-read.ts';

const examples = new URL('../../test/fixtures/standards/hsds-3.0/examples/', import.meta.url).pathname;

describe('directory store', () => {
  let lantern: TestLantern;
  let scope: OrgScope;
  let otherScope: OrgScope;
  let orgIds: string[];
  const work = mkdtempSync(join(tmpdir(), 'lantern-refer-'));
  const newScope = async (name: string): Promise<OrgScope> => {
    const id = await createOrganization(lantern.platform.data.db, { name });
    orgIds.push(id);
    return lantern.platform.scope(id, { id: null, kind: 'system' });
  };
  const count = async (s: OrgScope): Promise<number> => {
    const row = await s.selectFrom('refer_row').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  };

  beforeAll(async () => {
    lantern = await startTestLantern();
    orgIds = [];
    scope = await newScope('Directory Org');
    otherScope = await newScope('Other Org');
  });
  afterAll(async () => { await lantern.close(); });

  test('every official HSDS 3.0 example imports', async () => {
    // base.json is the API's root response (version and profile), not directory data.
    const files = [...readdirSync(examples).filter((f) => f.endsWith('.json') && f !== 'base.json').map((f) => join(examples, f)), join(examples, 'csv')];
    for (const file of files) {
      const target = await newScope(`Example ${file}`);
      const outcome = await importPath(target, file);
      expect(outcome.ok ? [] : outcome.errors, file).toEqual([]);
      expect(await count(target), file).toBeGreaterThan(0);
    }
  });

  test('a broken copy is rejected with file, record, field and reason, and nothing is written', async () => {
    const broken = JSON.parse(readFileSync(join(examples, 'service_full.json'), 'utf8')) as Record<string, unknown>;
    const phones = broken.phones as Record<string, unknown>[];
    (phones[0] as Record<string, unknown>).number = 42;
    const file = join(work, 'broken-service.json');
    writeFileSync(file, JSON.stringify(broken));
    const target = await newScope('Broken');
    const outcome = await importPath(target, file);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toContainEqual(expect.objectContaining({
      file: 'broken-service.json', recordId: (phones[0] as { id: string }).id, field: '/phones/0/number', reason: 'must be of type string',
    }));
    expect(await count(target)).toBe(0);
  });

  test('import → export → import round-trips unchanged, in JSON and CSV', async () => {
    await importPath(scope, join(examples, 'csv'));
    const stored = await readDirectory(scope);
    const csvDir = join(work, 'csv-out');
    mkdirSync(csvDir);
    for (const [name, text] of exportCsvFiles(stored)) writeFileSync(join(csvDir, name), text);
    const fromCsv = await newScope('From CSV');
    expect((await importPath(fromCsv, csvDir)).ok).toBe(true);
    expect(await readDirectory(fromCsv)).toEqual(withholdConfidential(stored));

    const jsonFile = join(work, 'export.json');
    writeFileSync(jsonFile, JSON.stringify(exportJson(stored)));
    const fromJson = await newScope('From JSON');
    expect((await importPath(fromJson, jsonFile)).ok).toBe(true);
    const again = await readDirectory(fromJson);
    // The JSON form carries what hangs from an organization (see export.ts): compare those tables.
    for (const table of ['organization', 'service', 'location', 'service_at_location', 'phone', 'schedule', 'address'] as const) {
      expect(again[table], table).toEqual(stored[table]);
    }
  });

  test('re-importing the same ids updates in place', async () => {
    const target = await newScope('Reimport');
    const dir = join(work, 'reimport');
    cpSync(join(examples, 'csv'), dir, { recursive: true });
    await importPath(target, dir);
    const before = await count(target);
    const services = readFileSync(join(dir, 'services.csv'), 'utf8');
    const original = (await readDirectory(target)).service[0]!;
    writeFileSync(join(dir, 'services.csv'), services.replace(String(original.name), 'Renamed counselling service'));
    const outcome = await importPath(target, dir);
    expect(outcome.ok).toBe(true);
    expect(await count(target)).toBe(before);
    const after = await readDirectory(target);
    expect(after.service.find((s) => s.id === original.id)?.name).toBe('Renamed counselling service');
    const found = await searchDirectory(target, { text: 'renamed' });
    expect(found.results.map((r) => r.serviceId)).toContain(original.id);
  });

  test('three imports of the same directory at once all succeed and leave it once (rows and search)', async () => {
    const target = await newScope('Imports at once');
    const records = await collectDirectory(generateDirectory({ services: 30, seed: 8 }));
    const dir = join(work, 'at-once');
    await runGenerateCommand({ services: 30, seed: 8, out: dir });
    // Two ways in at once: parsed records, and the streamed tabular import of the same directory.
    const outcomes = await Promise.all([importDirectory(target, records), importPath(target, dir, { stream: true }), importDirectory(target, records)]);
    expect(outcomes[1]).toMatchObject({ ok: true });
    const once = await newScope('Imported once');
    await importDirectory(once, records);
    expect(await count(target)).toBe(await count(once));
    const searchRows = async (s: OrgScope): Promise<number> => Number((await s.selectFrom('refer_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await searchRows(target)).toBe(await searchRows(once));
  });

  test('the import command prints a JSON summary, or every error and writes nothing', async () => {
    const target = await newScope('Command');
    const good = await runDirectoryImport(target, join(examples, 'csv'), { json: true });
    expect(good.exitCode).toBe(0);
    expect(JSON.parse(good.output)).toMatchObject({ ok: true, organizationId: target.organizationId, rows: { service: expect.any(Number) } });
    const dir = join(work, 'broken-csv');
    cpSync(join(examples, 'csv'), dir, { recursive: true });
    const services = readFileSync(join(dir, 'services.csv'), 'utf8');
    const example = (await readDirectory(target)).service[0] as { id: string; email: string };
    writeFileSync(join(dir, 'services.csv'), services.replace(`,${example.email},`, ',not-an-email,'));
    const fresh = await newScope('Command broken');
    const bad = await runDirectoryImport(fresh, dir, { json: true });
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.output).errors, bad.output).toContainEqual(expect.objectContaining({ file: 'services.csv', row: 2, field: 'email', recordId: example.id }));
    expect(await count(fresh)).toBe(0);
    const human = await runDirectoryImport(fresh, dir, { json: false });
    expect(human.output).toMatch(/^Nothing was imported: 1 error\(s\)\.\n {2}services\.csv, row 2, id .+, email: /);
  });

  test('search rows built on import equal those rebuilt from the stored rows', async () => {
    const target = await newScope('Rebuild');
    const records = await collectDirectory(generateDirectory({ services: 80, seed: 4 }));
    await importDirectory(target, records);
    const snapshot = async (): Promise<unknown[]> => (await target.selectFrom('refer_search').selectAll().execute())
      .map(({ search_key: _key, ...row }) => row as Record<string, unknown>)
      .sort((a, b) => `${a.service_id}${a.service_at_location_id}`.localeCompare(`${b.service_id}${b.service_at_location_id}`));
    const built = await snapshot();
    await target.transaction((tx) => rebuildSearch(tx, records.service.map((s) => s.id)));
    expect(await snapshot()).toEqual(built);
    expect(built).toHaveLength(80);
  });

  test('the stored official service example reads back as the same compiled service document', async () => {
    const target = await newScope('Service example');
    const file = join(examples, 'service_full.json');
    expect((await importPath(target, file)).ok).toBe(true);
    const original = JSON.parse(readFileSync(file, 'utf8')) as { id: string };
    // The stored form fills in the foreign keys nesting implied; everything of the example is there.
    expect(sortArrays(await readHsdsService(target, original.id))).toMatchObject(sortArrays(original) as object);

    const orgTarget = await newScope('Organization example');
    const orgFile = join(examples, 'organization_full.json');
    expect((await importPath(orgTarget, orgFile)).ok).toBe(true);
    const organization = JSON.parse(readFileSync(orgFile, 'utf8')) as { id: string };
    expect(sortArrays(await readHsdsOrganization(orgTarget, organization.id, { fullService: true }))).toMatchObject(sortArrays(organization) as object);
  });

  test('a streamed import stores what a whole-file import stores, and a broken one writes nothing', async () => {
    const zip = join(work, 'generated.zip');
    await runGenerateCommand({ services: 120, seed: 9, out: zip });
    const whole = await newScope('Whole');
    const streamed = await newScope('Streamed');
    expect((await importPath(whole, zip, { stream: false })).ok).toBe(true);
    const outcome = await importPath(streamed, zip, { stream: true });
    expect(outcome.ok ? outcome.counts.services : outcome.errors).toBe(120);
    expect(await readDirectory(streamed)).toEqual(await readDirectory(whole));
    const hits = async (s: OrgScope): Promise<string[]> => (await searchDirectory(s, { category: 'legal', limit: 100 })).results.map((r) => r.serviceId);
    expect(await hits(streamed)).toEqual(await hits(whole));

    const ndjson = join(work, 'broken.ndjson');
    const good = JSON.stringify(JSON.parse(readFileSync(join(examples, 'service_full.json'), 'utf8')));
    writeFileSync(ndjson, `${good}\n{"id": "broken-service", "name": 5, "status": "active"}\n`);
    const target = await newScope('Streamed broken');
    const broken = await importPath(target, ndjson, { stream: true });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors).toContainEqual(expect.objectContaining({ file: 'broken.ndjson', row: 2, recordId: 'broken-service' }));
    expect(await count(target)).toBe(0);
  });

  test('another organization sees none of it', async () => {
    expect(await count(otherScope)).toBe(0);
    expect((await readDirectory(otherScope)).service).toEqual([]);
    expect((await searchDirectory(otherScope, {})).results).toEqual([]);
    for (const table of hsdsTables) expect((await readDirectory(otherScope))[table]).toEqual([]);
  });
});

// Arrays of records compared regardless of order (the store returns children in id order).
function sortArrays(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(sortArrays);
    return items.every((i) => typeof i === 'object' && i !== null && 'id' in i)
      ? items.sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)))
      : items;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortArrays(v)]));
  return value;
}
