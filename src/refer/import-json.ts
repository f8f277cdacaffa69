/**
 * @module Reads HSDS JSON: a compiled document (service, organization, location,
 * service_at_location, taxonomy, taxonomy term), a list of them, a paged list response of the HSDS
 * API (`contents`), the tabular JSON form (`{"services.csv": [...]}`), or NDJSON with one of these
 * per line. Each document is validated whole, then flattened into rows with foreign keys filled in.
 */
import { childArrays, isHsdsTable, listNestedProperties, nestedObjects, type HsdsRow, type HsdsTable } from './hsds-tables.ts';
import type { DocumentKind, HsdsValidator } from './hsds-validate.ts';
import type { HsdsSpec } from './hsds-spec.ts';
import { typeTabularRow } from './import-tabular.ts';
import { issueAt, pickScalars, type ImportIssue, type ParseContext, type RowOrigin } from './import-records.ts';

/** One importable item found in a JSON file: a nested document or a flat tabular row. */
export type JsonItem =
  | { type: 'document'; kind: DocumentKind; value: Record<string, unknown>; origin: RowOrigin }
  | { type: 'row'; table: HsdsTable; value: Record<string, unknown>; origin: RowOrigin };

/** Items found in a file, with what could not be read. */
export interface JsonFileItems {
  items: JsonItem[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Splits a JSON or NDJSON file into documents and rows, telling each document's kind. */
export function readJsonItems(
  file: { name: string; text: string },
  tableOfFile: (csvName: string) => HsdsTable | undefined,
  /** Lines before `text` in its file, when a stream hands NDJSON over line by line. */
  lineOffset = 0,
): JsonFileItems {
  const out: JsonFileItems = { items: [], errors: [], warnings: [] };
  if (/\.(ndjson|jsonl)$/i.test(file.name)) {
    file.text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      const row = lineOffset + index + 1;
      const value = parseJson(line, { file: file.name, row }, out);
      if (value !== undefined) unwrap(value, { file: file.name, row, pointer: '' }, out, tableOfFile);
    });
  } else {
    const value = parseJson(file.text, { file: file.name }, out);
    if (value !== undefined) unwrap(value, { file: file.name, pointer: '' }, out, tableOfFile);
  }
  return out;
}

function parseJson(text: string, origin: RowOrigin, out: JsonFileItems): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    out.errors.push({ ...issueAt(origin, undefined), reason: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

function unwrap(value: unknown, origin: RowOrigin, out: JsonFileItems, tableOfFile: (csvName: string) => HsdsTable | undefined): void {
  const at = (pointer: string): RowOrigin => ({ ...origin, pointer });
  if (Array.isArray(value)) {
    value.forEach((item, i) => addDocument(item, at(`${origin.pointer}/${i}`), out));
    return;
  }
  if (!isObject(value)) {
    out.errors.push({ ...issueAt(origin, undefined), field: origin.pointer || '/', reason: 'must be an HSDS object or a list of them' });
    return;
  }
  if (Array.isArray(value.contents)) {
    // A page of an HSDS API list response (compiled/*_list.json): the records are its contents.
    value.contents.forEach((item, i) => addDocument(item, at(`${origin.pointer}/contents/${i}`), out));
    return;
  }
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => k.endsWith('.csv'))) {
    addTabularJson(value, origin, out, tableOfFile);
    return;
  }
  if (value.id === undefined && 'openapi_url' in value) {
    out.warnings.push({ ...issueAt(origin, undefined), reason: 'HSDS API metadata (base.json), nothing to import' });
    return;
  }
  addDocument(value, origin, out);
}

