/**
 * @module The demo organization's directory (`npm start`): about 200 synthetic services in the
 * demo facility's state, always the same, and two hand-written confidential shelters, so search,
 * the listing editor and referrals have something to show; and the demo partner organization the
 * demo organization refers to. Registered with the platform's demo seed.
 */
import { registerDemoSeeder, type DemoOrganization } from '../platform/demo-seed.ts';
import { OrgScope } from '../platform/db/scope.ts';
import type { Tx } from '../platform/db/index.ts';
import { collectDirectory, generateDirectory } from './generate.ts';
import { importDirectory } from './store-import.ts';
import { deriveUuid, markConfidential } from './confidential.ts';
import { findTermByCode, loadShippedTaxonomy } from './taxonomy.ts';
import { keylessCipher } from './search-derived.ts';
import { hsdsTables, type DirectoryRecords, type HsdsRow } from './hsds-tables.ts';
import { compareIds } from './import-records.ts';

/** Synthetic services in the demo directory (beside the hand-written ones). */
export const demoServiceCount = 200;

/** Seeds the demo directory into an organization that has none. */
export async function seedDemoDirectory(tx: Tx, demo: DemoOrganization): Promise<void> {
  const state = /^US-([A-Z]{2})$/.exec(demo.jurisdiction)?.[1];
  const records = await collectDirectory(generateDirectory({ services: demoServiceCount, seed: 'lantern-demo', ...(state ? { states: [state] } : {}) }));
  addConfidentialShelters(records);
  const scope = new OrgScope(tx, demo.dialect, demo.organizationId, { id: null, kind: 'system' }, null, keylessCipher);
  await importDirectory(scope, records);
}

/**
 * The demo organization's program lead has chosen the partner organization (as POST
 * /api/referral-partners would record it), so its clinicians can refer there from the first sign-in.
 */
export async function seedDemoPartner(tx: Tx, demo: DemoOrganization): Promise<void> {
  await tx.insertInto('refer_partner').values({
    organization_id: demo.organizationId, partner_organization_id: demo.partner.organizationId, name: demo.partner.name,
    added_by: 'system', added_at: new Date().toISOString(),
  }).execute();
}

registerDemoSeeder(seedDemoDirectory);
registerDemoSeeder(seedDemoPartner);

interface Shelter {
  key: string;
  organization: string;
  service: string;
  description: string;
  categories: string[];
  populations: string[];
  phone: string;
  street: string;
  city: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  languages: { name: string; code: string }[];
}

// Fictional programs (555-01xx numbers, .example domains). Their street addresses are in the
// store, as a program lead would enter them, and must never reach a screen or an export.
const shelters: Shelter[] = [
  {
    key: 'safe-harbor', organization: 'Safe Harbor Alliance', service: 'Safe Harbor Residence',
    description: 'Confidential residential shelter for survivors of labor and sex trafficking, with case management and safety planning. Call the intake line; staff arrange a safe meeting point.',
    categories: ['trafficking-shelter', 'case-management'], populations: ['adults', 'women', 'transgender-nonbinary', 'foreign-nationals'],
    phone: '(713) 555-0142', street: '4120 Magnolia Bend', city: 'Houston', postalCode: '77002', latitude: 29.7561, longitude: -95.3621,
    languages: [{ name: 'English', code: 'en' }, { name: 'Spanish', code: 'es' }, { name: 'Vietnamese', code: 'vi' }],
  },
  {
    key: 'bluebonnet', organization: 'Bluebonnet Family Refuge', service: 'Bluebonnet House',
    description: 'Confidential emergency shelter for people escaping domestic violence or trafficking, with their children. Answered at any hour.',
    categories: ['domestic-violence-shelter', 'trafficking-shelter'], populations: ['families', 'women', 'minors'],
    phone: '(214) 555-0177', street: '88 Cedar Hollow Court', city: 'Dallas', postalCode: '75201', latitude: 32.7812, longitude: -96.8003,
    languages: [{ name: 'English', code: 'en' }, { name: 'Spanish', code: 'es' }],
  },
];

function addConfidentialShelters(records: DirectoryRecords): void {
  const taxonomy = loadShippedTaxonomy();
  for (const shelter of shelters) {
    const id = (part: string): string => deriveUuid(`lantern:demo:${shelter.key}:${part}`);
    const add = (table: keyof DirectoryRecords, row: HsdsRow): void => { records[table].push(row); };
    const slug = shelter.key;
    add('organization', { id: id('organization'), name: shelter.organization, description: shelter.description, email: `intake@${slug}.example`, website: `https://${slug}.example` });
    add('service', {
      id: id('service'), organization_id: id('organization'), name: shelter.service, description: shelter.description, status: 'active',
      email: `intake@${slug}.example`, url: `https://${slug}.example`, eligibility_description: 'Survivors referred by a clinician, advocate or hotline, or calling themselves.',
    });
    add('location', { id: id('location'), location_type: 'physical', organization_id: id('organization'), name: shelter.service, latitude: shelter.latitude, longitude: shelter.longitude });
    add('address', { id: id('address'), location_id: id('location'), address_1: shelter.street, city: shelter.city, state_province: 'TX', postal_code: shelter.postalCode, country: 'US', address_type: 'physical' });
    add('service_at_location', { id: id('service-at-location'), service_id: id('service'), location_id: id('location') });
    add('schedule', { id: id('schedule'), service_at_location_id: id('service-at-location'), freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00:00', closes_at: '23:59:59', description: 'Intake line answered at any hour.' });
    add('phone', { id: id('phone'), service_id: id('service'), number: shelter.phone, type: 'hotline', description: 'Intake line: the shelter\'s public contact.' });
    shelter.languages.forEach((language, i) => add('language', { id: id(`language-${i}`), service_id: id('service'), ...language }));
    add('cost_option', { id: id('cost'), service_id: id('service'), option: 'Free', currency: 'USD', amount: 0 });
    for (const code of [...shelter.categories, ...shelter.populations]) {
      add('attribute', { id: id(`attribute-${code}`), link_id: id('service'), link_entity: 'service', taxonomy_term_id: findTermByCode(taxonomy, code).id });
    }
    add('attribute', markConfidential('service', id('service')));
  }
  for (const table of hsdsTables) records[table].sort(compareIds);
}
