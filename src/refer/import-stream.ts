/**
 * @module Streaming import, for directories too large to hold in memory (a million services):
 * the tabular datapackage (folder or zip) is read table by table, parents first, and NDJSON line
 * by line. Every row is validated as `parseImport` does; valid rows come out in batches, and every
 * issue comes back in the summary at the end. All-or-nothing is then the caller's transaction:
 * write the batches, and commit only if the summary is ok.
 *
 * Differences from `parseImport`: an id repeated within one CSV table is still an error, but in
 * NDJSON the same record (an organization nested in each of its services) is merged only within
 * a batch, so the store must upsert, and two disagreeing copies in different batches go unnoticed.
 * Other JSON files are parsed whole, as `parseImport` does.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { unzipSync } from 'fflate';
import { hsdsTables, type HsdsRow, type HsdsTable } from './hsds-tables.ts';
import { loadHsdsSpec, type HsdsSpec } from './hsds-spec.ts';
import { createHsdsValidator, type HsdsValidator } from './hsds-validate.ts';
import { createFieldFilter, issueAt, type ImportIssue, type ParseContext, type RowCollector } from './import-records.ts';
import { collectJsonItems, readJsonItems } from './import-json.ts';
import { collectTabularItems, createCsvRowReader, csvOptions, describeCsvFailure, readResources, type ParsedCsvRecord } from './import-tabular.ts';
import { parseImport, type ImportProgress } from './import-parse.ts';

/** Valid rows of one table. */
export interface ImportBatch {
  table: HsdsTable;
  rows: HsdsRow[];
}

/** The end of a streamed import: ok only if no error was found anywhere. */
export interface ImportSummary {
  ok: boolean;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Rows yielded per table (0 for every table once an error was found). */
  rows: Record<HsdsTable, number>;
}

export interface StreamImportOptions {
  /** Rows per batch (default 5,000). */
  batchSize?: number;
  /** Bytes read out of the total, for a progress bar. */
  onProgress?: (progress: ImportProgress) => void;
  /** Stop after this many errors (default 10,000): a wholly wrong file need not list them all. */
  maxErrors?: number;
  /**
   * Check that no id repeats within a CSV table (default true). The check keeps the ids of the
   * table being read, about 80 bytes each (250 MB for the 3 million attributes of a million
   * services); a store that inserts with a primary key, without upsert, finds repeats itself.
   */
  checkDuplicates?: boolean;
  spec?: HsdsSpec;
  validator?: HsdsValidator;
}

/** Tables in an order where each row's parents come first, for stores that check foreign keys. */
export const loadOrder: readonly HsdsTable[] = [
  'taxonomy', 'taxonomy_term', 'organization', 'organization_identifier', 'program', 'service', 'location',
  'service_at_location', 'contact', 'phone', 'address', 'schedule', 'funding', 'service_area', 'required_document',
  'language', 'accessibility', 'cost_option', 'meta_table_description', 'attribute', 'metadata',
];

/** Reads an import path in a stream, yielding valid rows in batches and returning the summary. */
export async function* streamImport(path: string, options: StreamImportOptions = {}): AsyncGenerator<ImportBatch, ImportSummary, void> {
  const spec = options.spec ?? loadHsdsSpec();
  const validator = options.validator ?? createHsdsValidator(spec);
  const run = createRun(spec, validator, options);
  const info = await stat(path).catch(() => undefined);
  const name = basename(path);
  if (!info) {
    run.errors.push({ file: name, reason: 'not found' });
  } else if (/\.(ndjson|jsonl)$/i.test(name) && info.isFile()) {
    yield* streamNdjson(path, info.size, run);
  } else {
    const files = info.isDirectory() ? await openFolder(path) : /\.zip$/i.test(name) ? await openZip(path, run) : undefined;
    if (files && (await files.has('datapackage.json'))) yield* streamTabular(files, run);
    else if (run.errors.length === 0) yield* streamParsed(path, run);
  }
  return { ok: run.errors.length === 0, errors: run.errors, warnings: run.warnings, rows: run.rows };
}

