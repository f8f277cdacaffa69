import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, test, vi } from 'vitest';
import { hsdsTables, type DirectoryRecords } from './hsds-tables.ts';
import { parseImport, parseImportSource, type ImportResult } from './import-parse.ts';
import { sourceFromZip } from './import-source.ts';
import { exportCsvFiles, exportCsvZip, exportJson } from './export.ts';
import { findConfidentialLocationIds, markConfidential, withholdConfidential } from './confidential.ts';
import { createDocumentBuilder } from './export-document.ts';
import { collectDirectory, generateDirectory } from './generate.ts';

// Generating and parsing whole directories takes seconds on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

const fixtures = fileURLToPath(new URL('../../test/fixtures/standards/hsds-3.0/', import.meta.url));
const examplesDir = join(fixtures, 'examples');
const readSchema = (path: string): object => JSON.parse(readFileSync(join(fixtures, 'schema', path), 'utf8'));

// The official compiled schemas, independent of the per-table schemas the product validates with.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
// compiled/tabular.json still points at the per-table schemas for nested attributes and metadata.
for (const table of hsdsTables) ajv.addSchema(readSchema(`${table}.json`), `${table}.json`);
const officialOrganization = ajv.compile(readSchema('compiled/organization.json'));
const officialTabular = ajv.compile(readSchema('compiled/tabular.json'));
const officialDocument = {
  service: ajv.compile(readSchema('compiled/service.json')),
  service_at_location: ajv.compile(readSchema('compiled/service_at_location.json')),
  organization: officialOrganization,
  location: ajv.getSchema('location.json')!,
  taxonomy_term: ajv.getSchema('taxonomy_term.json')!,
  taxonomy: ajv.getSchema('taxonomy.json')!,
};

const recordsOf = (result: ImportResult): DirectoryRecords => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1));
  return result.records;
};
const importJson = async (documents: unknown): Promise<DirectoryRecords> =>
  recordsOf(await parseImportSource({ format: 'json', files: [{ name: 'export.json', text: JSON.stringify(documents) }] }));
const importZip = async (bytes: Uint8Array): Promise<DirectoryRecords> => {
  const read = sourceFromZip('export.zip', bytes);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return recordsOf(await parseImportSource(read.source));
};
const generated = (services: number, seed: number): Promise<DirectoryRecords> => collectDirectory(generateDirectory({ services, seed }));

const nestedExamples = ['service_full.json', 'organization_full.json', 'service_at_location_full.json'];

describe('export validates against the official HSDS 3.0 compiled schemas', () => {
  test.each([...nestedExamples, 'csv'])('JSON export of %s: every organization document is valid', async (name) => {
    const documents = exportJson(recordsOf(await parseImport(join(examplesDir, name))));
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      expect(officialOrganization(document) ? [] : officialOrganization.errors).toEqual([]);
    }
  });

  test('JSON export of a generated directory is valid, with its services nested', async () => {
    const records = await generated(60, 3);
    const documents = exportJson(records);
    expect(documents.flatMap((d) => (d.services as unknown[]) ?? [])).toHaveLength(60);
    for (const document of documents) expect(officialOrganization(document) ? [] : officialOrganization.errors).toEqual([]);
  });

  test('CSV export has every table with the official columns, and its rows validate', async () => {
    const records = await generated(40, 4);
    const files = exportCsvFiles(records);
    const official = readdirSync(join(examplesDir, 'csv')).sort();
    expect([...files.keys()].sort()).toEqual(official);
    for (const name of official.filter((f) => f.endsWith('.csv'))) {
      const header = readFileSync(join(examplesDir, 'csv', name), 'utf8').split(/\r?\n/)[0];
      expect(files.get(name)?.split('\n')[0]).toBe(header);
    }
    const reread = await importZip(exportCsvZip(records));
    expect(officialTabular(reread) ? [] : officialTabular.errors).toEqual([]);
  });
});

test('the document of each record, as the HSDS API serves it, validates against the official schemas', async () => {
  const records = withholdConfidential(await generated(30, 10));
  const build = createDocumentBuilder(records);
  const service = build('service', records.service[0]!.id)!;
  expect(service.organization).toMatchObject({ id: records.service[0]!.organization_id });
  expect((service.organization as Record<string, unknown>).services).toBeUndefined();
  for (const kind of Object.keys(officialDocument) as (keyof typeof officialDocument)[]) {
    const validate = officialDocument[kind];
    for (const row of records[kind].slice(0, 10)) {
      const document = build(kind, row.id);
      expect(validate(document) ? [] : validate.errors).toEqual([]);
    }
  }
});

