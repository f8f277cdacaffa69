/**
 * @module Parses an import into normalized directory rows, or into every error found. An import
 * is all-or-nothing (issue #6): the result carries either all records or all errors, so the store
 * writes everything in one transaction or nothing. References to records outside the import are
 * warnings, not errors: a re-import may point at rows already stored, and the official HSDS
 * examples themselves point at ids they do not include.
 */
import { hsdsTables, type DirectoryRecords, type HsdsTable } from './hsds-tables.ts';
import { loadHsdsSpec, type HsdsSpec } from './hsds-spec.ts';
import { createHsdsValidator, type HsdsValidator } from './hsds-validate.ts';
import { collectJsonItems, readJsonItems, type JsonItem } from './import-json.ts';
import { collectTabularItems, readTabularItems, type TabularItem } from './import-tabular.ts';
import { createFieldFilter, createRowCollector, type ImportIssue, type ParseContext } from './import-records.ts';
import { readImportSource, type ImportSource } from './import-source.ts';

/**
 * How far an import has got: records validated out of all records (a nested JSON document counts
 * as one) for `parseImport`, bytes read out of all bytes for the streaming import.
 */
export interface ImportProgress {
  done: number;
  total: number;
  unit: 'records' | 'bytes';
}

export interface ParseImportOptions {
  /** Called as records are validated (at most every 1,000 records, and once at the end). */
  onProgress?: (progress: ImportProgress) => void;
  spec?: HsdsSpec;
  validator?: HsdsValidator;
}

/** The outcome of parsing an import: all its records, or all its errors. */
export type ImportResult =
  | { ok: true; format: ImportSource['format']; records: DirectoryRecords; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

const progressEvery = 1000;

/** Reads and parses an import path (HSDS JSON/NDJSON file, tabular folder or zip). */
export async function parseImport(path: string, options: ParseImportOptions = {}): Promise<ImportResult> {
  const read = await readImportSource(path);
  if (!read.ok) return { ok: false, errors: read.errors, warnings: [] };
  return parseImportSource(read.source, options);
}

/** Parses an import already in memory; validates every record and collects every issue. */
export async function parseImportSource(source: ImportSource, options: ParseImportOptions = {}): Promise<ImportResult> {
  const spec = options.spec ?? loadHsdsSpec();
  const validator = options.validator ?? createHsdsValidator(spec);
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];

  let jsonItems: JsonItem[] = [];
  let tabularItems: TabularItem[] = [];
  if (source.format === 'json') {
    const tableOfFile = (csvName: string): HsdsTable | undefined => hsdsTables.find((t) => spec.files[t] === csvName);
    for (const file of source.files) {
      const read = readJsonItems(file, tableOfFile);
      jsonItems = jsonItems.concat(read.items);
      errors.push(...read.errors);
      warnings.push(...read.warnings);
    }
  } else {
    const read = readTabularItems(source.files, spec);
    tabularItems = read.items;
    errors.push(...read.errors);
    warnings.push(...read.warnings);
  }

  const total = jsonItems.length + tabularItems.length;
  let done = 0;
  const ctx: ParseContext = {
    validateRow: (table, row) => validator.validateRow(table, row),
    keepKnownFields: createFieldFilter(spec, warnings),
    collector: createRowCollector(source.format === 'json' ? 'merge' : 'error'),
    errors,
    warnings,
    tick: () => {
      done += 1;
      if (done % progressEvery === 0) options.onProgress?.({ done, total, unit: 'records' });
    },
  };
  // Validate in slices so a terminal can redraw its progress bar between them.
  for (let start = 0; start < jsonItems.length; start += progressEvery) {
    collectJsonItems(jsonItems.slice(start, start + progressEvery), validator, spec, ctx);
    await yieldToEventLoop();
  }
  for (let start = 0; start < tabularItems.length; start += progressEvery) {
    collectTabularItems(tabularItems.slice(start, start + progressEvery), spec, ctx);
    await yieldToEventLoop();
  }
  options.onProgress?.({ done, total, unit: 'records' });

  if (errors.length > 0) return { ok: false, errors, warnings };
  const records = ctx.collector.records();
  const fileOf = (table: HsdsTable): string =>
    source.format === 'tabular' ? spec.files[table] : source.files.map((f) => f.name).join(', ');
  warnings.push(...findDanglingReferences(records, spec, fileOf));
  return { ok: true, format: source.format, records, warnings };
}

/** Foreign keys (per the datapackage's foreignKeys) that name no record of this import. */
export function findDanglingReferences(
  records: DirectoryRecords,
  spec: HsdsSpec,
  fileOf: (table: HsdsTable) => string = (table) => spec.files[table],
): ImportIssue[] {
  const ids = new Map<HsdsTable, Set<string>>(hsdsTables.map((t) => [t, new Set(records[t].map((r) => r.id))]));
  const issues: ImportIssue[] = [];
  for (const resource of spec.datapackage.resources) {
    const table = resource.name as HsdsTable;
    const keys = (resource.schema as { foreignKeys?: { fields: string; reference: { resource: HsdsTable } }[] }).foreignKeys ?? [];
    for (const row of records[table] ?? []) {
      for (const key of keys) {
        const value = row[key.fields];
        if (typeof value === 'string' && !ids.get(key.reference.resource)?.has(value)) {
          issues.push({
            file: fileOf(table),
            recordId: row.id,
            table,
            field: key.fields,
            reason: `names ${key.reference.resource} ${value}, which this import does not include`,
          });
        }
      }
    }
  }
  return issues;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
