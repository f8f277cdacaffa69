/**
 * @module The HSDS 3.0 tables and how their JSON documents nest. Lantern keeps a directory as flat
 * rows, one list per HSDS table (the tabular model), and derives nested JSON documents from them;
 * this catalogue says which nested property holds which table and which column links the two.
 * Source: HSDS 3.0 schema/*.json (`$ref` properties) and the compiled organization and
 * service_at_location documents, which add `services` and `service` (openreferral/specification 3.0).
 */

/** HSDS table names, in the order of the official datapackage.json (parents before children). */
export const hsdsTables = [
  'organization',
  'program',
  'service',
  'attribute',
  'service_at_location',
  'location',
  'phone',
  'contact',
  'address',
  'schedule',
  'funding',
  'service_area',
  'required_document',
  'language',
  'accessibility',
  'taxonomy_term',
  'metadata',
  'meta_table_description',
  'cost_option',
  'organization_identifier',
  'taxonomy',
] as const;

export type HsdsTable = (typeof hsdsTables)[number];

/** A scalar HSDS value: strings (ids, text, dates) and numbers (ages, coordinates, amounts). */
export type HsdsValue = string | number;

/** One flat row of an HSDS table: scalar fields only, foreign keys filled in, no nesting. */
export interface HsdsRow {
  id: string;
  [field: string]: HsdsValue;
}

/** A whole directory as flat rows, one list per table, each sorted by id. */
export type DirectoryRecords = Record<HsdsTable, HsdsRow[]>;

/** Some rows of a directory (a batch streamed by the generator or a writer). */
export type DirectoryChunk = Partial<Record<HsdsTable, HsdsRow[]>>;

/** How a child row points back at the row it is nested in. */
export type ChildLink =
  | { kind: 'column'; column: string }
  // attributes and metadata point at any table: an id plus the table's name
  | { kind: 'polymorphic'; idColumn: string; tableColumn: string };

/** A nested array property: `service.phones` holds phone rows whose `service_id` is the service. */
export interface ChildArray {
  property: string;
  table: HsdsTable;
  link: ChildLink;
}

/** A nested object property: `service.organization` is the organization row `organization_id` names. */
export interface NestedObject {
  property: string;
  table: HsdsTable;
  column: string;
  /** Downward objects are expanded on export; upward ones (a service's organization) are not. */
  downward: boolean;
}

const attributes: ChildArray = {
  property: 'attributes',
  table: 'attribute',
  link: { kind: 'polymorphic', idColumn: 'link_id', tableColumn: 'link_entity' },
};
const metadata: ChildArray = {
  property: 'metadata',
  table: 'metadata',
  link: { kind: 'polymorphic', idColumn: 'resource_id', tableColumn: 'resource_type' },
};
const under = (property: string, table: HsdsTable, column: string): ChildArray => ({
  property,
  table,
  link: { kind: 'column', column },
});

/** Nested arrays of each table's JSON document, in the schemas' property order. */
export const childArrays: Record<HsdsTable, ChildArray[]> = {
  organization: [
    under('funding', 'funding', 'organization_id'),
    under('contacts', 'contact', 'organization_id'),
    under('phones', 'phone', 'organization_id'),
    under('locations', 'location', 'organization_id'),
    under('programs', 'program', 'organization_id'),
    under('organization_identifiers', 'organization_identifier', 'organization_id'),
    attributes,
    metadata,
    under('services', 'service', 'organization_id'),
  ],
  service: [
    under('phones', 'phone', 'service_id'),
    under('schedules', 'schedule', 'service_id'),
    under('service_areas', 'service_area', 'service_id'),
    under('service_at_locations', 'service_at_location', 'service_id'),
    under('languages', 'language', 'service_id'),
    under('funding', 'funding', 'service_id'),
    under('cost_options', 'cost_option', 'service_id'),
    under('required_documents', 'required_document', 'service_id'),
    under('contacts', 'contact', 'service_id'),
    attributes,
    metadata,
  ],
  location: [
    under('languages', 'language', 'location_id'),
    under('addresses', 'address', 'location_id'),
    under('contacts', 'contact', 'location_id'),
    under('accessibility', 'accessibility', 'location_id'),
    under('phones', 'phone', 'location_id'),
    under('schedules', 'schedule', 'location_id'),
    attributes,
    metadata,
  ],
  service_at_location: [
    under('contacts', 'contact', 'service_at_location_id'),
    under('phones', 'phone', 'service_at_location_id'),
    under('schedules', 'schedule', 'service_at_location_id'),
    attributes,
    metadata,
  ],
  contact: [under('phones', 'phone', 'contact_id'), attributes, metadata],
  phone: [under('languages', 'language', 'phone_id'), attributes, metadata],
  attribute: [metadata],
  taxonomy_term: [metadata],
  taxonomy: [metadata],
  metadata: [],
  program: [attributes, metadata],
  address: [attributes, metadata],
  schedule: [attributes, metadata],
  funding: [attributes, metadata],
  service_area: [attributes, metadata],
  required_document: [attributes, metadata],
  language: [attributes, metadata],
  accessibility: [attributes, metadata],
  meta_table_description: [attributes, metadata],
  cost_option: [attributes, metadata],
  organization_identifier: [attributes, metadata],
};

/** Nested single objects of each table's JSON document. */
export const nestedObjects: Partial<Record<HsdsTable, NestedObject[]>> = {
  service: [
    { property: 'organization', table: 'organization', column: 'organization_id', downward: false },
    { property: 'program', table: 'program', column: 'program_id', downward: false },
  ],
  service_at_location: [
    { property: 'location', table: 'location', column: 'location_id', downward: true },
    { property: 'service', table: 'service', column: 'service_id', downward: false },
  ],
  attribute: [{ property: 'taxonomy_term', table: 'taxonomy_term', column: 'taxonomy_term_id', downward: true }],
  taxonomy_term: [{ property: 'taxonomy_detail', table: 'taxonomy', column: 'taxonomy_id', downward: true }],
};

/** Every nested property name of a table's document, so a row keeps only scalar fields. */
export function listNestedProperties(table: HsdsTable): Set<string> {
  return new Set([...childArrays[table].map((c) => c.property), ...(nestedObjects[table] ?? []).map((o) => o.property)]);
}

/** An empty directory: every table present, no rows. */
export function emptyDirectory(): DirectoryRecords {
  return Object.fromEntries(hsdsTables.map((t) => [t, []])) as unknown as DirectoryRecords;
}

/** True when `name` is one of the HSDS tables. */
export function isHsdsTable(name: string): name is HsdsTable {
  return (hsdsTables as readonly string[]).includes(name);
}
