/**
 * @module Derives the search table from HSDS rows: one row per service at a location (or per
 * service delivered nowhere in particular) with what search filters on. Pure: the store gathers a
 * service's rows, this flattens them. Rules that HSDS leaves open are decided here:
 * - categories: the terms of the service's (and service_at_location's) attributes, with their
 *   ancestors, so "housing" finds an emergency shelter;
 * - populations: Lantern's population terms; a service naming no gender term serves any gender;
 * - minors: served unless the service is for adults only or its minimum age is 18 or more;
 * - cost: free when a cost option costs 0 or the fees text says so;
 * - place: the location's coordinates, else the centroid of its address's ZIP code; the time zone
 *   comes from the place (tz-lookup), UTC when nothing places the service;
 * - hours: the service_at_location's weekly schedules, else the service's, else the location's;
 * - phone: the first voice line (lowest id, faxes aside) of the service_at_location, else of the
 *   service, else of the location; address: the location's physical address on one line, never
 *   for a confidential location.
 */
import type { Insertable } from 'kysely';
import type { DirectoryRecords, HsdsRow } from './hsds-tables.ts';
import { findConfidentialLocationIds } from './confidential.ts';
import { findPostalCentroid } from './postal-codes.ts';
import { findTimeZone } from './time-zones.ts';
import type { ReferSearchTable } from './tables.ts';

export type SearchRow = Omit<Insertable<ReferSearchTable>, 'search_key' | 'organization_id'>;

/** Quarter hours in a week: the length of `hours`. */
export const slotsPerWeek = 7 * 96;

/** Population codes naming a gender; a service with none of them serves any gender. */
export const genderCodes = { female: 'women', male: 'men', nonbinary: 'transgender-nonbinary' } as const;
export const anyGenderCode = 'any-gender';

