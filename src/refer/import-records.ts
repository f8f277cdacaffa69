/**
 * @module What an import collects: flat rows keyed by table and id, and the issues found on the way.
 * The same record may arrive more than once (an organization nested in each of its services);
 * copies merge field by field, and two copies that disagree on a field are an error, never a guess.
 */
import { emptyDirectory, hsdsTables, type DirectoryRecords, type HsdsRow, type HsdsTable } from './hsds-tables.ts';
import type { HsdsSpec } from './hsds-spec.ts';

/** One problem with an import: the file, the CSV line or record id, the field and the reason. */
export interface ImportIssue {
  file: string;
  /** 1-based line of the CSV file (or of the NDJSON file) where the record starts. */
  row?: number;
  /** Id of the record at fault (the innermost record with an id, for nested JSON). */
  recordId?: string;
  table?: HsdsTable;
  /** JSON pointer from the file's root (JSON) or the column name (CSV). */
  field?: string;
  reason: string;
}

/** Where a row came from, to name it in an issue. */
export interface RowOrigin {
  file: string;
  row?: number;
  /** JSON pointer of the record inside its file. */
  pointer?: string;
}

/** Collects rows, merging copies of one record; `add` returns the conflicts it found. */
export interface RowCollector {
  add(table: HsdsTable, row: HsdsRow, origin: RowOrigin): ImportIssue[];
  /** Rows so far, each table sorted by id. */
  records(): DirectoryRecords;
  count(): number;
}

/**
 * Creates a collector. `duplicates: 'error'` suits a CSV table (an id appears once); `'merge'`
 * suits nested JSON, where the same organization or taxonomy term is repeated in many documents.
 */
export function createRowCollector(duplicates: 'merge' | 'error'): RowCollector {
  const tables = new Map<HsdsTable, Map<string, { row: HsdsRow; origin: RowOrigin }>>();
  let total = 0;
  return {
    add(table, row, origin) {
      let rows = tables.get(table);
      if (!rows) {
        rows = new Map();
        tables.set(table, rows);
      }
      const first = rows.get(row.id);
      if (!first) {
        rows.set(row.id, { row: { ...row }, origin });
        total += 1;
        return [];
      }
      if (duplicates === 'error') {
        return [{ ...issueAt(origin, row.id, table), field: 'id', reason: `duplicate id: already used ${describeOrigin(first.origin)}` }];
      }
      return mergeRow(table, first, row, origin);
    },
    records() {
      const out = emptyDirectory();
      for (const table of hsdsTables) {
        const rows = tables.get(table);
        if (rows) out[table] = [...rows.values()].map((r) => r.row).sort(compareIds);
      }
      return out;
    },
    count: () => total,
  };
}

function mergeRow(
  table: HsdsTable,
  first: { row: HsdsRow; origin: RowOrigin },
  row: HsdsRow,
  origin: RowOrigin,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const [field, value] of Object.entries(row)) {
    const known = first.row[field];
    if (known === undefined) first.row[field] = value;
    else if (known !== value) {
      issues.push({
        ...issueAt(origin, row.id, table),
        field: origin.pointer === undefined ? field : `${origin.pointer}/${field}`,
        reason: `conflicts with another copy of ${table} ${row.id} ${describeOrigin(first.origin)} (${JSON.stringify(known)} there)`,
      });
    }
  }
  return issues;
}

/** The file/row/record part of an issue about a row from `origin`. */
export function issueAt(origin: RowOrigin, recordId: string | undefined, table?: HsdsTable): ImportIssue {
  const issue: ImportIssue = { file: origin.file, reason: '' };
  if (origin.row !== undefined) issue.row = origin.row;
  if (recordId !== undefined) issue.recordId = recordId;
  if (table !== undefined) issue.table = table;
  return issue;
}

function describeOrigin(origin: RowOrigin): string {
  if (origin.row !== undefined) return `in ${origin.file} line ${origin.row}`;
  return `in ${origin.file} at ${origin.pointer || '/'}`;
}

/** Orders rows by id with a plain code-unit comparison, the same on every machine. */
export function compareIds(a: HsdsRow, b: HsdsRow): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Formats an issue as one line for a terminal: `services.csv line 3, service abc, name: is required`. */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.row !== undefined ? `${issue.file} line ${issue.row}` : issue.file];
  if (issue.recordId) where.push(`${issue.table ?? 'record'} ${issue.recordId}`);
  if (issue.field) where.push(issue.field);
  return `${where.join(', ')}: ${issue.reason}`;
}

/** What the JSON and tabular readers share while they parse one import. */
export interface ParseContext {
  validateRow(table: HsdsTable, row: unknown): { field: string; reason: string }[];
  /** Drops fields the table's schema does not define (warned once per table and field). */
  keepKnownFields(table: HsdsTable, row: Record<string, unknown>, file: string): void;
  collector: RowCollector;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Counts one more record read, for the progress callback. */
  tick(): void;
}

/** Copies a record's scalar fields, leaving out nested ones and empty strings (an empty CSV cell). */
export function pickScalars(value: Record<string, unknown>, nested: Set<string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(value)) {
    if (nested.has(field) || v === '' || v === undefined) continue;
    row[field] = v;
  }
  return row;
}

/** `ParseContext.keepKnownFields` for a spec: drops fields its schemas lack, warning once per field. */
export function createFieldFilter(spec: HsdsSpec, warnings: ImportIssue[]): ParseContext['keepKnownFields'] {
  const warned = new Set<string>();
  return (table, row, file) => {
    for (const field of Object.keys(row)) {
      if (field in spec.schemas[table].properties) continue;
      delete row[field];
      if (warned.has(`${table}.${field}`)) continue;
      warned.add(`${table}.${field}`);
      warnings.push({ file, table, field, reason: `not an HSDS ${table} field; ignored` });
    }
  };
}
