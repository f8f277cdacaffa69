import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { createHsdsValidator, type DocumentKind } from './hsds-validate.ts';

const fixtures = new URL('../../test/fixtures/standards/hsds-3.0/', import.meta.url);
const readFixture = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(path, fixtures), 'utf8'));
const validator = createHsdsValidator();

const officialDocuments: [string, DocumentKind][] = [
  ['examples/service_full.json', 'service'],
  ['examples/organization_full.json', 'organization'],
  ['examples/service_at_location_full.json', 'service_at_location'],
  ['examples/location.json', 'location'],
  ['examples/taxonomy.json', 'taxonomy'],
  ['examples/taxonomy_term.json', 'taxonomy_term'],
];

describe('HSDS document validation', () => {
  test.each(officialDocuments)('the official example %s is a valid %s', (path, kind) => {
    expect(validator.validateDocument(kind, readFixture(path))).toEqual([]);
  });

  test('a wrong type names the field by JSON pointer', () => {
    const service = readFixture('examples/service_full.json');
    service.minimum_age = 'twelve';
    expect(validator.validateDocument('service', service)).toEqual([{ field: '/minimum_age', reason: 'must be of type number' }]);
  });

  test('a missing required field deep in a nested record names its full path', () => {
    const service = readFixture('examples/service_full.json') as { service_at_locations: { location: { addresses: Record<string, unknown>[] } }[] };
    delete service.service_at_locations[0]!.location.addresses[0]!.postal_code;
    expect(validator.validateDocument('service', service)).toEqual([
      { field: '/service_at_locations/0/location/addresses/0/postal_code', reason: 'is required' },
    ]);
  });

  test('every issue of a record is reported, not only the first', () => {
    const issues = validator.validateDocument('service', { id: 'not-a-uuid', name: 3, status: 'open' });
    expect(issues.map((i) => i.field).sort()).toEqual(['/id', '/name', '/status']);
    expect(issues.find((i) => i.field === '/status')?.reason).toMatch(/^must be one of: active, inactive, defunct, temporarily closed$/);
  });
});

describe('HSDS tabular row validation', () => {
  test('a row must carry the foreign keys HSDS requires of tables (tabular_required)', () => {
    const row = { id: 'ac148810-d857-441c-9679-408f346de14b', name: 'Counselling', status: 'active' };
    expect(validator.validateRow('service', row)).toEqual([{ field: '/organization_id', reason: 'is required' }]);
    expect(validator.validateRow('service', { ...row, organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610' })).toEqual([]);
  });

  test('every official tabular row is valid once typed', () => {
    const tabular = readFixture('examples/tabular.json') as Record<string, Record<string, unknown>[]>;
    const services = tabular['services.csv']!;
    expect(validator.validateRow('service', services[0])).toEqual([]);
  });
});

describe('agreement with the official compiled schemas', () => {
  // The shipped validator resolves $refs between per-table schemas; the specification's compiled
  // schema inlines them. Both must accept and refuse the same documents.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const compiledService = ajv.compile(readFixture('schema/compiled/service.json'));

  const variants: [string, (s: Record<string, any>) => void][] = [
    ['unchanged', () => {}],
    ['age as text', (s) => (s.maximum_age = '100')],
    ['phone without number', (s) => delete s.phones[0].number],
    ['location without type', (s) => delete s.service_at_locations[0].location.location_type],
    ['bad email', (s) => (s.email = 'not an email')],
    ['organization without name', (s) => delete s.organization.name],
    ['attribute term with bad id', (s) => (s.attributes[0].taxonomy_term.id = 'x')],
  ];
  test.each(variants)('a service document (%s) gets the same verdict', (_name, change) => {
    const service = readFixture('examples/service_full.json');
    change(service);
    expect(validator.validateDocument('service', service).length === 0).toBe(compiledService(service));
  });
});
