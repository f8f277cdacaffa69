import { describe, expect, test } from 'vitest';
import { summarizeService } from './referral-handout.ts';
import { renderHandoutHtml } from './referral-handout-html.ts';

describe('the patient card', () => {
  test('a service shows its name, phones and first address', () => {
    const line = summarizeService({
      id: 's', name: 'Riverside Legal Aid', phones: [{ number: '555-0101' }],
      service_at_locations: [{ location: { addresses: [{ address_1: '12 Main St', city: 'Austin', state_province: 'TX', postal_code: '78701' }], phones: [{ number: '555-0102' }, { number: '555-0101' }] } }],
    }, 'Support service');
    expect(line).toEqual({ name: 'Riverside Legal Aid', phones: ['555-0101', '555-0102'], address: '12 Main St, Austin, TX, 78701', addressByPhone: false });
  });

  test('a withheld address says to call, and a revealing name becomes the neutral label', () => {
    const line = summarizeService({ id: 's', name: 'Anti-Trafficking Shelter', service_at_locations: [{ location: { name: 'Front gate' } }] }, 'Support service');
    expect(line).toMatchObject({ name: 'Support service', address: null, addressByPhone: true });
    expect(summarizeService({ id: 's', name: 'Programa contra la trata de personas' }, 'Servicio de apoyo').name).toBe('Servicio de apoyo');
  });

  test('the print page escapes what it prints', () => {
    const html = renderHandoutHtml({
      locale: 'en', title: 'Helpful contacts', helpline: ['Call <b>1</b>'],
      services: [{ name: '<script>x</script>', phones: [], address: null, addressByPhone: true }], labels: { addressByPhone: 'Call for the address' },
    });
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Call for the address');
  });
});
