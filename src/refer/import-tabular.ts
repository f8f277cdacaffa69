/**
 * @module Reads the HSDS tabular datapackage: datapackage.json plus one CSV file per table
 * (HSDS 3.0 datapackage.json, a Frictionless tabular-data-package). CSV cells are text; each is
 * typed by the table's JSON Schema (`minimum_age` a number) before the row is validated, and an
 * empty cell means the field is absent.
 */
import { parse, type Options } from 'csv-parse/sync';
import { isHsdsTable, type HsdsRow, type HsdsTable } from './hsds-tables.ts';
import type { HsdsSpec } from './hsds-spec.ts';
import { issueAt, type ImportIssue, type ParseContext, type RowOrigin } from './import-records.ts';

/** One CSV row, still text, with the line it starts on. */
export interface TabularItem {
  table: HsdsTable;
  cells: Record<string, string>;
  origin: RowOrigin;
}

/** The rows of a datapackage, with what could not be read. */
export interface TabularItems {
  items: TabularItem[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Reads datapackage.json and every CSV file it lists from in-memory files (name → bytes). */
export function readTabularItems(files: Map<string, Uint8Array>, spec: HsdsSpec): TabularItems {
  const out: TabularItems = { items: [], errors: [], warnings: [] };
  const descriptorBytes = files.get('datapackage.json');
  if (!descriptorBytes) {
    out.errors.push({ file: 'datapackage.json', reason: 'missing: a tabular HSDS import needs its datapackage.json' });
    return out;
  }
  const resources = readResources(descriptorBytes, out);
  const listed = new Set(['datapackage.json']);
  for (const resource of resources) {
    listed.add(resource.path);
    if (!isHsdsTable(resource.name)) {
      out.warnings.push({ file: 'datapackage.json', reason: `resource ${resource.name} is not an HSDS table; skipped` });
      continue;
    }
    const bytes = files.get(resource.path);
    if (!bytes) {
      out.warnings.push({ file: resource.path, table: resource.name, reason: 'listed in datapackage.json but absent; the table is empty' });
      continue;
    }
    readCsv(resource.name, resource.path, new TextDecoder().decode(bytes), spec, out);
  }
  for (const name of files.keys()) {
    if (!listed.has(name) && name.endsWith('.csv')) out.warnings.push({ file: name, reason: 'not listed in datapackage.json; skipped' });
  }
  return out;
}

/** The (name, path) of each resource of datapackage.json, reporting a malformed descriptor. */
export function readResources(bytes: Uint8Array, out: Pick<TabularItems, 'errors'>): { name: string; path: string }[] {
  let descriptor: unknown;
  try {
    descriptor = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    out.errors.push({ file: 'datapackage.json', reason: `not valid JSON: ${(error as Error).message}` });
    return [];
  }
  const resources = (descriptor as { resources?: unknown }).resources;
  if (!Array.isArray(resources)) {
    out.errors.push({ file: 'datapackage.json', field: '/resources', reason: 'must be a list of resources' });
    return [];
  }
  return resources.flatMap((r: unknown, i) => {
    const { name, path } = (r ?? {}) as { name?: unknown; path?: unknown };
    if (typeof name === 'string' && typeof path === 'string') return [{ name, path }];
    out.errors.push({ file: 'datapackage.json', field: `/resources/${i}`, reason: 'needs a name and a path' });
    return [];
  });
}

/** csv-parse options shared by the in-memory and the streaming import. */
export const csvOptions: Options = {
  bom: true,
  relax_column_count: true,
  skip_empty_lines: true,
  info: true,
  // Spreadsheets write CRLF, editors LF; a file touched by both mixes them.
  record_delimiter: ['\r\n', '\n'],
};

/** A record as csv-parse gives it with `info`. */
export interface ParsedCsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Returns a function that turns each parsed CSV record of one table's file into a row of text
 * cells: the first record is the header; unknown columns are warned about and left out.
 */
export function createCsvRowReader(
  table: HsdsTable,
  file: string,
  spec: HsdsSpec,
  out: Pick<TabularItems, 'errors' | 'warnings'>,
): (record: ParsedCsvRecord) => TabularItem | undefined {
  let columns: string[] | undefined;
  const known = new Set(Object.keys(spec.schemas[table].properties));
  return function readCsvRecord({ record, info }: ParsedCsvRecord): TabularItem | undefined {
    if (!columns) {
      columns = record;
      for (const column of columns) {
        if (!known.has(column)) out.warnings.push({ file, row: 1, table, field: column, reason: `not an HSDS ${table} column; ignored` });
      }
      return undefined;
    }
    // info.lines is the line a record ends on; a quoted cell may span lines, keeping its breaks.
    let breaks = 0;
    for (const cell of record) if (cell.includes('\n')) breaks += cell.split('\n').length - 1;
    const line = info.lines - breaks;
    const origin = { file, row: line };
    if (record.length !== columns.length) {
      out.errors.push({ ...issueAt(origin, record[0] || undefined, table), reason: `has ${record.length} cells; the header has ${columns.length}` });
      return undefined;
    }
    const cells: Record<string, string> = {};
    columns.forEach((column, i) => {
      if (known.has(column)) cells[column] = record[i] as string;
    });
    return { table, cells, origin };
  };
}

/** The issue for a file csv-parse gave up on (an unclosed quote, …). */
export function describeCsvFailure(table: HsdsTable, file: string, error: unknown): ImportIssue {
  const { lines, message } = error as { lines?: number; message: string };
  return { file, table, ...(lines !== undefined && { row: lines }), reason: `not readable as CSV: ${message}` };
}

function readCsv(table: HsdsTable, file: string, text: string, spec: HsdsSpec, out: TabularItems): void {
  let records: ParsedCsvRecord[];
  try {
    records = parse(text, csvOptions) as unknown as ParsedCsvRecord[];
  } catch (error) {
    out.errors.push(describeCsvFailure(table, file, error));
    return;
  }
  const readRecord = createCsvRowReader(table, file, spec, out);
  for (const record of records) {
    const item = readRecord(record);
    if (item) out.items.push(item);
  }
}

/** Types, validates and collects each CSV row; issues name the column. */
export function collectTabularItems(items: TabularItem[], spec: HsdsSpec, ctx: ParseContext): void {
  for (const item of items) {
    ctx.tick();
    const row = typeTabularRow(item.cells, spec.schemas[item.table].properties);
    const id = typeof row.id === 'string' ? row.id : undefined;
    const issues = ctx.validateRow(item.table, row);
    for (const issue of issues) {
      ctx.errors.push({ ...issueAt(item.origin, id, item.table), field: issue.field.replace(/^\//, ''), reason: issue.reason });
    }
    if (issues.length === 0) ctx.errors.push(...ctx.collector.add(item.table, row as HsdsRow, item.origin));
  }
}

const numeric = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Types a tabular row by its table's JSON Schema. Tabular data is text: a CSV cell, or a value of
 * the tabular JSON form, which the official HSDS example writes as a number even in string
 * columns (`external_identifier`). Empty cells are absent; anything else keeps its value, so the
 * validator reports it against the column.
 */
export function typeTabularRow(values: Record<string, unknown>, properties: Record<string, { type?: string }>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(values)) {
    if (value === '' || value === undefined || value === null) continue;
    const type = properties[column]?.type;
    if ((type === 'number' || type === 'integer') && typeof value === 'string' && numeric.test(value.trim())) row[column] = Number(value);
    else if (type === 'string' && typeof value === 'number') row[column] = String(value);
    else row[column] = value;
  }
  return row;
}
