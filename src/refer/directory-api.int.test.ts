import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { collectDirectory, generateDirectory } from './generate.ts';
import { importDirectory } from './store-import.ts';
import { readDirectory } from './store-rows.ts';
import { exportCsvFiles, exportJson } from './export.ts';
import { findConfidentialLocationIds } from './confidential.ts';
import type { DirectoryRecords, HsdsRow } from './hsds-tables.ts';

// Responses are checked against the compiled HSDS 3.0 schemas of the official release.
const schemaDir = new URL('../../test/fixtures/standards/hsds-3.0/schema/', import.meta.url);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
// The per-table schemas refer to each other by file name (`metadata.json`).
for (const table of ['accessibility', 'address', 'attribute', 'contact', 'cost_option', 'funding', 'language', 'location', 'meta_table_description', 'metadata', 'organization', 'organization_identifier', 'phone', 'program', 'required_document', 'schedule', 'service', 'service_area', 'service_at_location', 'taxonomy', 'taxonomy_term']) {
  ajv.addSchema(JSON.parse(readFileSync(new URL(`${table}.json`, schemaDir), 'utf8')) as object, `${table}.json`);
}
const schemas = new Map<string, ValidateFunction>();
function schemaErrors(path: string, value: unknown): unknown[] {
  let validate = schemas.get(path);
  if (!validate) {
    validate = path.startsWith('compiled/') ? ajv.compile(JSON.parse(readFileSync(new URL(path, schemaDir), 'utf8')) as object) : ajv.getSchema(path) as ValidateFunction;
    schemas.set(path, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []);
}
const pageFields = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];