describe('import → export → import gives the same records', () => {
  test.each(nestedExamples)('JSON, from %s', async (name) => {
    const first = recordsOf(await parseImport(join(examplesDir, name)));
    expect(await importJson(exportJson(first))).toEqual(first);
  });

  test('CSV zip, from the official datapackage', async () => {
    const first = recordsOf(await parseImport(join(examplesDir, 'csv')));
    expect(await importZip(exportCsvZip(first))).toEqual(first);
  });

  test('JSON and CSV, from a generated directory without confidential locations', async () => {
    const records = await generated(80, 5);
    const secret = new Set(records.attribute.filter((a) => a.link_entity === 'location' && findConfidentialLocationIds(records).has(a.link_id as string)).map((a) => a.id));
    const open: DirectoryRecords = { ...records, attribute: records.attribute.filter((a) => !secret.has(a.id)) };
    expect(findConfidentialLocationIds(open).size).toBe(0);
    expect(await importZip(exportCsvZip(open))).toEqual(open);
    // The JSON form carries what hangs from an organization: terms no attribute uses stay behind.
    const used = new Set(open.attribute.map((a) => a.taxonomy_term_id));
    const reachable: DirectoryRecords = {
      ...open,
      taxonomy_term: open.taxonomy_term.filter((t) => used.has(t.id)),
      taxonomy: open.taxonomy.filter((t) => open.taxonomy_term.some((term) => used.has(term.id) && term.taxonomy_id === t.id)),
    };
    expect(await importJson(exportJson(open))).toEqual(reachable);
  });
});

describe('confidential addresses never leave', () => {
  const exportedText = (records: DirectoryRecords): string[] => [
    JSON.stringify(exportJson(records)),
    // datapackage.json is the official descriptor, whose field examples include "1-30 Main Street".
    [...exportCsvFiles(records)].filter(([name]) => name.endsWith('.csv')).map(([, text]) => text).join('\n'),
  ];

  test('a generated directory exports no street, coordinate or address of a confidential location', async () => {
    const records = await generated(150, 6);
    const secret = findConfidentialLocationIds(records);
    expect(secret.size).toBeGreaterThan(5);
    const secretAddresses = records.address.filter((a) => secret.has(a.location_id as string));
    const secretLocations = records.location.filter((l) => secret.has(l.id));
    const publicAddress = records.address.find((a) => !secret.has(a.location_id as string))!;
    for (const text of exportedText(records)) {
      for (const address of secretAddresses) {
        expect(text).not.toContain(address.id);
        expect(text).not.toContain(address.address_1);
      }
      for (const location of secretLocations) {
        expect(text).not.toContain(`${location.latitude}`);
        expect(text).not.toContain(`${location.longitude}`);
        expect(text).toContain(location.id); // the listing itself stays
      }
      expect(text).toContain(publicAddress.address_1);
    }
  });

  test('the public contact (phones, email) of a confidential service stays, its address goes', async () => {
    const records = recordsOf(await parseImport(join(examplesDir, 'service_full.json')));
    const service = records.service[0]!;
    const address = records.address[0]!;
    const flagged: DirectoryRecords = { ...records, attribute: [...records.attribute, markConfidential('service', service.id)] };
    for (const text of exportedText(flagged)) {
      expect(text).not.toContain(address.address_1);
      expect(text).not.toContain(address.postal_code);
      expect(text).not.toContain(String(records.location[0]!.transportation));
      expect(text).not.toContain(String(records.accessibility[0]!.description));
      for (const phone of records.phone) expect(text).toContain(phone.id);
      expect(text).toContain(String(service.email));
    }
  });

  test('location text quoting the street address is withheld too', async () => {
    const records = recordsOf(await parseImport(join(examplesDir, 'service_full.json')));
    const location = records.location[0]!;
    const street = String(records.address[0]!.address_1);
    const quoting: DirectoryRecords = {
      ...records,
      location: [{ ...location, description: `Go to ${street}, ring twice.` }],
      attribute: [...records.attribute, markConfidential('location', location.id)],
    };
    expect(exportJson(quoting).length).toBeGreaterThan(0);
    for (const text of exportedText(quoting)) expect(text).not.toContain(street);
  });

  test('a flag set to "false" withholds nothing', async () => {
    const records = recordsOf(await parseImport(join(examplesDir, 'service_full.json')));
    const off = { ...markConfidential('location', records.location[0]!.id), value: 'false' };
    for (const text of exportedText({ ...records, attribute: [...records.attribute, off] })) expect(text).toContain(String(records.address[0]!.address_1));
  });

  test('the flag survives export, so a re-import stays confidential and exports the same', async () => {
    const records = await generated(50, 8);
    const once = await importZip(exportCsvZip(records));
    expect(findConfidentialLocationIds(once)).toEqual(findConfidentialLocationIds(records));
    expect(exportCsvFiles(once)).toEqual(exportCsvFiles(records));
    expect(exportJson(await importJson(exportJson(records)))).toEqual(exportJson(records));
    for (const table of hsdsTables) expect(once[table].length).toBeLessThanOrEqual(records[table].length);
  });
});
