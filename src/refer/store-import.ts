/**
 * @module Writes a directory into the store: an import is all-or-nothing (one transaction), the
 * same ids update in place, and the search table is rebuilt for every service the import touched.
 */
import type { OrgScope } from '../platform/db/scope.ts';
import type { DirectoryRecords, HsdsTable } from './hsds-tables.ts';
import { loadOrder } from './import-stream.ts';
import { chunks, readServiceRecords, writeDirectory, writeRows } from './store-rows.ts';
import { buildSearchRows } from './search-rows.ts';

/** Rows per search-table INSERT (21 columns each). */
const searchWriteBatch = 1000;
/** Services whose search rows are rebuilt together. */
const rebuildBatch = 500;

/** What an import wrote. */
export interface ImportedCounts {
  rows: Partial<Record<HsdsTable, number>>;
  /** Services whose search rows were rebuilt. */
  services: number;
}

export interface ImportDirectoryOptions {
  /** Rows written out of all rows, then services indexed out of all services. */
  onProgress?: (progress: { phase: 'rows' | 'search'; done: number; total: number }) => void;
}

/** Imports parsed records in one transaction (nothing lands if anything fails); audited. */
export async function importDirectory(scope: OrgScope, records: DirectoryRecords, options: ImportDirectoryOptions = {}): Promise<ImportedCounts> {
  return writeDirectory(scope, async (tx) => {
    // Into an empty directory (the bulk case), nothing can be replaced and every service's rows
    // are all in this import: skip the upsert's delete and build search rows from memory.
    const fresh = (await tx.selectFrom('refer_row').select('id').limit(1).execute()).length === 0;
    const total = loadOrder.reduce((sum, table) => sum + records[table].length, 0);
    let done = 0;
    const rows: Partial<Record<HsdsTable, number>> = {};
    for (const table of loadOrder) {
      if (records[table].length === 0) continue;
      await writeRows(tx, table, records[table], { replace: !fresh });
      rows[table] = records[table].length;
      done += records[table].length;
      options.onProgress?.({ phase: 'rows', done, total });
    }
    if (!fresh) await tx.refreshPlannerStatistics('refer_row');
    const services = fresh ? records.service.map((s) => s.id) : await findAffectedServices(tx, records);
    if (fresh) await insertSearchRows(tx, records, options);
    else await rebuildSearch(tx, services, options);
    await tx.refreshPlannerStatistics('refer_search');
    await tx.audit({ action: 'import', resourceType: 'directory', resourceId: null, purpose: 'operations' });
    return { rows, services: services.length };
  });
}

/**
 * Services whose search rows an import changes: the imported services, those its rows hang from,
 * those at its locations and those of its organizations.
 */
export async function findAffectedServices(scope: OrgScope, records: DirectoryRecords): Promise<string[]> {
  const ids = new Set(records.service.map((s) => s.id));
  for (const table of loadOrder) {
    for (const row of records[table]) {
      if (typeof row.service_id === 'string') ids.add(row.service_id);
      if (table === 'attribute' && row.link_entity === 'service') ids.add(String(row.link_id));
    }
  }
  const locations = new Set([...records.location.map((l) => l.id), ...records.address.map((a) => String(a.location_id))]);
  for (const attribute of records.attribute) {
    if (attribute.link_entity === 'location') locations.add(String(attribute.link_id));
  }
  for (const batch of chunks([...locations], 1000)) {
    const links = await scope.selectFrom('refer_row').select('ref_service').where('hsds_table', '=', 'service_at_location').where('ref_location', 'in', batch).execute();
    for (const l of links) if (l.ref_service) ids.add(l.ref_service);
  }
  for (const batch of chunks(records.organization.map((o) => o.id), 1000)) {
    const owned = await scope.selectFrom('refer_row').select('id').where('hsds_table', '=', 'service').where('ref_owner', 'in', batch).execute();
    for (const s of owned) ids.add(s.id);
  }
  return [...ids];
}

// Search rows straight from the imported records, a slice of services at a time.
async function insertSearchRows(scope: OrgScope, records: DirectoryRecords, options: ImportDirectoryOptions): Promise<void> {
  const rows = buildSearchRows(records);
  for (let start = 0; start < rows.length; start += searchWriteBatch) {
    await scope.insert('refer_search', rows.slice(start, start + searchWriteBatch));
    options.onProgress?.({ phase: 'search', done: Math.min(start + searchWriteBatch, rows.length), total: rows.length });
  }
}

/** Replaces the search rows of some services from their stored HSDS rows (gone services lose theirs). */
export async function rebuildSearch(scope: OrgScope, serviceIds: string[], options: ImportDirectoryOptions = {}): Promise<void> {
  let done = 0;
  for (const batch of chunks(serviceIds, rebuildBatch)) {
    await scope.deleteFrom('refer_search').where('service_id', 'in', batch).execute();
    const records = await readServiceRecords(scope, batch);
    const rows = buildSearchRows(records, batch);
    for (const slice of chunks(rows, searchWriteBatch)) await scope.insert('refer_search', slice);
    done += batch.length;
    options.onProgress?.({ phase: 'search', done, total: serviceIds.length });
  }
}