describe('directory and HSDS API', () => {
  let lantern: TestLantern;
  let org: TestOrganization;
  let other: TestOrganization;
  let records: DirectoryRecords;
  let secrets: { street: string; latitude: string; locationId: string }[];
  const get = async (url: string, token: string) => lantern.app.inject({ method: 'GET', url, headers: bearer(token) });

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform.data.db, 'Directory API');
    other = await givenOrganization(lantern.platform.data.db, 'Elsewhere');
    records = await collectDirectory(generateDirectory({ services: 60, seed: 3 }));
    await importDirectory(lantern.platform.scope(org.organizationId, { id: null, kind: 'system' }), records);
    const secret = findConfidentialLocationIds(records);
    secrets = records.location.filter((l) => secret.has(l.id)).map((l) => ({
      locationId: l.id,
      latitude: String(l.latitude),
      street: String(records.address.find((a) => a.location_id === l.id)?.address_1),
    }));
  }, 60_000);
  afterAll(async () => { await lantern.close(); });

  const reader = (): string => org.users.clinician.token;

  test('GET /hsds/services pages list-form services, and full ones with full=true', async () => {
    const first = await get('/hsds/services?per_page=25', reader());
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(Object.keys(page).sort()).toEqual([...pageFields].sort());
    expect(page).toMatchObject({ total_items: 60, total_pages: 3, page_number: 1, size: 25, first_page: true, last_page: false, empty: false });
    for (const service of page.contents) expect(schemaErrors('compiled/service_list.json', service)).toEqual([]);
    expect(page.contents[0].phones).toBeUndefined();
    const last = (await get('/hsds/services?per_page=25&page=3&full=true', reader())).json();
    expect(last).toMatchObject({ page_number: 3, size: 10, last_page: true });
    for (const service of last.contents) expect(schemaErrors('compiled/service.json', service)).toEqual([]);
    expect(last.contents[0].service_at_locations.length).toBeGreaterThan(0);
  });

  test('GET /hsds/services filters by taxonomy term and organization; /services/{id} is a valid compiled service', async () => {
    const shelter = records.attribute.find((a) => a.link_entity === 'service')?.taxonomy_term_id as string;
    const byTerm = (await get(`/hsds/services?taxonomy_term_id=${shelter}&per_page=100`, reader())).json();
    const expected = new Set(records.attribute.filter((a) => a.taxonomy_term_id === shelter && a.link_entity === 'service').map((a) => a.link_id));
    expect(new Set(byTerm.contents.map((s: HsdsRow) => s.id))).toEqual(expected);
    const owner = records.organization[0] as HsdsRow;
    const byOwner = (await get(`/hsds/services?organization_id=${owner.id}`, reader())).json();
    expect(byOwner.contents.map((s: HsdsRow) => s.id).sort()).toEqual(records.service.filter((s) => s.organization_id === owner.id).map((s) => s.id).sort());
    const one = await get(`/hsds/services/${records.service[0]?.id}`, reader());
    expect(one.statusCode).toBe(200);
    expect(schemaErrors('compiled/service.json', one.json())).toEqual([]);
    expect((await get('/hsds/services/no-such-service', reader())).statusCode).toBe(404);
  });

  test('GET /hsds/organizations and /organizations/{id}, taxonomies and terms validate', async () => {
    const list = (await get('/hsds/organizations?per_page=100', reader())).json();
    expect(list.total_items).toBe(records.organization.length);
    for (const o of list.contents) expect(schemaErrors('compiled/organization_list.json', o)).toEqual([]);
    const id = records.organization[0]?.id as string;
    const full = (await get(`/hsds/organizations/${id}?full_service=true`, reader())).json();
    expect(schemaErrors('compiled/organization.json', full)).toEqual([]);
    expect(full.services.length).toBe(records.service.filter((s) => s.organization_id === id).length);
    const taxonomies = (await get('/hsds/taxonomies', reader())).json();
    expect(taxonomies.total_items).toBe(records.taxonomy.length);
    for (const t of taxonomies.contents) expect(schemaErrors('taxonomy.json', t)).toEqual([]);
    const taxonomyId = records.taxonomy[0]?.id as string;
    const terms = (await get(`/hsds/taxonomy_terms?taxonomy_id=${taxonomyId}&per_page=500`, reader())).json();
    expect(terms.total_items).toBe(records.taxonomy_term.filter((t) => t.taxonomy_id === taxonomyId).length);
    for (const t of terms.contents) expect(schemaErrors('taxonomy_term.json', t)).toEqual([]);
    const top = (await get('/hsds/taxonomy_terms?top_only=true&per_page=500', reader())).json();
    expect(top.total_items).toBe(records.taxonomy_term.filter((t) => t.parent_id === undefined).length);
  });

  test('GET /hsds/service_at_locations near a postcode keeps to the proximity, nearest first', async () => {
    const zip = String(records.address[0]?.postal_code);
    const page = (await get(`/hsds/service_at_locations?postcode=${zip}&proximity=25000&full=true&per_page=100`, reader())).json();
    expect(page.total_items).toBeGreaterThan(0);
    for (const link of page.contents) expect(schemaErrors('compiled/service_at_location.json', link)).toEqual([]);
    const list = (await get(`/hsds/service_at_locations?postcode=${zip}&proximity=25000`, reader())).json();
    for (const link of list.contents) expect(schemaErrors('compiled/service_at_location_list.json', link)).toEqual([]);
    expect(list.total_items).toBe(page.total_items);
    expect((await get('/hsds/service_at_locations?postcode=00000', reader())).statusCode).toBe(400);
  });

  test('confidential addresses and coordinates are never in search, the HSDS API or the export', async () => {
    expect(secrets.length).toBeGreaterThan(0);
    const bodies: string[] = [];
    bodies.push((await get('/hsds/services?full=true&per_page=500', reader())).body);
    bodies.push((await get('/hsds/service_at_locations?full=true&per_page=500', reader())).body);
    bodies.push((await get('/hsds/organizations?full=true&full_service=true&per_page=500', reader())).body);
    for (const o of records.organization) bodies.push((await get(`/hsds/organizations/${o.id}`, reader())).body);
    for (const s of records.service) bodies.push((await get(`/api/directory/services/${s.id}`, reader())).body);
    bodies.push((await get('/api/directory/search?limit=100', reader())).body);
    const stored = await readDirectory(lantern.platform.scope(org.organizationId, { id: null, kind: 'system' }));
    bodies.push(JSON.stringify(exportJson(stored)));
    bodies.push([...exportCsvFiles(stored).values()].join('\n'));
    for (const secret of secrets) {
      for (const body of bodies) {
        expect(body).not.toContain(secret.street);
        expect(body).not.toContain(secret.latitude);
      }
    }
    // The listing itself is still found, by its public contact.
    const search = (await get('/api/directory/search?limit=100', reader())).json();
    expect(search.results.some((r: { confidential: boolean }) => r.confidential)).toBe(true);
    // Results show the public phone; a street address only where the location is not confidential.
    type Hit = { serviceId: string; confidential: boolean; phone: string | null; address: string | null };
    for (const hit of search.results as Hit[]) {
      const phones = records.phone.filter((p) => p.service_id === hit.serviceId).map((p) => p.number);
      expect(phones).toContain(hit.phone);
      if (hit.confidential) expect(hit.address).toBeNull();
      else expect(hit.address).toMatch(/^\d+ .+, .+, [A-Z]{2} \d{5}$/);
    }
  });

  test('open now in search results follows each location\'s own schedule and time zone', async () => {
    // Wednesday 2026-11-25 at 10:00 UTC is between midnight and 5 a.m. from Hawaii to New York:
    // only round-the-clock services are open.
    const night = (await get('/api/directory/search?limit=100&openAt=2026-11-25T10:00:00Z', reader())).json();
    const allDay = new Set(records.schedule.filter((h) => h.opens_at === '00:00:00' && h.closes_at === '23:59:59').map((h) => h.service_at_location_id));
    expect(night.results.length).toBeGreaterThan(0);
    expect(night.results.every((r: { openNow: boolean }) => r.openNow === true)).toBe(true);
    expect(new Set(night.results.map((r: { serviceAtLocationId: string }) => r.serviceAtLocationId))).toEqual(allDay);
    const all = (await get('/api/directory/search?limit=100', reader())).json();
    for (const hit of all.results as { serviceAtLocationId: string; openNow: boolean | null }[]) {
      if (allDay.has(hit.serviceAtLocationId)) expect(hit.openNow).toBe(true);
      else expect(typeof hit.openNow).toBe('boolean');
    }
  });

  test('GET /api/directory/listings lists listings by name for program leads, narrowed by text, in pages', async () => {
    const lead = org.users['program-lead'].token;
    const first = await get('/api/directory/listings?limit=10', lead);
    expect(first.statusCode).toBe(200);
    const page = first.json() as { listings: { id: string; name: string; confidential: boolean }[]; hasMore: boolean };
    expect(page.listings).toHaveLength(10);
    expect(page.hasMore).toBe(true);
    const names = page.listings.map((l) => l.name);
    expect(names).toEqual([...names].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
    const everything: { id: string }[] = [];
    for (let offset = 0; ; offset += 100) {
      const next = (await get(`/api/directory/listings?limit=100&offset=${offset}`, lead)).json();
      everything.push(...next.listings);
      if (!next.hasMore) break;
    }
    expect(everything.map((l) => l.id).sort()).toEqual(records.service.map((s) => s.id).sort());
    const confidential = new Set(records.attribute.filter((a) => a.taxonomy_term_id === 'edaa8c89-76c8-57e5-8f8d-91a27554282d').map((a) => a.link_id));
    const flagged = records.service_at_location.filter((l) => confidential.has(l.location_id as string)).map((l) => l.service_id);
    const listed = (await get('/api/directory/listings?limit=100', lead)).json().listings as { id: string; confidential: boolean }[];
    expect(listed.filter((l) => l.confidential).map((l) => l.id).sort()).toEqual([...new Set(flagged)].sort());
    const word = String(records.service[0]?.name).split(' ')[0] as string;
    const narrowed = (await get(`/api/directory/listings?limit=100&text=${encodeURIComponent(word)}`, lead)).json().listings as { name: string }[];
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(records.service.length);
    expect((await get('/api/directory/listings', reader())).statusCode).toBe(403);
    // The editor reads a confidential listing whole (address included), and that read is audited.
    const secret = secrets[0]!;
    const secretService = records.service_at_location.find((l) => l.location_id === secret.locationId)?.service_id as string;
    const whole = await get(`/api/directory/listings/${secretService}`, lead);
    expect(whole.statusCode).toBe(200);
    expect(whole.body).toContain(secret.street);
    expect((await get(`/api/directory/listings/${secretService}`, reader())).statusCode).toBe(403);
    const reads = await lantern.platform.data.db.selectFrom('platform_audit_event').select('action')
      .where('resource_type', '=', 'directory-service').where('resource_id', '=', secretService).execute();
    expect(reads.map((r) => r.action)).toEqual(['read']);
    expect((await get('/api/directory/listings?limit=0', lead)).statusCode).toBe(400);
  });

  test('search over HTTP: validated query, pinned routes first', async () => {
    const response = await get('/api/directory/search?category=housing&openAt=2026-11-25T15:00:00Z&limit=5', reader());
    expect(response.statusCode).toBe(200);
    expect(response.json().pinned.map((p: { id: string }) => p.id)).toEqual(['human-trafficking-hotline', 'cybertipline']);
    expect((await get('/api/directory/search?surprise=1', reader())).statusCode).toBe(400);
    expect((await get('/api/directory/search?postalCode=99999', reader())).statusCode).toBe(400);
  });

  test('program leads create, update and delete listings, audited; others may not', async () => {
    const service = {
      id: '0d9e1f55-52a4-4f0e-9a52-4f3f4c2a1b01', organization_id: records.organization[0]?.id, name: 'Night Harbor drop-in', status: 'active', description: 'Evening drop-in with showers and meals.',
      phones: [{ id: '0d9e1f55-52a4-4f0e-9a52-4f3f4c2a1b02', number: '555-0100' }],
    };
    const lead = org.users['program-lead'].token;
    const denied = await lantern.app.inject({ method: 'POST', url: '/api/directory/services', headers: bearer(reader()), payload: { service } });
    expect(denied.statusCode).toBe(403);
    const created = await lantern.app.inject({ method: 'POST', url: '/api/directory/services', headers: bearer(lead), payload: { service } });
    expect(created.statusCode, created.body).toBe(201);
    expect(schemaErrors('compiled/service.json', created.json())).toEqual([]);
    const again = await lantern.app.inject({ method: 'POST', url: '/api/directory/services', headers: bearer(lead), payload: { service } });
    expect(again.statusCode).toBe(409);
    const invalid = await lantern.app.inject({ method: 'PUT', url: `/api/directory/services/${service.id}`, headers: bearer(lead), payload: { service: { ...service, phones: [{ id: service.phones[0]?.id, number: 5 }] } } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().field).toContain('number');
    // Every bad field is named, each at its JSON pointer, so the editor can show it beside the field.
    const twoBad = await lantern.app.inject({ method: 'PUT', url: `/api/directory/services/${service.id}`, headers: bearer(lead), payload: { service: { ...service, email: 'not-an-email', phones: [{ id: service.phones[0]?.id, number: 5 }] } } });
    expect(twoBad.statusCode).toBe(400);
    expect(twoBad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['service/email', 'service/phones/0/number']);
    expect(twoBad.json().errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    const updated = await lantern.app.inject({ method: 'PUT', url: `/api/directory/services/${service.id}`, headers: bearer(lead), payload: { service: { ...service, name: 'Night Harbor evening drop-in', phones: [] } } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().phones).toBeUndefined();
    const found = (await get('/api/directory/search?text=harbor', reader())).json();
    expect(found.results.map((r: { name: string }) => r.name)).toEqual(['Night Harbor evening drop-in']);
    const removed = await lantern.app.inject({ method: 'DELETE', url: `/api/directory/services/${service.id}`, headers: bearer(lead) });
    expect(removed.statusCode).toBe(204);
    expect((await get('/api/directory/search?text=harbor', reader())).json().results).toEqual([]);
    expect((await get(`/api/directory/services/${service.id}`, reader())).statusCode).toBe(404);
    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').select('action')
      .where('resource_type', '=', 'directory-service').where('resource_id', '=', service.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  test('the same listing saved ten times at once (two editors, a double click): one created, each save whole, listed once', async () => {
    const lead = org.users['program-lead'].token;
    const id = '4c0f7d1a-8e2b-4b55-9d61-3a7e5f0c2d01';
    const service = (name: string, phone: string) => ({
      id, organization_id: records.organization[0]?.id, name, status: 'active', description: 'Walk-in legal clinic on Tuesdays.',
      phones: [{ id: `${id.slice(0, -2)}${phone}`, number: `555-01${phone}` }],
    });
    const creates = await Promise.all(Array.from({ length: 10 }, () =>
      lantern.app.inject({ method: 'POST', url: '/api/directory/services', headers: bearer(lead), payload: { service: service('Quayside legal clinic', '10') } })));
    expect(creates.map((r) => r.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
    for (let round = 0; round < 3; round += 1) {
      const saves = await Promise.all(Array.from({ length: 10 }, (_, i) => lantern.app.inject({
        method: 'PUT', url: `/api/directory/services/${id}`, headers: bearer(lead), payload: { service: service(`Quayside legal clinic ${round}${i}`, String(20 + i)) },
      })));
      expect(saves.map((r) => r.statusCode), saves.map((r) => r.body).join('\n')).toEqual(Array(10).fill(200));
    }
    // One of the saves won whole: its name with its own phone, not a mix, and one search row.
    const stored = (await get(`/api/directory/services/${id}`, reader())).json() as { name: string; phones: { number: string }[] };
    const winner = Number(stored.name.slice(-1));
    expect(stored.name).toMatch(/^Quayside legal clinic 2\d$/);
    expect(stored.phones.map((p) => p.number)).toEqual([`555-01${20 + winner}`]);
    const found = (await get('/api/directory/search?text=quayside', reader())).json();
    expect(found.results.map((r: { name: string }) => r.name)).toEqual([stored.name]);
    expect((await lantern.app.inject({ method: 'DELETE', url: `/api/directory/services/${id}`, headers: bearer(lead) })).statusCode).toBe(204);
  });

  test('another organization sees none of it, and roles without directory access are refused', async () => {
    const elsewhere = other.users.clinician.token;
    expect((await get('/hsds/services', elsewhere)).json().total_items).toBe(0);
    expect((await get(`/hsds/services/${records.service[0]?.id}`, elsewhere)).statusCode).toBe(404);
    expect((await get('/api/directory/search?category=housing', elsewhere)).json().results).toEqual([]);
    expect((await get('/hsds/services', org.users.learner.token)).statusCode).toBe(403);
    expect((await lantern.app.inject({ method: 'GET', url: '/hsds/services' })).statusCode).toBe(401);
  });
});
