/**
 * @module The HSDS 3.0 schemas and tabular datapackage.json Lantern ships in
 * content/refer/hsds-3.0/ (CC BY-SA 4.0, see SOURCE.md there). Read once from disk; the
 * validator, the importer and the exporter all work from what this returns.
 */
import { readFileSync } from 'node:fs';
import { hsdsTables, type HsdsTable } from './hsds-tables.ts';

/** A JSON Schema as HSDS writes it (with its own extra keywords such as `tabular_required`). */
export interface HsdsTableSchema {
  name: string;
  path: string;
  type: 'object';
  properties: Record<string, { type?: string; format?: string; $ref?: string; items?: unknown }>;
  required?: string[];
  tabular_required?: string[];
  [keyword: string]: unknown;
}

/** A resource of the Frictionless tabular datapackage: one CSV file per HSDS table. */
export interface DatapackageResource {
  name: string;
  path: string;
  schema: { fields: { name: string; type: string; format?: string }[] };
  [key: string]: unknown;
}

/** The official HSDS datapackage.json descriptor. */
export interface Datapackage {
  name: string;
  resources: DatapackageResource[];
  [key: string]: unknown;
}

/** Everything the directory's import and export need from the specification. */
export interface HsdsSpec {
  schemas: Record<HsdsTable, HsdsTableSchema>;
  datapackage: Datapackage;
  /** CSV columns of each table, in the datapackage's order. */
  columns: Record<HsdsTable, string[]>;
  /** CSV file name of each table (`services.csv`). */
  files: Record<HsdsTable, string>;
}

const shippedDir = new URL('../../content/refer/hsds-3.0/', import.meta.url);

let shipped: HsdsSpec | undefined;

/** Reads the shipped HSDS 3.0 schemas and datapackage (once; they never change at run time). */
export function loadHsdsSpec(): HsdsSpec {
  shipped ??= readHsdsSpec(shippedDir);
  return shipped;
}

/** Reads HSDS schemas (`schema/<table>.json`) and `datapackage.json` from a directory. */
export function readHsdsSpec(dir: URL): HsdsSpec {
  const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, dir), 'utf8'));
  const schemas = Object.fromEntries(
    hsdsTables.map((table) => [table, readJson(`schema/${table}.json`) as HsdsTableSchema]),
  ) as Record<HsdsTable, HsdsTableSchema>;
  const datapackage = readJson('datapackage.json') as Datapackage;
  const columns = {} as Record<HsdsTable, string[]>;
  const files = {} as Record<HsdsTable, string>;
  for (const table of hsdsTables) {
    const resource = datapackage.resources.find((r) => r.name === table);
    if (!resource) throw new Error(`datapackage.json has no resource for HSDS table ${table}`);
    columns[table] = resource.schema.fields.map((f) => f.name);
    files[table] = resource.path;
  }
  return { schemas, datapackage, columns, files };
}
