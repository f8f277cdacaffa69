/**
 * @module Confidential locations: Lantern's extension to HSDS 3.0, which has no field for a
 * shelter whose address must stay secret. A service, service_at_location or location is marked
 * with an HSDS `attribute` whose taxonomy term is "confidential-location" from Lantern's shipped
 * taxonomy (content/refer/taxonomy.json); content/refer/CONFIDENTIAL.md documents the rule.
 * Everything that leaves Lantern (export, HSDS API, printed cards) goes through
 * `withholdConfidential` first.
 */
import { createHash } from 'node:crypto';
import type { DirectoryRecords, HsdsRow } from './hsds-tables.ts';

/** Id of the "confidential-location" term in content/refer/taxonomy.json (a test keeps them equal). */
export const CONFIDENTIAL_LOCATION_TERM_ID = 'edaa8c89-76c8-57e5-8f8d-91a27554282d';

/** Location fields that lead to the place itself; withheld with the addresses. */
export const withheldLocationFields = ['latitude', 'longitude', 'transportation', 'external_identifier', 'external_identifier_type'] as const;

/** True when an attribute row flags its linked record as confidential (any value but "false"). */
export function isConfidentialFlag(attribute: HsdsRow): boolean {
  return attribute.taxonomy_term_id === CONFIDENTIAL_LOCATION_TERM_ID && String(attribute.value ?? 'true').toLowerCase() !== 'false';
}

/** The attribute row that marks a service, service_at_location or location confidential. */
export function markConfidential(table: 'service' | 'service_at_location' | 'location', id: string): HsdsRow {
  return {
    id: deriveUuid(`lantern:confidential:${id}`),
    link_id: id,
    link_entity: table,
    link_type: 'flag',
    taxonomy_term_id: CONFIDENTIAL_LOCATION_TERM_ID,
    value: 'true',
  };
}

/**
 * Ids of every confidential location: flagged itself, or reached from a flagged service or
 * service_at_location. A location shared with a flagged service is confidential for everyone:
 * its address would lead to the shelter whichever listing showed it.
 */
export function findConfidentialLocationIds(records: DirectoryRecords): Set<string> {
  const flagged = new Set(records.attribute.filter(isConfidentialFlag).map((a) => a.link_id as string));
  const locations = new Set(records.location.filter((l) => flagged.has(l.id)).map((l) => l.id));
  for (const link of records.service_at_location) {
    if (flagged.has(link.id) || flagged.has(link.service_id as string)) locations.add(link.location_id as string);
  }
  return locations;
}

/**
 * Removes what would reveal where a confidential location is: its addresses, accessibility notes,
 * coordinates, directions and external identifiers, any free text of the location quoting its
 * street address, and the change history (metadata) of all of these. Phones, contacts, schedules,
 * languages, the web site and the listing itself stay: they are its public contact.
 */
export function withholdConfidential(records: DirectoryRecords): DirectoryRecords {
  const secret = findConfidentialLocationIds(records);
  if (secret.size === 0) return records;
  const isSecretChild = (row: HsdsRow): boolean => secret.has(row.location_id as string);
  const removed = new Set<string>([...records.address, ...records.accessibility].filter(isSecretChild).map((r) => r.id));
  const streets = new Map<string, string[]>();
  for (const address of records.address) {
    if (!isSecretChild(address)) continue;
    const list = streets.get(address.location_id as string) ?? [];
    list.push(String(address.address_1));
    streets.set(address.location_id as string, list);
  }
  return {
    ...records,
    address: records.address.filter((r) => !removed.has(r.id)),
    accessibility: records.accessibility.filter((r) => !removed.has(r.id)),
    location: records.location.map((l) => (secret.has(l.id) ? scrubLocation(l, streets.get(l.id) ?? []) : l)),
    attribute: records.attribute.filter((a) => !removed.has(a.link_id as string)),
    metadata: records.metadata.filter((m) => !removed.has(m.resource_id as string) && !secret.has(m.resource_id as string)),
  };
}

function scrubLocation(location: HsdsRow, streets: string[]): HsdsRow {
  const kept: HsdsRow = { id: location.id };
  const quotesStreet = (text: string): boolean => streets.some((s) => s.trim() !== '' && text.toLowerCase().includes(s.trim().toLowerCase()));
  for (const [field, value] of Object.entries(location)) {
    if ((withheldLocationFields as readonly string[]).includes(field)) continue;
    if (field !== 'location_type' && typeof value === 'string' && quotesStreet(value)) continue;
    kept[field] = value;
  }
  return kept;
}

/** A name-based UUID (RFC 9562 §5.5 layout, SHA-1): the same name always gives the same id. */
export function deriveUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
