import { describe, expect, test } from 'vitest';
import { collectDirectory, generateDirectory } from '../generate.ts';
import { createDocumentBuilder } from '../export-document.ts';
import { parseImportSource } from '../import-parse.ts';
import { findConfidentialLocationIds } from '../confidential.ts';
import { emptyListingForm, formFieldOf, toListingForm, toServiceDocument } from './listing-document.ts';
import { categoryGroups, confidentialTermId } from './directory-terms.ts';

async function parse(document: Record<string, unknown>) {
  return parseImportSource({ format: 'json', files: [{ name: 'service', text: JSON.stringify(document) }] });
}

describe('the listing editor\'s document', () => {
  test('a loaded service round-trips through the form, keeping what the form does not show', async () => {
    const records = await collectDirectory(generateDirectory({ services: 4, seed: 'editor' }));
    const service = records.service[0]!;
    const loaded = createDocumentBuilder(records)('service', service.id)!;
    const form = toListingForm(loaded);
    expect(form.name).toBe(service.name);
    expect(form.phones.map((p) => p.number)).toEqual(records.phone.filter((p) => p.service_id === service.id).map((p) => p.number));
    expect(form.schedules.length).toBeGreaterThan(0);
    const saved = toServiceDocument({ ...form, name: 'Renamed service', phones: [...form.phones, { id: 'b0b5b1a8-8d7e-4e0c-9a55-0d1f4f2a7c01', number: '555-0199', type: 'hotline' }] }, loaded);
    const parsed = await parse(saved);
    expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.errors)).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.records.service[0]?.name).toBe('Renamed service');
    expect(parsed.records.phone.map((p) => p.number).sort()).toEqual([...form.phones.map((p) => p.number), '555-0199'].sort());
    expect(parsed.records.service_area).toHaveLength(records.service_area.filter((a) => a.service_id === service.id).length);
    expect(toListingForm(saved)).toEqual({ ...form, name: 'Renamed service', phones: [...form.phones, { id: 'b0b5b1a8-8d7e-4e0c-9a55-0d1f4f2a7c01', number: '555-0199', type: 'hotline' }] });
  });

  test('a new listing is a valid HSDS service; the confidential box flags it, and clearing it switches every flag off', async () => {
    const shelter = categoryGroups[0]!.children[0]!;
    const form = { ...emptyListingForm(), name: 'Night Harbor', organizationName: 'Harbor Org', terms: [shelter.id], confidential: true, street: '1 Hidden Way', city: 'Houston', state: 'TX', postalCode: '77002',
      phones: [{ id: '5e0b6c86-7f0e-4a43-9f55-0d1f4f2a7c02', number: '555-0142', type: 'hotline' }], schedules: [{ id: '5e0b6c86-7f0e-4a43-9f55-0d1f4f2a7c03', days: ['MO' as const, 'SU' as const], opensAt: '08:00', closesAt: '20:00' }] };
    const document = toServiceDocument(form);
    const parsed = await parse(document);
    expect(parsed.ok, JSON.stringify(parsed.ok ? [] : parsed.errors)).toBe(true);
    if (!parsed.ok) return;
    expect(findConfidentialLocationIds(parsed.records).size).toBe(1);
    expect(parsed.records.schedule[0]).toMatchObject({ byday: 'MO,SU', opens_at: '08:00:00', closes_at: '20:00:00' });
    expect(parsed.records.attribute.map((a) => a.taxonomy_term_id).sort()).toEqual([shelter.id, confidentialTermId].sort());
    const cleared = await parse(toServiceDocument({ ...toListingForm(document), confidential: false }, document));
    expect(cleared.ok && findConfidentialLocationIds(cleared.records).size).toBe(0);
  });

  test('API error pointers find their form field', () => {
    expect(formFieldOf('service/email')).toBe('email');
    expect(formFieldOf('service/phones/1/number')).toBe('phone-1');
    expect(formFieldOf('service/service_at_locations/0/location/addresses/0/postal_code')).toBe('postalCode');
    expect(formFieldOf('service/service_at_locations/0/schedules/2/opens_at')).toBe('schedule-2');
    expect(formFieldOf('service/organization/name')).toBe('organizationName');
    expect(formFieldOf('service/programs/0/name')).toBeUndefined();
  });
});