interface Run extends ParseContext {
  spec: HsdsSpec;
  validator: HsdsValidator;
  rows: Record<HsdsTable, number>;
  batches: Map<HsdsTable, HsdsRow[]>;
  /** Ids of the CSV table being read, for duplicate checks (dropped when the table ends). */
  seen: Map<HsdsTable, Set<string>>;
  /** JSON rows in the current batches by id, to merge repeated copies (emptied with the batches). */
  waiting: Map<HsdsTable, Map<string, HsdsRow>>;
  duplicates: 'error' | 'merge';
  progress(done: number, total: number): void;
  full(): boolean;
  tooMany(): boolean;
  drain(all: boolean): ImportBatch[];
}

function createRun(spec: HsdsSpec, validator: HsdsValidator, options: StreamImportOptions): Run {
  const batchSize = options.batchSize ?? 5000;
  const maxErrors = options.maxErrors ?? 10_000;
  const batches = new Map<HsdsTable, HsdsRow[]>();
  const warnings: ImportIssue[] = [];
  const run: Run = {
    spec,
    validator,
    // Replaced just below: the collector writes into this run's batches.
    collector: undefined as unknown as RowCollector,
    errors: [],
    warnings,
    rows: Object.fromEntries(hsdsTables.map((t) => [t, 0])) as Record<HsdsTable, number>,
    batches,
    seen: new Map(),
    waiting: new Map(),
    duplicates: 'error',
    validateRow: (table: HsdsTable, row: unknown) => validator.validateRow(table, row),
    keepKnownFields: createFieldFilter(spec, warnings),
    tick: () => {},
    progress: (done: number, total: number) => options.onProgress?.({ done, total, unit: 'bytes' }),
    full: () => {
      for (const rows of batches.values()) if (rows.length >= batchSize) return true;
      return false;
    },
    tooMany: () => run.errors.length >= maxErrors,
    drain: (all: boolean): ImportBatch[] => {
      const out: ImportBatch[] = [];
      for (const table of loadOrder) {
        const rows = batches.get(table);
        if (!rows || rows.length === 0 || (!all && rows.length < batchSize)) continue;
        batches.set(table, []);
        // Once an error is found nothing more is handed out: the import will not be committed.
        if (run.errors.length > 0) continue;
        run.rows[table] += rows.length;
        out.push({ table, rows });
      }
      return out;
    },
  };
  run.collector = createBatchCollector(run, options.checkDuplicates ?? true);
  return run;
}

// Keeps only the current batches. In a CSV table each id is checked against the ids of that
// table so far; a JSON copy is merged into a copy still waiting in its batch.
function createBatchCollector(run: Run, checkDuplicates: boolean): RowCollector {
  return {
    add(table, row, origin) {
      let batch = run.batches.get(table);
      if (!batch) run.batches.set(table, (batch = []));
      if (run.duplicates === 'merge') {
        let waiting = run.waiting.get(table);
        if (!waiting) run.waiting.set(table, (waiting = new Map()));
        const copy = waiting.get(row.id);
        if (copy) {
          for (const [field, value] of Object.entries(row)) copy[field] ??= value;
          return [];
        }
        waiting.set(row.id, row);
      } else if (checkDuplicates) {
        let ids = run.seen.get(table);
        if (!ids) run.seen.set(table, (ids = new Set()));
        if (ids.has(row.id)) return [{ ...issueAt(origin, row.id, table), field: 'id', reason: 'duplicate id: already used earlier in this file' }];
        ids.add(row.id);
      }
      batch.push(row);
      return [];
    },
    records: () => {
      throw new Error('a streamed import hands rows out in batches');
    },
    count: () => 0,
  };
}

interface TabularFiles {
  has(name: string): Promise<boolean>;
  read(name: string): Promise<Uint8Array | undefined>;
  chunks(name: string): AsyncIterable<Uint8Array>;
  size(name: string): Promise<number>;
}

async function openFolder(dir: string): Promise<TabularFiles> {
  const size = async (name: string): Promise<number> => (await stat(join(dir, name)).catch(() => undefined))?.size ?? -1;
  return {
    has: async (name) => (await size(name)) >= 0,
    read: (name) => readFile(join(dir, name)).catch(() => undefined),
    chunks: (name) => createReadStream(join(dir, name), { highWaterMark: 1 << 20 }),
    size,
  };
}