function addTabularJson(
  value: Record<string, unknown>,
  origin: RowOrigin,
  out: JsonFileItems,
  tableOfFile: (csvName: string) => HsdsTable | undefined,
): void {
  for (const [csvName, rows] of Object.entries(value)) {
    const pointer = `${origin.pointer}/${escapePointer(csvName)}`;
    const table = tableOfFile(csvName);
    if (!table || !Array.isArray(rows)) {
      out.errors.push({ ...issueAt(origin, undefined), field: pointer, reason: table ? 'must be a list of rows' : 'is not an HSDS table file' });
      continue;
    }
    rows.forEach((row, i) => {
      const rowOrigin = { ...origin, pointer: `${pointer}/${i}` };
      if (isObject(row)) out.items.push({ type: 'row', table, value: row, origin: rowOrigin });
      else out.errors.push({ ...issueAt(rowOrigin, undefined, table), field: rowOrigin.pointer, reason: 'must be an object' });
    });
  }
}

function addDocument(value: unknown, origin: RowOrigin, out: JsonFileItems): void {
  if (!isObject(value)) {
    out.errors.push({ ...issueAt(origin, undefined), field: origin.pointer || '/', reason: 'must be an HSDS object' });
    return;
  }
  const kind = detectDocumentKind(value, origin.file);
  const id = typeof value.id === 'string' ? value.id : undefined;
  if (!kind) {
    out.errors.push({
      ...issueAt(origin, id),
      field: origin.pointer || '/',
      reason: 'cannot tell which HSDS record this is; name the file after its kind (for example taxonomy_term_list.json)',
    });
    return;
  }
  out.items.push({ type: 'document', kind, value, origin });
}

const kindsByFileName: DocumentKind[] = ['service_at_location', 'taxonomy_term', 'taxonomy', 'organization', 'service', 'location'];

/**
 * Tells an HSDS document's kind from fields only that kind has (a service always has `status`, a
 * location `location_type`); a bare `{id, name, description}` fits three kinds, so the file name
 * decides (`taxonomy_list.json`).
 */
export function detectDocumentKind(value: Record<string, unknown>, fileName: string): DocumentKind | undefined {
  const has = (...fields: string[]): boolean => fields.some((f) => f in value);
  if (has('status', 'service_at_locations', 'service_areas', 'cost_options', 'required_documents', 'eligibility_description', 'program', 'organization')) {
    return 'service';
  }
  if (has('location_type', 'addresses', 'accessibility', 'latitude', 'longitude')) return 'location';
  if (has('service', 'location', 'service_id', 'location_id')) return 'service_at_location';
  if (has('website', 'tax_status', 'tax_id', 'year_incorporated', 'legal_status', 'logo', 'parent_organization_id', 'services', 'locations', 'programs', 'organization_identifiers', 'funding')) {
    return 'organization';
  }
  if (has('code', 'parent_id', 'taxonomy', 'taxonomy_detail', 'taxonomy_id', 'term_uri', 'language')) return 'taxonomy_term';
  if (has('version')) return 'taxonomy';
  const base = fileName.split('/').pop() ?? fileName;
  return kindsByFileName.find((kind) => base.startsWith(kind));
}

/** Validates every item and adds the rows of valid ones to the collector. */
export function collectJsonItems(items: JsonItem[], validator: HsdsValidator, spec: HsdsSpec, ctx: ParseContext): void {
  for (const item of items) {
    ctx.tick();
    if (item.type === 'row') {
      const row = typeTabularRow(item.value, spec.schemas[item.table].properties);
      ctx.keepKnownFields(item.table, row, item.origin.file);
      const issues = ctx.validateRow(item.table, row);
      const id = typeof row.id === 'string' ? row.id : undefined;
      for (const issue of issues) ctx.errors.push({ ...issueAt(item.origin, id, item.table), field: `${item.origin.pointer}${issue.field}`, reason: issue.reason });
      if (issues.length === 0) ctx.errors.push(...ctx.collector.add(item.table, row as HsdsRow, item.origin));
      continue;
    }
    const issues = validator.validateDocument(item.kind, item.value);
    if (issues.length > 0) {
      for (const issue of issues) {
        const located = locateRecord(item.kind, item.value, issue.field);
        ctx.errors.push({ ...issueAt(item.origin, located.id, located.table), field: `${item.origin.pointer}${issue.field}`, reason: issue.reason });
      }
      continue;
    }
    flattenDocument(item.kind, item.value, item.origin, {}, ctx);
  }
}

