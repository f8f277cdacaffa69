import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { formatCsv } from './export.ts';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { parseImport, parseImportSource, type ImportProgress, type ImportResult } from './import-parse.ts';
import { sourceFromZip } from './import-source.ts';
import { formatIssue, type ImportIssue } from './import-records.ts';

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

const examplesDir = fileURLToPath(new URL('../../test/fixtures/standards/hsds-3.0/examples/', import.meta.url));
const csvDir = join(examplesDir, 'csv');
const readExample = (name: string): any => JSON.parse(readFileSync(join(examplesDir, name), 'utf8'));
const csvFiles = (): Map<string, Uint8Array> => new Map(readdirSync(csvDir).map((f) => [f, readFileSync(join(csvDir, f))]));
const parseJson = (name: string, value: unknown): Promise<ImportResult> =>
  parseImportSource({ format: 'json', files: [{ name, text: JSON.stringify(value) }] });
const errorsOf = (result: ImportResult): ImportIssue[] => {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.errors;
};

const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';
const ORGANIZATION = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';

describe('every official HSDS 3.0 example imports', () => {
  const jsonExamples = readdirSync(examplesDir).filter((f) => f.endsWith('.json') && f !== 'base.json');

  test.each(jsonExamples)('%s parses and validates', async (name) => {
    const result = await parseImport(join(examplesDir, name));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const ids = Object.values(result.records).flat().map((r) => r.id);
    const document = readExample(name);
    const topIds = (Array.isArray(document) ? document : (document.contents ?? [document])).map((d: { id?: string }) => d.id);
    if (name !== 'tabular.json') for (const id of topIds) expect(ids).toContain(id);
  });

  test('the nested service document becomes flat rows with their foreign keys filled in', async () => {
    const result = await parseImport(join(examplesDir, 'service_full.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { service, phone, service_at_location, attribute, taxonomy_term, program } = result.records;
    expect(service).toEqual([expect.objectContaining({ id: SERVICE, organization_id: ORGANIZATION, minimum_age: 12 })]);
    expect(phone.find((p) => p.service_id === SERVICE)).toBeDefined();
    expect(service_at_location[0]).toMatchObject({ service_id: SERVICE, location_id: expect.any(String) });
    expect(attribute[0]).toMatchObject({ link_id: SERVICE, taxonomy_term_id: taxonomy_term[0]!.id });
    expect(program[0]).toMatchObject({ organization_id: ORGANIZATION });
    for (const rows of Object.values(result.records)) for (const row of rows) for (const v of Object.values(row)) expect(typeof v).not.toBe('object');
  });

  test('base.json (API metadata) imports nothing and says so', async () => {
    const result = await parseImport(join(examplesDir, 'base.json'));
    expect(result.ok && Object.values(result.records).every((rows) => rows.length === 0)).toBe(true);
    expect(result.warnings[0]?.reason).toMatch(/nothing to import/);
  });

  test('the tabular datapackage folder imports every table, warning about ids it does not include', async () => {
    const result = await parseImport(csvDir);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.format).toBe('tabular');
    expect(Object.values(result.records).every((rows) => rows.length === 1)).toBe(true);
    expect(result.records.service[0]).toMatchObject({ id: SERVICE, minimum_age: 12, maximum_age: 100 });
    // The official example links a location to an organization it does not contain.
    expect(result.warnings).toContainEqual(expect.objectContaining({ file: 'locations.csv', table: 'location', field: 'organization_id' }));
  });

  test('the same datapackage as a zip, inside a folder, gives the same records', async () => {
    const folder = await parseImport(csvDir);
    const entries = Object.fromEntries([...csvFiles()].map(([f, bytes]) => [`hsds-export/${f}`, bytes]));
    const read = sourceFromZip('export.zip', zipSync(entries));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const zipped = await parseImportSource(read.source);
    expect(zipped.ok && folder.ok && zipped.records).toEqual(folder.ok && folder.records);
  });

  test('NDJSON with one document per line, and a folder of JSON files, import like their parts', async () => {
    const lines = ['service_full.json', 'organization_full.json', 'taxonomy_term.json'].map((f) => JSON.stringify(readExample(f)));
    const dir = makeScratchDir('lantern-import-');
    writeFileSync(join(dir, 'directory.ndjson'), `${lines.join('\n')}\n`);
    const result = await parseImport(join(dir, 'directory.ndjson'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.records.service.map((s) => s.id)).toEqual([SERVICE]);
    expect(result.records.organization.map((o) => o.id)).toEqual([ORGANIZATION]);
  });
});

describe('broken imports are refused with every error located', () => {
  test('wrong types and missing fields in JSON name file, record id, table and JSON pointer', async () => {
    const broken = readExample('service_full.json');
    broken.minimum_age = 'twelve';
    const address = broken.service_at_locations[0].location.addresses[0];
    delete address.postal_code;
    const errors = errorsOf(await parseJson('services.json', [readExample('organization_full.json'), broken]));
    expect(errors).toEqual(
      expect.arrayContaining([
        { file: 'services.json', recordId: SERVICE, table: 'service', field: '/1/minimum_age', reason: 'must be of type number' },
        { file: 'services.json', recordId: address.id, table: 'address', field: '/1/service_at_locations/0/location/addresses/0/postal_code', reason: 'is required' },
      ]),
    );
    expect(errors).toHaveLength(2);
  });

  test('bad CSV rows name the file, the line and the column, all in one pass', async () => {
    const files = csvFiles();
    const good = new TextDecoder().decode(files.get('services.csv'));
    const [header, row] = good.trimEnd().split('\r\n') as [string, string];
    const cells = (parse(row) as string[][])[0]!;
    const columns = header.split(',');
    const asRow = (values: string[]) => ({ id: '', ...Object.fromEntries(columns.map((c, i) => [c, values[i] as string])) });
    const withAge = (age: string): string => formatCsv('service', [asRow([...cells.slice(0, 16), age, ...cells.slice(17)])], undefined, { header: false }).trimEnd();
    const anotherId = (line: string, n: number): string => line.replace(SERVICE, `ac148810-d857-441c-9679-408f346de14${n}`);
    const lines = [
      header,
      row,
      'only,three,cells',
      anotherId(withAge('twelve'), 1),
      anotherId(row, 2).replace('Community Counselling', ''),
    ];
    files.set('services.csv', new TextEncoder().encode(`${lines.join('\n')}\n`));
    const errors = errorsOf(await parseImportSource({ format: 'tabular', files }));
    expect(errors).toEqual([
      { file: 'services.csv', row: 3, recordId: 'only', table: 'service', reason: 'has 3 cells; the header has 23' },
      { file: 'services.csv', row: 4, recordId: 'ac148810-d857-441c-9679-408f346de141', table: 'service', field: 'minimum_age', reason: 'must be of type number' },
      { file: 'services.csv', row: 5, recordId: 'ac148810-d857-441c-9679-408f346de142', table: 'service', field: 'name', reason: 'is required' },
    ]);
  });

  test('a CSV row is located by the line it starts on, even after a multi-line cell', async () => {
    const files = csvFiles();
    files.set('taxonomies.csv', new TextEncoder().encode(
      'id,name,description,uri,version\n5c4d79d7-cc55-470e-9f1f-8cad074e4892,name,"two\nlines",http://example.com,1\n' +
        '5c4d79d7-cc55-470e-9f1f-8cad074e4893,,description,not a uri,1\n',
    ));
    const errors = errorsOf(await parseImportSource({ format: 'tabular', files }));
    expect(errors.map((e) => [e.row, e.field])).toEqual([[4, 'name'], [4, 'uri']]);
  });

  test('an unclosed quote is reported with its line', async () => {
    const files = csvFiles();
    files.set('phones.csv', new TextEncoder().encode('id,number\n1554f2e2-a373-45db-a3fa-9fc48a61c15e,"+1 555\n'));
    const errors = errorsOf(await parseImportSource({ format: 'tabular', files }));
    expect(errors).toEqual([expect.objectContaining({ file: 'phones.csv', row: 2, reason: expect.stringMatching(/^not readable as CSV/) })]);
  });

  test('a broken zip archive is refused', async () => {
    const bytes = zipSync(Object.fromEntries(csvFiles()));
    const dir = makeScratchDir('lantern-import-');
    writeFileSync(join(dir, 'truncated.zip'), bytes.slice(0, bytes.length - 200));
    const errors = errorsOf(await parseImport(join(dir, 'truncated.zip')));
    expect(errors).toEqual([{ file: 'truncated.zip', reason: expect.stringMatching(/^not a readable zip archive/) }]);
  });

  test('a folder without datapackage.json or JSON is refused', async () => {
    const files = csvFiles();
    files.delete('datapackage.json');
    const dir = makeScratchDir('lantern-import-');
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
    expect(errorsOf(await parseImport(dir))[0]?.reason).toMatch(/neither datapackage.json nor/);
  });

  test('an id used twice in one CSV table is refused', async () => {
    const files = csvFiles();
    const text = new TextDecoder().decode(files.get('taxonomies.csv')).trimEnd();
    files.set('taxonomies.csv', new TextEncoder().encode(`${text}\n${text.split('\n')[1]}\n`));
    expect(errorsOf(await parseImportSource({ format: 'tabular', files }))).toEqual([
      expect.objectContaining({ file: 'taxonomies.csv', row: 3, field: 'id', reason: 'duplicate id: already used in taxonomies.csv line 2' }),
    ]);
  });

  test('two copies of one record that disagree are refused; identical copies merge', async () => {
    const service = readExample('service_full.json');
    const same = await parseJson('two.json', [service, readExample('organization_full.json')]);
    expect(same.ok).toBe(true);
    const renamed = structuredClone(service);
    renamed.organization.name = 'Another name';
    const errors = errorsOf(await parseJson('two.json', [service, renamed]));
    expect(errors).toEqual([expect.objectContaining({ recordId: ORGANIZATION, table: 'organization', field: '/1/organization/name' })]);
  });

  test('a nested record that names another parent is refused', async () => {
    const service = readExample('service_full.json');
    service.phones[0].service_id = '00000000-0000-4000-8000-000000000000';
    expect(errorsOf(await parseJson('s.json', service))).toEqual([
      expect.objectContaining({ table: 'phone', field: '/phones/0/service_id', reason: `must be ${SERVICE}, the record it is nested in` }),
    ]);
  });

  test('a bare record fitting several kinds needs a telling file name', async () => {
    const bare = { id: '5c4d79d7-cc55-470e-9f1f-8cad074e4892', name: 'name', description: 'description' };
    expect(errorsOf(await parseJson('export.json', [bare]))[0]?.reason).toMatch(/cannot tell which HSDS record/);
    const named = await parseJson('taxonomy_list.json', [bare]);
    expect(named.ok && named.records.taxonomy.map((t) => t.id)).toEqual([bare.id]);
  });

  test('invalid JSON is refused with the parser message', async () => {
    const result = await parseImportSource({ format: 'json', files: [{ name: 'x.json', text: '{"id": ' }] });
    expect(errorsOf(result)[0]).toMatchObject({ file: 'x.json', reason: expect.stringMatching(/^not valid JSON/) });
  });
});

test('a lone CSV file is refused with what to give instead', async () => {
  expect(errorsOf(await parseImport(join(csvDir, 'services.csv')))[0]?.reason).toMatch(/folder or zip/);
});

test('an issue reads as one line naming file, line, record and field', () => {
  expect(formatIssue({ file: 'services.csv', row: 4, recordId: 'abc', table: 'service', field: 'name', reason: 'is required' })).toBe(
    'services.csv line 4, service abc, name: is required',
  );
  expect(formatIssue({ file: 'x.json', reason: 'not valid JSON' })).toBe('x.json: not valid JSON');
});

test('progress counts every record up to the total', async () => {
  const files = csvFiles();
  const rows = ['id,name,description,uri,version'];
  for (let i = 0; i < 2500; i += 1) rows.push(`5c4d79d7-cc55-470e-9f1f-${String(i).padStart(12, '0')},Taxonomy ${i},d,,1`);
  files.set('taxonomies.csv', new TextEncoder().encode(rows.join('\n')));
  const seen: ImportProgress[] = [];
  const result = await parseImportSource({ format: 'tabular', files }, { onProgress: (p) => seen.push(p) });
  expect(result.ok).toBe(true);
  const total = 2500 + 20; // the other 20 tables of the official example have one row each
  expect(seen.map((p) => p.done)).toEqual([1000, 2000, total]);
  expect(seen.every((p) => p.total === total)).toBe(true);
});
