/**
 * @module What tests compare before and after, read from the schema itself so that tables added
 * later are covered: row counts of every table, the rows that belong to an organization, and the
 * ids of its rows that fill the `:id`s of routes.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/index.ts';

/** Every table of the schema with its column names. */
export async function listTables(db: Db): Promise<{ name: string; columns: string[] }[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));
}

/** Row counts of every table, by name. */
export async function countRows(db: Db, except: readonly string[] = []): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db)) {
    if (except.includes(table.name)) continue;
    const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table.name)}`.execute(db);
    counts[table.name] = Number(row.rows[0]!.n);
  }
  return counts;
}

/**
 * Every row, in every table, that mentions one of `ids` in any column (the organization's id, its
 * users' ids…), serialized and sorted: two snapshots are equal when nothing of it changed.
 */
export async function snapshotRows(db: Db, ids: ReadonlySet<string>): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of await listTables(db)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    snapshot[table.name] = rows.rows
      .filter((row) => Object.values(row).some((v) => typeof v === 'string' && ids.has(v)))
      .map((row) => JSON.stringify(row, Object.keys(row).sort()))
      .sort();
  }
  return snapshot;
}

/**
 * The ids of the organization's rows, by table: rows of tables bound to it (`organization_id`),
 * and rows those point at through a `<name>_id` column (its users, through memberships; the
 * organization itself). These fill the `:id`s of routes.
 */
export async function organizationRowIds(db: Db, organizationId: string): Promise<Record<string, string[]>> {
  const tables = await listTables(db);
  const ids: Record<string, Set<string>> = {};
  const add = (table: string, id: unknown): void => { if (typeof id === 'string') (ids[table] ??= new Set()).add(id); };
  for (const table of tables) {
    if (!table.columns.includes('organization_id')) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)} where organization_id = ${organizationId}`.execute(db);
    for (const row of rows.rows) {
      if (table.columns.includes('id')) add(table.name, row.id);
      for (const column of table.columns.filter((c) => c.endsWith('_id'))) {
        const name = column.slice(0, -'_id'.length);
        for (const referenced of tables.filter((t) => t.columns.includes('id') && (t.name === name || t.name.endsWith(`_${name}`)))) {
          add(referenced.name, row[column]);
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(ids).map(([table, set]) => [table, [...set]]));
}

/**
 * Ids worth trying for a route parameter: those of the tables its name or the path segment before
 * it names (`/api/api-tokens/:id` → `*_api_token`, `:userId` → `*_user`); every table's otherwise.
 */
export function idsFor(rowIds: Record<string, string[]>, param: string, segment: string | undefined, exclude: ReadonlySet<string>): string[] {
  const singular = (word: string): string => word.toLowerCase().replace(/-/g, '_').replace(/ies$/, 'y').replace(/s$/, '');
  const fromParam = /^(.+?)_?id$/i.exec(param.replace(/([a-z])([A-Z])/g, '$1_$2'))?.[1];
  const names = [fromParam, segment].filter((n): n is string => !!n).map(singular);
  const usable = (list: string[]): string[] => list.filter((id) => !exclude.has(id));
  for (const name of names) {
    const matches = Object.entries(rowIds).filter(([table]) => table === name || table.endsWith(`_${name}`));
    const found = usable(matches.flatMap(([, list]) => list));
    if (found.length > 0) return found.slice(0, 2);
  }
  return Object.values(rowIds).flatMap((list) => usable(list).slice(0, 1));
}
