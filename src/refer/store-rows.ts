/**
 * @module The directory's HSDS rows in `refer_row`: write (upsert in batches), read a service's
 * related rows, read everything. Every query goes through an `OrgScope`, so an organization only
 * ever sees and changes its own directory.
 */
import type { Insertable } from 'kysely';
import type { OrgScope } from '../platform/db/scope.ts';
import { emptyDirectory, hsdsTables, isHsdsTable, type DirectoryRecords, type HsdsRow, type HsdsTable } from './hsds-tables.ts';
import type { ReferRowTable } from './tables.ts';
import { compareIds } from './import-records.ts';
import './tables.ts';

/** Rows per INSERT: 8 columns each keeps a statement under SQLite's 32,766 bound parameters. */
const writeBatch = 2000;
/** Ids per `in (…)` list. */
const readBatch = 1000;

const linkColumns = ['link_id', 'resource_id', 'service_at_location_id', 'contact_id', 'phone_id', 'taxonomy_id'];

/** The stored form of one HSDS row, with the parent columns reads gather children by. */
export function toStoredRow(table: HsdsTable, row: HsdsRow): Omit<Insertable<ReferRowTable>, 'organization_id'> {
  let link: string | null = null;
  for (const column of linkColumns) if ((link = textOrNull(row[column])) !== null) break;
  return {
    hsds_table: table,
    id: row.id,
    data: JSON.stringify(row),
    ref_service: textOrNull(row.service_id),
    ref_location: textOrNull(row.location_id),
    ref_owner: textOrNull(row.organization_id),
    ref_link: link,
  };
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Runs a write to the organization's directory (an import, a listing saved or deleted) in one
 * transaction, after any other write to it has ended: these read, then delete and rewrite rows,
 * and two at once would collide on the same ids or leave a listing twice in search.
 */
export function writeDirectory<R>(scope: OrgScope, work: (tx: OrgScope) => Promise<R>): Promise<R> {
  return scope.transaction(async (tx) => {
    await tx.lock('directory');
    return work(tx);
  });
}

/** Inserts or replaces rows of one table (same ids update in place). Call inside `writeDirectory`. */
export async function writeRows(scope: OrgScope, table: HsdsTable, rows: HsdsRow[], options: { replace: boolean } = { replace: true }): Promise<void> {
  for (let start = 0; start < rows.length; start += writeBatch) {
    const batch = rows.slice(start, start + writeBatch);
    // Delete-then-insert is an upsert both dialects run the same way through the scope.
    if (options.replace) await scope.deleteFrom('refer_row').where('hsds_table', '=', table).where('id', 'in', batch.map((r) => r.id)).execute();
    await scope.insert('refer_row', batch.map((row) => toStoredRow(table, row)));
  }
}

/** Deletes rows by table and id. */
export async function deleteRows(scope: OrgScope, table: HsdsTable, ids: string[]): Promise<void> {
  for (const batch of chunks(ids, readBatch)) {
    await scope.deleteFrom('refer_row').where('hsds_table', '=', table).where('id', 'in', batch).execute();
  }
}

/** Every row of the organization's directory, each table sorted by id. */
export async function readDirectory(scope: OrgScope): Promise<DirectoryRecords> {
  const rows = await scope.selectFrom('refer_row').select(['hsds_table', 'data']).execute();
  const records = toRecords(rows);
  // Sorted here, not in SQL: PostgreSQL's collation would order ids differently from SQLite's.
  for (const table of hsdsTables) records[table].sort(compareIds);
  return records;
}

/** Rows of some tables by id. */
export async function readRowsById(scope: OrgScope, table: HsdsTable, ids: Iterable<string>): Promise<HsdsRow[]> {
  const out: HsdsRow[] = [];
  for (const batch of chunks([...new Set(ids)], readBatch)) {
    const rows = await scope.selectFrom('refer_row').select('data').where('hsds_table', '=', table).where('id', 'in', batch).execute();
    for (const r of rows) out.push(JSON.parse(r.data) as HsdsRow);
  }
  return out;
}

/**
 * Gathers everything needed to build the documents and search rows of some services: the
 * services, their children, locations and what hangs from those, their organizations, programs,
 * taxonomy terms and taxonomies; with `documents`, also what hangs from those organizations, as
 * compiled documents nest it. Other services at the same locations come along (their flags
 * decide whether a shared location is confidential).
 */
export async function readServiceRecords(scope: OrgScope, serviceIds: Iterable<string>, options: { documents?: boolean } = {}): Promise<DirectoryRecords> {
  const found = new Map<string, { table: HsdsTable; row: HsdsRow }>();
  const add = (rows: { hsds_table: string; data: string }[]): string[] => {
    const fresh: string[] = [];
    for (const r of rows) {
      if (!isHsdsTable(r.hsds_table)) continue;
      const row = JSON.parse(r.data) as HsdsRow;
      const key = `${r.hsds_table}/${row.id}`;
      if (found.has(key)) continue;
      found.set(key, { table: r.hsds_table, row });
      fresh.push(row.id);
    }
    return fresh;
  };
  const byColumn = async (column: 'id' | 'ref_service' | 'ref_location' | 'ref_link' | 'ref_owner', ids: string[], table?: HsdsTable, except?: HsdsTable): Promise<string[]> => {
    const fresh: string[] = [];
    for (const batch of chunks([...new Set(ids)], readBatch)) {
      let query = scope.selectFrom('refer_row').select(['hsds_table', 'data']).where(column, 'in', batch);
      if (table) query = query.where('hsds_table', '=', table);
      if (except) query = query.where('hsds_table', '<>', except);
      fresh.push(...add(await query.execute()));
    }
    return fresh;
  };
  const services = [...new Set(serviceIds)];
  await byColumn('id', services, 'service');
  await byColumn('ref_service', services);
  const rowsOf = (table: HsdsTable): HsdsRow[] => [...found.values()].filter((f) => f.table === table).map((f) => f.row);
  const column = (table: HsdsTable, name: string): string[] => rowsOf(table).map((r) => r[name]).filter((v): v is string => typeof v === 'string');
  await byColumn('id', column('service', 'organization_id'), 'organization');
  await byColumn('id', column('service', 'program_id'), 'program');
  // A document nests its organization whole (locations, phones, identifiers…), its services aside.
  if (options.documents) await byColumn('ref_owner', column('service', 'organization_id'), undefined, 'service');
  const locations = [...column('service_at_location', 'location_id'), ...rowsOf('location').map((l) => l.id)];
  await byColumn('id', locations, 'location');
  await byColumn('ref_location', locations);
  // Everything found so far (a contact's phones, a phone's languages hang by link), plus other
  // services at these locations, whose flags decide whether a shared location is confidential.
  let frontier = [...[...found.values()].map((f) => f.row.id), ...column('service_at_location', 'service_id')];
  for (let round = 0; round < 4 && frontier.length > 0; round += 1) {
    frontier = await byColumn('ref_link', frontier);
  }
  await byColumn('id', column('location', 'organization_id'), 'organization');
  let terms = column('attribute', 'taxonomy_term_id');
  for (let depth = 0; depth < 10 && terms.length > 0; depth += 1) {
    await byColumn('id', terms, 'taxonomy_term');
    const known = new Set(rowsOf('taxonomy_term').map((t) => t.id));
    terms = column('taxonomy_term', 'parent_id').filter((id) => !known.has(id));
  }
  await byColumn('id', column('taxonomy_term', 'taxonomy_id'), 'taxonomy');
  const records = emptyDirectory();
  for (const { table, row } of found.values()) records[table].push(row);
  for (const table of hsdsTables) records[table].sort(compareIds);
  return records;
}

function toRecords(rows: { hsds_table: string; data: string }[]): DirectoryRecords {
  const records = emptyDirectory();
  for (const r of rows) if (isHsdsTable(r.hsds_table)) records[r.hsds_table].push(JSON.parse(r.data) as HsdsRow);
  return records;
}

/** Splits a list into slices of at most `size`. */
export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
  return out;
}
