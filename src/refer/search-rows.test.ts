import { describe, expect, test } from 'vitest';
import { buildSearchRows, buildWeeklyHours, findWeekSlot, slotsPerWeek } from './search-rows.ts';
import { emptyDirectory, type DirectoryRecords } from './hsds-tables.ts';
import { markConfidential } from './confidential.ts';
import { findTermByCode, loadShippedTaxonomy } from './taxonomy.ts';

const taxonomy = loadShippedTaxonomy();
const term = (code: string): string => findTermByCode(taxonomy, code).id as string;

function directory(): DirectoryRecords {
  const records = emptyDirectory();
  records.taxonomy = taxonomy.taxonomies;
  records.taxonomy_term = taxonomy.terms;
  records.organization = [{ id: 'o1', name: 'Harbor House' }];
  records.service = [
    { id: 's1', organization_id: 'o1', name: 'Shelter', status: 'active', minimum_age: 18 },
    { id: 's2', organization_id: 'o1', name: 'Legal clinic', status: 'active', fees_description: 'No cost to clients.' },
  ];
  records.location = [{ id: 'l1', location_type: 'physical', latitude: 40.71234, longitude: -74.00612 }, { id: 'l2', location_type: 'physical' }];
  records.address = [{ id: 'a2', location_id: 'l2', address_1: '1 Main St', city: 'Cambridge', state_province: 'MA', postal_code: '02139', country: 'US', address_type: 'physical' }];
  records.service_at_location = [{ id: 'sl1', service_id: 's1', location_id: 'l1' }, { id: 'sl2', service_id: 's2', location_id: 'l2' }];
  records.attribute = [
    { id: 'at1', link_id: 's1', link_entity: 'service', taxonomy_term_id: term('emergency-shelter') },
    { id: 'at2', link_id: 's1', link_entity: 'service', taxonomy_term_id: term('women') },
    markConfidential('service', 's1'),
  ];
  records.cost_option = [{ id: 'c1', service_id: 's1', amount: 25 }];
  records.language = [{ id: 'g1', service_id: 's2', name: 'Spanish', code: 'ES' }];
  records.schedule = [{ id: 'h1', service_at_location_id: 'sl2', freq: 'WEEKLY', byday: 'MO,FR', opens_at: '09:00', closes_at: '17:00' }];
  return records;
}

describe('search rows', () => {
  test('weekly hours mark quarter hours from Monday 00:00, including past midnight', () => {
    const hours = buildWeeklyHours([{ id: 'x', byday: 'SU', opens_at: '22:00', closes_at: '02:00', freq: 'WEEKLY' }]);
    expect(hours).toHaveLength(slotsPerWeek);
    expect(hours.slice(6 * 96 + 88)).toBe('1'.repeat(8));
    expect(hours.slice(0, 8)).toBe('1'.repeat(8));
    expect(hours[8]).toBe('0');
    expect(buildWeeklyHours([{ id: 'y', byday: '1MO', opens_at: '09:00', closes_at: '10:00' }])).not.toContain('1');
  });

  test('the week slot is read in the location\'s own time zone', () => {
    const at = new Date('2026-11-25T15:00:00Z'); // Wednesday
    expect(findWeekSlot(at, 'America/New_York')).toBe(2 * 96 + 40 + 1); // 10:00
    expect(findWeekSlot(at, 'America/Los_Angeles')).toBe(2 * 96 + 28 + 1); // 07:00
    expect(findWeekSlot(new Date('2026-11-26T03:30:00Z'), 'America/New_York')).toBe(2 * 96 + 90 + 1); // still Wednesday there, 22:30
  });

  test('a time zone Intl does not know is read as UTC, not an error', () => {
    expect(findWeekSlot(new Date('2026-11-25T15:00:00Z'), 'Not/A_Zone')).toBe(2 * 96 + 60 + 1);
  });

  test('categories with ancestors, populations, minors, cost, place, time zone and confidentiality', () => {
    const [shelter, legal] = buildSearchRows(directory());
    expect(shelter?.terms).toContain(` ${term('housing')} `);
    expect(shelter?.populations).toBe(' women ');
    expect(shelter?.minors).toBe(0);
    expect(shelter?.free).toBe(0);
    expect(shelter?.confidential).toBe(1);
    // A confidential place is snapped to a 0.05° grid, never stored exactly.
    expect([shelter?.latitude, shelter?.longitude]).toEqual([40.7, -74]);
    expect(shelter?.time_zone).toBe('America/New_York');
    expect(legal?.populations).toBe(' any-gender ');
    expect(legal?.minors).toBe(1);
    expect(legal?.free).toBe(1);
    expect(legal?.languages).toBe(' es ');
    // No coordinates: the ZIP code's centroid places it.
    expect(legal?.latitude).toBeCloseTo(42.36, 1);
    expect(legal?.hours.indexOf('1')).toBe(36);
  });

  test('the public phone prefers the service at location, skips faxes; a confidential location shows no address', () => {
    const records = directory();
    records.address.push({ id: 'a1', location_id: 'l1', address_1: '9 Hidden Lane', city: 'New York', state_province: 'NY', postal_code: '10007', country: 'US', address_type: 'physical' });
    records.phone = [
      { id: 'p0', service_id: 's1', number: '555-0100', type: 'fax' },
      { id: 'p2', service_id: 's1', number: '555-0102', type: 'voice' },
      { id: 'p1', service_at_location_id: 'sl1', number: '555-0101', type: 'hotline' },
      { id: 'p3', location_id: 'l2', number: '555-0103' },
    ];
    const [shelter, legal] = buildSearchRows(records);
    expect(shelter?.phone).toBe('555-0101');
    expect(shelter?.address).toBe('');
    expect(legal?.phone).toBe('555-0103');
    expect(legal?.address).toBe('1 Main St, Cambridge, MA 02139');
    records.phone = records.phone.filter((p) => p.id !== 'p1');
    expect(buildSearchRows(records)[0]?.phone).toBe('555-0102');
  });
});