const populationTaxonomyId = '052616bf-e0bf-5099-8294-6322c364a3a6';
const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Builds the search rows of every service in `records` (which must hold the services' related rows). */
export function buildSearchRows(records: DirectoryRecords, serviceIds?: Iterable<string>): SearchRow[] {
  const index = indexRecords(records);
  const confidential = findConfidentialLocationIds(records);
  const ids = serviceIds ? new Set(serviceIds) : new Set(records.service.map((s) => s.id));
  const rows: SearchRow[] = [];
  for (const service of records.service) {
    if (!ids.has(service.id)) continue;
    const links = index.children('service_at_location', 'service_id', service.id);
    if (links.length === 0) rows.push(buildRow(index, service, undefined, confidential));
    for (const link of links) rows.push(buildRow(index, service, link, confidential));
  }
  return rows;
}

// What a search row reads: rows by id, and children by the column naming their parent. Only these
// are indexed (the import builds an index per chunk of a million-service directory).
const rowTables = ['location', 'organization', 'taxonomy_term'] as const;
const childColumns = {
  service_at_location: ['service_id'],
  attribute: ['link_id'],
  language: ['service_id'],
  phone: ['service_at_location_id', 'service_id', 'location_id'],
  address: ['location_id'],
  schedule: ['service_at_location_id', 'service_id', 'location_id'],
  cost_option: ['service_id'],
} as const;
type ChildTable = keyof typeof childColumns;

interface RecordIndex {
  row(table: (typeof rowTables)[number], id: string | undefined): HsdsRow | undefined;
  children<T extends ChildTable>(table: T, column: (typeof childColumns)[T][number], id: string): HsdsRow[];
}

function indexRecords(records: DirectoryRecords): RecordIndex {
  const byId = new Map<string, Map<string, HsdsRow>>(rowTables.map((table) => [table, new Map(records[table].map((row) => [row.id, row]))]));
  const byParent = new Map<string, Map<string, HsdsRow[]>>();
  for (const [table, columns] of Object.entries(childColumns) as [ChildTable, readonly string[]][]) {
    for (const column of columns) {
      const children = new Map<string, HsdsRow[]>();
      for (const row of records[table]) {
        const parent = row[column];
        if (typeof parent !== 'string') continue;
        const list = children.get(parent);
        if (list) list.push(row);
        else children.set(parent, [row]);
      }
      byParent.set(`${table}.${column}`, children);
    }
  }
  return {
    row: (table, id) => (id === undefined ? undefined : byId.get(table)!.get(id)),
    children: (table, column, id) => byParent.get(`${table}.${column}`)!.get(id) ?? [],
  };
}

function buildRow(index: RecordIndex, service: HsdsRow, link: HsdsRow | undefined, confidential: Set<string>): SearchRow {
  const location = index.row('location', link?.location_id as string | undefined);
  const organization = index.row('organization', service.organization_id as string | undefined);
  const attributes = [
    ...index.children('attribute', 'link_id', service.id),
    ...(link ? index.children('attribute', 'link_id', link.id) : []),
  ];
  const terms = new Map<string, HsdsRow>();
  for (const attribute of attributes) {
    let term = index.row('taxonomy_term', attribute.taxonomy_term_id as string | undefined);
    // Walk up to the root, guarding against a cycle in imported data.
    for (let depth = 0; term && depth < 10 && !terms.has(term.id); depth += 1) {
      terms.set(term.id, term);
      term = index.row('taxonomy_term', term.parent_id as string | undefined);
    }
  }
  const populations = [...terms.values()].filter((t) => t.taxonomy_id === populationTaxonomyId).map((t) => String(t.code ?? ''));
  if (!Object.values(genderCodes).some((g) => populations.includes(g))) populations.push(anyGenderCode);
  const minAge = numberOrNull(service.minimum_age);
  const maxAge = numberOrNull(service.maximum_age);
  const adultsOnly = populations.includes('adults') && !populations.includes('minors') && !populations.includes('families');
  const minors = populations.includes('minors') || (!adultsOnly && (minAge === null || minAge < 18));
  const languages = new Set(index.children('language', 'service_id', service.id).map((l) => String(l.code ?? l.name ?? '').toLowerCase()));
  const secret = location !== undefined && confidential.has(location.id);
  const exact = findPlace(index, location);
  // A confidential place enters the search table only snapped to a grid of about 5 km, so no
  // distance, radius or ordering can narrow it down further.
  const place = exact && secret ? { latitude: snap(exact.latitude), longitude: snap(exact.longitude) } : exact;
  const schedules = pickSchedules(index, service, link, location);
  return {
    service_id: service.id,
    service_at_location_id: link?.id ?? null,
    location_id: location?.id ?? null,
    name: String(service.name ?? ''),
    organization_name: String(organization?.name ?? ''),
    description: String(service.description ?? ''),
    terms: wrap([...terms.keys()]),
    term_names: [...terms.values()].map((t) => String(t.name ?? '')).join(' '),
    languages: wrap([...languages].filter((l) => l !== '')),
    min_age: minAge,
    max_age: maxAge,
    populations: wrap(populations.filter((p) => p !== '')),
    minors: minors ? 1 : 0,
    free: isFree(index, service) ? 1 : 0,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    time_zone: place ? findTimeZone(place.latitude, place.longitude) : 'UTC',
    hours: buildWeeklyHours(schedules),
    confidential: secret ? 1 : 0,
    phone: pickPhone(index, service, link, location),
    address: secret ? '' : formatAddress(index, location),
  };
}

function pickPhone(index: RecordIndex, service: HsdsRow, link: HsdsRow | undefined, location: HsdsRow | undefined): string {
  const voice = (rows: HsdsRow[]): HsdsRow[] => rows
    .filter((p) => typeof p.number === 'string' && p.number.trim() !== '' && !/^(fax|pager)$/i.test(String(p.type ?? '')))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const candidates = [
    ...(link ? [index.children('phone', 'service_at_location_id', link.id)] : []),
    index.children('phone', 'service_id', service.id),
    ...(location ? [index.children('phone', 'location_id', location.id)] : []),
  ];
  for (const rows of candidates) {
    const first = voice(rows)[0];
    if (first) return String(first.number).trim();
  }
  return '';
}

function formatAddress(index: RecordIndex, location: HsdsRow | undefined): string {
  if (!location) return '';
  const addresses = index.children('address', 'location_id', location.id);
  const address = addresses.find((a) => a.address_type === 'physical') ?? addresses.find((a) => a.address_type !== 'postal') ?? addresses[0];
  if (!address) return '';
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  const region = [text(address.state_province), text(address.postal_code)].filter(Boolean).join(' ');
  return [text(address.address_1), text(address.address_2), text(address.city), region].filter(Boolean).join(', ');
}

function findPlace(index: RecordIndex, location: HsdsRow | undefined): { latitude: number; longitude: number } | undefined {
  if (!location) return undefined;
  const latitude = numberOrNull(location.latitude);
  const longitude = numberOrNull(location.longitude);
  if (latitude !== null && longitude !== null) return { latitude, longitude };
  for (const address of index.children('address', 'location_id', location.id)) {
    const centroid = findPostalCentroid(String(address.postal_code ?? ''));
    if (centroid) return centroid;
  }
  return undefined;
}

function pickSchedules(index: RecordIndex, service: HsdsRow, link: HsdsRow | undefined, location: HsdsRow | undefined): HsdsRow[] {
  const fromLink = link ? index.children('schedule', 'service_at_location_id', link.id) : [];
  if (fromLink.length > 0) return fromLink;
  const fromService = index.children('schedule', 'service_id', service.id).filter((s) => s.service_at_location_id === undefined);
  if (fromService.length > 0) return fromService;
  return location ? index.children('schedule', 'location_id', location.id) : [];
}

/** The week as 672 quarter-hour slots from Monday 00:00 local time, `1` where a weekly schedule is open. */
export function buildWeeklyHours(schedules: HsdsRow[]): string {
  const open = new Uint8Array(slotsPerWeek);
  for (const schedule of schedules) {
    const freq = String(schedule.freq ?? 'WEEKLY').toUpperCase();
    if (freq !== 'WEEKLY' || typeof schedule.opens_at !== 'string' || typeof schedule.closes_at !== 'string') continue;
    const start = Math.floor(minutesOf(schedule.opens_at) / 15);
    let end = Math.ceil(minutesOf(schedule.closes_at) / 15);
    if (end <= start) end += 96; // closes after midnight
    const byday = String(schedule.byday ?? days.join(',')).toUpperCase().split(',').map((d) => d.trim());
    for (const day of byday) {
      const d = days.indexOf(day);
      if (d < 0) continue; // "1MO" (the first Monday) is not weekly
      for (let slot = start; slot < end; slot += 1) open[(d * 96 + slot) % slotsPerWeek] = 1;
    }
  }
  // '0' is byte 48 and '1' byte 49: one buffer, one string (a join would cost ~50 µs a row).
  for (let slot = 0; slot < slotsPerWeek; slot += 1) open[slot] = (open[slot] as number) + 48;
  return Buffer.from(open).toString('latin1');
}

/**
 * The slot (1-based, as SQL `substr` counts) of `at` in the local week of `timeZone`. A zone
 * stored from imported data that Intl does not know is read as UTC rather than failing a search.
 */
export function findWeekSlot(at: Date, timeZone: string): number {
  const parts = weekClockFor(timeZone).formatToParts(at);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0';
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  return day * 96 + Math.floor((Number(get('hour')) * 60 + Number(get('minute'))) / 15) + 1;
}

// Building a formatter costs tens of microseconds, and a search asks for every zone on its page
// (open-now: every zone of the organization), so each zone's is built once. Keys are zones from
// the data; the bound only guards against a directory of nonsense zones.
const weekClocks = new Map<string, Intl.DateTimeFormat>();

function weekClockFor(timeZone: string): Intl.DateTimeFormat {
  let clock = weekClocks.get(timeZone);
  if (clock) return clock;
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' };
  try {
    clock = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
  } catch {
    clock = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
  }
  if (weekClocks.size >= 1000) weekClocks.clear();
  weekClocks.set(timeZone, clock);
  return clock;
}

function isFree(index: RecordIndex, service: HsdsRow): boolean {
  const options = index.children('cost_option', 'service_id', service.id);
  if (options.some((o) => numberOrNull(o.amount) === 0 || /\bfree\b/i.test(String(o.option ?? '')))) return true;
  return /\b(free|no cost|no charge)\b/i.test(`${service.fees ?? ''} ${service.fees_description ?? ''}`);
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function numberOrNull(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Degrees of the grid confidential places are snapped to (0.05° of latitude is about 5.6 km). */
export const confidentialGridDegrees = 0.05;

function snap(degrees: number): number {
  return Math.round(Math.round(degrees / confidentialGridDegrees) * confidentialGridDegrees * 1000) / 1000;
}

function wrap(values: string[]): string {
  return values.length === 0 ? '' : ` ${values.join(' ')} `;
}
