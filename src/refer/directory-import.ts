/**
 * @module Imports a path (HSDS JSON, NDJSON, tabular folder or zip) into an organization's
 * directory: parse and validate everything first, then write it all in one transaction. On any
 * error nothing is written, and every error names the file, the row or record id, the field and
 * the reason.
 */
import type { OrgScope } from '../platform/db/scope.ts';
import { parseImport, type ImportProgress } from './import-parse.ts';
import type { ImportIssue } from './import-records.ts';
import { stat } from 'node:fs/promises';
import { importDirectory, rebuildSearch, type ImportedCounts } from './store-import.ts';
import { streamImport, type ImportSummary } from './import-stream.ts';
import { writeDirectory, writeRows } from './store-rows.ts';

export type DirectoryImportOutcome =
  | { ok: true; counts: ImportedCounts; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

/** Above this size an import streams (validated and written batch by batch) instead of loading whole. */
export const streamingThresholdBytes = 64 * 1024 * 1024;

export interface ImportPathOptions {
  /** Force streaming (true) or whole-file parsing (false); by default, by size. */
  stream?: boolean;
  onProgress?: (progress: { phase: 'validate' | 'rows' | 'search'; done: number; total: number }) => void;
}

/** Validates and imports a path; all-or-nothing. */
export async function importPath(scope: OrgScope, path: string, options: ImportPathOptions = {}): Promise<DirectoryImportOutcome> {
  const size = (await stat(path).catch(() => undefined))?.size ?? 0;
  if (options.stream ?? size > streamingThresholdBytes) return importStreamed(scope, path, options);
  const parsed = await parseImport(path, {
    onProgress: (p: ImportProgress) => options.onProgress?.({ phase: 'validate', done: p.done, total: p.total }),
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: parsed.warnings };
  const counts = await importDirectory(scope, parsed.records, { onProgress: options.onProgress });
  return { ok: true, counts, warnings: parsed.warnings };
}

// Thrown inside the transaction when the stream found errors, so that nothing it wrote stays.
class ImportRejected extends Error {
  constructor(readonly summary: ImportSummary) {
    super('import rejected');
  }
}

/**
 * Streams a large import: every batch is written as soon as it is validated, inside one
 * transaction that is rolled back if any error turns up later. Search rows are then rebuilt from
 * the stored rows.
 */
export async function importStreamed(scope: OrgScope, path: string, options: ImportPathOptions = {}): Promise<DirectoryImportOutcome> {
  try {
    return await writeDirectory(scope, async (tx) => {
      const fresh = (await tx.selectFrom('refer_row').select('id').limit(1).execute()).length === 0;
      const stream = streamImport(path, { onProgress: (p) => options.onProgress?.({ phase: 'validate', done: p.done, total: p.total }) });
      const services = new Set<string>();
      const rows: ImportedCounts['rows'] = {};
      let step = await stream.next();
      while (!step.done) {
        const { table, rows: batch } = step.value;
        await writeRows(tx, table, batch, { replace: !fresh });
        rows[table] = (rows[table] ?? 0) + batch.length;
        for (const row of batch) {
          if (table === 'service') services.add(row.id);
          else if (typeof row.service_id === 'string') services.add(row.service_id);
        }
        step = await stream.next();
      }
      if (!step.value.ok) throw new ImportRejected(step.value);
      await tx.refreshPlannerStatistics('refer_row');
      await rebuildSearch(tx, [...services], { onProgress: options.onProgress });
      await tx.refreshPlannerStatistics('refer_search');
      await tx.audit({ action: 'import', resourceType: 'directory', resourceId: null, purpose: 'operations' });
      return { ok: true as const, counts: { rows, services: services.size }, warnings: step.value.warnings };
    });
  } catch (error) {
    if (error instanceof ImportRejected) return { ok: false, errors: error.summary.errors, warnings: error.summary.warnings };
    throw error;
  }
}