async function openZip(path: string, run: Run): Promise<TabularFiles | undefined> {
  const bytes = await readFile(path);
  const sizes = new Map<string, number>();
  try {
    unzipSync(bytes, { filter: (file) => (sizes.set(file.name, file.originalSize), false) });
  } catch (error) {
    run.errors.push({ file: basename(path), reason: `not a readable zip archive: ${(error as Error).message}` });
    return undefined;
  }
  const descriptor = [...sizes.keys()].filter((f) => f === 'datapackage.json' || f.endsWith('/datapackage.json')).sort((a, b) => a.length - b.length)[0];
  const prefix = descriptor ? descriptor.slice(0, -'datapackage.json'.length) : '';
  // One entry at a time is inflated, so the largest table bounds memory, not the archive.
  const read = async (name: string): Promise<Uint8Array | undefined> => unzipSync(bytes, { filter: (file) => file.name === prefix + name })[prefix + name];
  return {
    has: async (name) => sizes.has(prefix + name),
    read,
    chunks: async function* chunks(name) {
      const content = await read(name);
      if (content) yield content;
    },
    size: async (name) => sizes.get(prefix + name) ?? -1,
  };
}

async function* streamTabular(files: TabularFiles, run: Run): AsyncGenerator<ImportBatch> {
  const resources = readResources((await files.read('datapackage.json')) as Uint8Array, run);
  const byTable = new Map(resources.map((r) => [r.name, r.path]));
  for (const r of resources) {
    if (!loadOrder.includes(r.name as HsdsTable)) run.warnings.push({ file: 'datapackage.json', reason: `resource ${r.name} is not an HSDS table; skipped` });
  }
  const present = loadOrder.flatMap((table) => {
    const file = byTable.get(table);
    return file === undefined ? [] : [[table, file] as const];
  });
  let total = 0;
  for (const [, file] of present) total += Math.max(0, await files.size(file));
  let done = 0;
  for (const [table, file] of present) {
    if (run.tooMany()) break;
    if (!(await files.has(file))) {
      run.warnings.push({ file, table, reason: 'listed in datapackage.json but absent; the table is empty' });
      continue;
    }
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of files.chunks(file)) {
        done += chunk.length;
        run.progress(done, total);
        yield chunk;
      }
    }
    const readRecord = createCsvRowReader(table, file, run.spec, run);
    try {
      for await (const record of Readable.from(counted()).pipe(parse(csvOptions)) as AsyncIterable<ParsedCsvRecord>) {
        const item = readRecord(record);
        if (item) collectTabularItems([item], run.spec, run);
        if (run.full()) yield* run.drain(false);
        if (run.tooMany()) break;
      }
    } catch (error) {
      run.errors.push(describeCsvFailure(table, file, error));
    }
    yield* run.drain(true);
    run.seen.delete(table);
  }
  if (run.tooMany()) run.errors.push({ file: 'datapackage.json', reason: `stopped after ${run.errors.length} errors` });
}

async function* streamNdjson(path: string, size: number, run: Run): AsyncGenerator<ImportBatch> {
  run.duplicates = 'merge';
  const name = basename(path);
  const tableOfFile = (csvName: string): HsdsTable | undefined => hsdsTables.find((t) => run.spec.files[t] === csvName);
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  let line = 0;
  let done = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    done += Buffer.byteLength(text) + 1;
    if (text.trim() === '') continue;
    const read = readJsonItems({ name, text }, tableOfFile, line - 1);
    run.errors.push(...read.errors);
    run.warnings.push(...read.warnings);
    collectJsonItems(read.items, run.validator, run.spec, run);
    if (line % 1000 === 0) run.progress(done, size);
    if (run.full()) {
      yield* run.drain(true);
      run.waiting.clear();
    }
    if (run.tooMany()) {
      run.errors.push({ file: name, row: line, reason: `stopped after ${run.errors.length} errors` });
      break;
    }
  }
  run.progress(done, size);
  yield* run.drain(true);
}

async function* streamParsed(path: string, run: Run): AsyncGenerator<ImportBatch> {
  const result = await parseImport(path, { spec: run.spec, validator: run.validator });
  run.warnings.push(...result.warnings);
  if (!result.ok) {
    run.errors.push(...result.errors);
    return;
  }
  for (const table of loadOrder) {
    const rows = result.records[table];
    for (let start = 0; start < rows.length; start += 5000) {
      const batch = rows.slice(start, start + 5000);
      run.rows[table] += batch.length;
      yield { table, rows: batch };
    }
  }
}
