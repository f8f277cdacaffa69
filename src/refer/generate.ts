/**
 * @module A reproducible synthetic HSDS directory for tests and benchmarks
 * (`lantern directory generate --services N <out>`): organizations across US states, each with a
 * few services from the shipped taxonomy, a location with address, coordinates, postcode and time
 * zone, phones, weekly schedules, languages, cost and the populations served; shelters often
 * confidential. The same seed always yields the same rows. Rows stream out one organization at a
 * time, so a million services never sit in memory together.
 */
import { emptyDirectory, hsdsTables, type DirectoryChunk, type DirectoryRecords, type HsdsRow, type HsdsTable } from './hsds-tables.ts';
import { compareIds } from './import-records.ts';
import { markConfidential } from './confidential.ts';
import { findTermByCode, loadShippedTaxonomy } from './taxonomy.ts';
import { createRandom, type Random } from './synthetic-random.ts';
import { organizationWords, streetNames, syntheticCities, syntheticLanguages, type SyntheticCity } from './synthetic-places.ts';
import { serviceTemplates, type ServiceTemplate } from './synthetic-services.ts';
import { writeGenerated, type GeneratedFormat } from './generate-write.ts';
import { invalid } from '../platform/http/errors.ts';

export type { DirectoryChunk } from './hsds-tables.ts';

export interface GenerateOptions {
  services: number;
  /** Any number or text; the same seed gives the same directory. */
  seed?: number | string;
  /** US state codes (`TX`) to place organizations in; every state when absent. */
  states?: string[];
}

/** Yields a synthetic directory chunk by chunk: the shipped taxonomy, then each organization. */
export async function* generateDirectory({ services, seed = 1, states }: GenerateOptions): AsyncGenerator<DirectoryChunk> {
  const cities = states ? syntheticCities.filter((c) => states.includes(c.state)) : syntheticCities;
  if (cities.length === 0) throw invalid(`No synthetic city in ${states?.join(', ')}.`, 'states');
  const taxonomy = loadShippedTaxonomy();
  yield { taxonomy: taxonomy.taxonomies, taxonomy_term: taxonomy.terms };
  const random = createRandom(seed);
  const terms = (codes: string[]): string[] => codes.map((c) => findTermByCode(taxonomy, c).id);
  const templates = serviceTemplates.map((t) => ({ ...t, categoryIds: terms(t.categories), populationIds: terms(t.populations) }));
  let made = 0;
  while (made < services) {
    const count = Math.min(services - made, random.int(1, 4));
    yield makeOrganization(random, templates, count, cities);
    made += count;
  }
}

/** Gathers a stream of chunks into one directory (for tests and small demo data sets). */
export async function collectDirectory(chunks: AsyncIterable<DirectoryChunk>): Promise<DirectoryRecords> {
  const records = emptyDirectory();
  for await (const chunk of chunks) {
    for (const [table, rows] of Object.entries(chunk) as [HsdsTable, HsdsRow[]][]) records[table].push(...rows);
  }
  for (const table of hsdsTables) records[table].sort(compareIds);
  return records;
}

/** What `runGenerateCommand` wrote. */
export interface GenerateSummary {
  out: string;
  format: GeneratedFormat;
  services: number;
  rows: Record<HsdsTable, number>;
}

/**
 * `npx lantern directory generate --services N <out>`: writes the synthetic directory to `out`,
 * as NDJSON (`.ndjson`, one compiled service document per line), a JSON list (`.json`), a zipped
 * tabular datapackage (`.zip`) or, for any other path, a tabular datapackage folder.
 */
export async function runGenerateCommand(options: {
  services: number;
  out: string;
  seed?: number | string;
  /** Services written so far, for a progress bar. */
  onProgress?: (progress: { done: number; total: number }) => void;
}): Promise<GenerateSummary> {
  if (!Number.isSafeInteger(options.services) || options.services < 0) {
    throw invalid('The number of services must be a whole number, 0 or more.', 'services');
  }
  const rows = Object.fromEntries(hsdsTables.map((t) => [t, 0])) as Record<HsdsTable, number>;
  async function* counted(): AsyncGenerator<DirectoryChunk> {
    for await (const chunk of generateDirectory(options)) {
      for (const [table, list] of Object.entries(chunk) as [HsdsTable, HsdsRow[]][]) rows[table] += list.length;
      yield chunk;
      options.onProgress?.({ done: rows.service, total: options.services });
    }
  }
  const format = await writeGenerated(counted(), options.out);
  return { out: options.out, format, services: rows.service, rows };
}

type Template = ServiceTemplate & { categoryIds: string[]; populationIds: string[] };

function makeOrganization(random: Random, templates: Template[], count: number, cities: SyntheticCity[]): DirectoryChunk {
  const place = random.pick(cities);
  const kind = random.chance(0.5) ? random.pick(organizationWords.kinds) : undefined;
  const name = kind ? `${place.city} ${kind}` : `${random.pick(organizationWords.first)} ${random.pick(organizationWords.second)} of ${place.city}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const organization: HsdsRow = {
    id: random.uuid(),
    name,
    description: `${name} serves people affected by trafficking and violence in and around ${place.city}, ${place.state}.`,
    email: `info@${slug}.example`,
    website: `https://${slug}.example`,
    year_incorporated: random.int(1965, 2022),
    legal_status: random.pick(['Nonprofit 501(c)(3)', 'Public agency', 'Nonprofit 501(c)(3)', 'Faith-based nonprofit']),
  };
  const chunk: Required<Pick<DirectoryChunk, 'organization'>> & DirectoryChunk = { organization: [organization] };
  const add = (table: HsdsTable, row: HsdsRow): void => {
    (chunk[table] ??= []).push(row);
  };
  for (let i = 0; i < count; i += 1) {
    makeService(random, random.pick(templates), organization, place, slug, add);
  }
  return chunk;
}