// Fills a nested child's link to its parent: `strict` columns must agree with what the child
// says; `defaults` only fill a gap (the official examples put placeholder text in link_entity).
interface Fill {
  strict?: Record<string, string>;
  defaults?: Record<string, string>;
}

function flattenDocument(table: HsdsTable, value: Record<string, unknown>, origin: RowOrigin, fill: Fill, ctx: ParseContext): void {
  const row = pickScalars(value, listNestedProperties(table));
  ctx.keepKnownFields(table, row, origin.file);
  const id = value.id as string;
  const pointer = origin.pointer ?? '';
  for (const [column, parentId] of Object.entries(fill.strict ?? {})) {
    if (row[column] === undefined) row[column] = parentId;
    else if (row[column] !== parentId) {
      ctx.errors.push({ ...issueAt(origin, id, table), field: `${pointer}/${column}`, reason: `must be ${parentId}, the record it is nested in` });
    }
  }
  for (const [column, v] of Object.entries(fill.defaults ?? {})) row[column] ??= v;

  for (const nested of nestedObjects[table] ?? []) {
    const child = value[nested.property];
    if (!isObject(child)) continue;
    if (row[nested.column] === undefined) row[nested.column] = child.id as string;
    else if (row[nested.column] !== child.id) {
      ctx.errors.push({ ...issueAt(origin, id, table), field: `${pointer}/${nested.column}`, reason: `must match ${nested.property}.id (${String(child.id)})` });
    }
    // A program nested in a service belongs to the service's organization.
    const defaults: Record<string, string> =
      nested.table === 'program' && typeof row.organization_id === 'string' ? { organization_id: row.organization_id } : {};
    flattenDocument(nested.table, child, { ...origin, pointer: `${pointer}/${nested.property}` }, { defaults }, ctx);
  }
  for (const children of childArrays[table]) {
    const list = value[children.property];
    if (!Array.isArray(list)) continue;
    const childFill: Fill =
      children.link.kind === 'column'
        ? { strict: { [children.link.column]: id } }
        : { strict: { [children.link.idColumn]: id }, defaults: { [children.link.tableColumn]: table } };
    list.forEach((child, i) => {
      if (isObject(child)) flattenDocument(children.table, child, { ...origin, pointer: `${pointer}/${children.property}/${i}` }, childFill, ctx);
    });
  }
  const issues = ctx.validateRow(table, row);
  for (const issue of issues) ctx.errors.push({ ...issueAt(origin, id, table), field: `${pointer}${issue.field}`, reason: issue.reason });
  if (issues.length === 0) ctx.errors.push(...ctx.collector.add(table, row as HsdsRow, origin));
}

// Walks the document along the issue's pointer to name the innermost record with an id.
function locateRecord(kind: DocumentKind, value: unknown, pointer: string): { id?: string; table?: HsdsTable } {
  let node = value;
  let table: HsdsTable = kind;
  let found: { id?: string; table?: HsdsTable } = isObject(value) && typeof value.id === 'string' ? { id: value.id, table } : {};
  const segments = pointer.split('/').slice(1).map(unescapePointer);
  for (const segment of segments) {
    if (!isObject(node) && !Array.isArray(node)) break;
    const next: unknown = Array.isArray(node) ? node[Number(segment)] : node[segment];
    if (isObject(node) && !Array.isArray(node)) table = childTable(table, segment) ?? table;
    node = next;
    if (isObject(node) && typeof node.id === 'string') found = { id: node.id, table };
  }
  return found;
}

function childTable(table: HsdsTable, property: string): HsdsTable | undefined {
  const child = childArrays[table].find((c) => c.property === property) ?? nestedObjects[table]?.find((o) => o.property === property);
  return child && isHsdsTable(child.table) ? child.table : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');