function makeService(
  random: Random,
  template: Template,
  organization: HsdsRow,
  place: SyntheticCity,
  slug: string,
  add: (table: HsdsTable, row: HsdsRow) => void,
): void {
  const serviceId = random.uuid();
  const languages = pickLanguages(random, template.manyLanguages ? random.int(5, 10) : random.int(0, 3));
  const service: HsdsRow = {
    id: serviceId,
    organization_id: organization.id,
    name: random.pick(template.names),
    alternate_name: `${organization.name} ${template.names[0]}`,
    description: `${template.description} ${languages.length > 1 ? `Staff speak ${languages.map((l) => l.name).join(', ')}.` : 'Interpreters on request.'}`,
    url: `https://${slug}.example/${template.categories[0]}`,
    email: `intake@${slug}.example`,
    status: random.chance(0.96) ? 'active' : random.pick(['temporarily closed', 'inactive']),
    eligibility_description: template.eligibility,
    last_modified: new Date(Date.UTC(2025, 0, 1) + random.int(0, 690) * 86_400_000).toISOString(),
  };
  if (template.minimumAge !== undefined) service.minimum_age = template.minimumAge;
  if (template.maximumAge !== undefined) service.maximum_age = template.maximumAge;
  add('service', service);

  const location = makeLocation(random, organization, place, service.name as string);
  add('location', location.row);
  add('address', location.address);
  const link: HsdsRow = { id: random.uuid(), service_id: serviceId, location_id: location.row.id };
  add('service_at_location', link);
  for (const schedule of makeSchedules(random, template, link.id, place)) add('schedule', schedule);
  add('phone', {
    id: random.uuid(),
    service_id: serviceId,
    number: `(${place.areaCode}) 555-01${String(random.int(0, 99)).padStart(2, '0')}`,
    type: template.hours === 'always' ? 'hotline' : 'voice',
    description: template.hours === 'always' ? 'Answered at any hour.' : 'Intake line during opening hours.',
  });
  for (const language of languages) add('language', { id: random.uuid(), service_id: serviceId, name: language.name, code: language.code });
  add('cost_option', random.chance(0.85)
    ? { id: random.uuid(), service_id: serviceId, option: 'Free', currency: 'USD', amount: 0 }
    : { id: random.uuid(), service_id: serviceId, option: 'Sliding scale', currency: 'USD', amount: random.int(5, 60), amount_description: 'per visit, by income' });
  add('service_area', { id: random.uuid(), service_id: serviceId, name: `${place.city} metro area`, description: `People living or found in the ${place.city}, ${place.state} area.` });
  for (const termId of [...template.categoryIds, ...template.populationIds]) {
    add('attribute', { id: random.uuid(), link_id: serviceId, link_entity: 'service', taxonomy_term_id: termId });
  }
  if (random.chance(template.confidential)) add('attribute', markConfidential('location', location.row.id));
}

function makeLocation(random: Random, organization: HsdsRow, place: SyntheticCity, serviceName: string): { row: HsdsRow; address: HsdsRow } {
  const id = random.uuid();
  // Up to about 9 km from the city centre, rounded to about a metre.
  const latitude = round(place.latitude + random.float(-0.08, 0.08), 5);
  const longitude = round(place.longitude + random.float(-0.08, 0.08) / Math.cos((place.latitude * Math.PI) / 180), 5);
  const street = `${random.int(10, 9800)} ${random.pick(streetNames)}`;
  return {
    row: { id, location_type: 'physical', organization_id: organization.id, name: `${organization.name}: ${serviceName}`, latitude, longitude },
    address: { id: random.uuid(), location_id: id, address_1: street, city: place.city, state_province: place.state, postal_code: place.zip, country: 'US', address_type: 'physical' },
  };
}

function makeSchedules(random: Random, template: ServiceTemplate, linkId: string, place: SyntheticCity): HsdsRow[] {
  const base = { service_at_location_id: linkId, freq: 'WEEKLY', timezone: place.utcOffset };
  if (template.hours === 'always') {
    return [{ id: random.uuid(), ...base, byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00:00', closes_at: '23:59:59', description: 'Open 24 hours, every day.' }];
  }
  const opens = random.pick(['08:00:00', '08:30:00', '09:00:00', '10:00:00']);
  const closes = random.pick(['16:30:00', '17:00:00', '18:00:00', '19:00:00']);
  const weekdays: HsdsRow = { id: random.uuid(), ...base, byday: 'MO,TU,WE,TH,FR', opens_at: opens, closes_at: closes, description: 'Weekdays.' };
  if (!random.chance(0.3)) return [weekdays];
  return [weekdays, { id: random.uuid(), ...base, byday: 'SA', opens_at: '10:00:00', closes_at: '14:00:00', description: 'Saturday mornings.' }];
}

function pickLanguages(random: Random, extra: number): { name: string; code: string }[] {
  const chosen = [{ name: 'English', code: 'en' }];
  if (random.chance(0.6)) chosen.push({ name: 'Spanish', code: 'es' });
  while (chosen.length < extra + 1) {
    const language = random.pick(syntheticLanguages);
    if (!chosen.some((l) => l.code === language.code)) chosen.push(language);
  }
  return chosen;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
