/**
 * @module Tables a backup leaves out because they are derived from others (search indexes, FTS5
 * and R*Tree virtual tables and their shadow tables): each capability declares them with how to
 * rebuild them, and restore rebuilds them after loading the rows they derive from. This keeps a
 * backup portable between SQLite and PostgreSQL, whose index structures differ.
 */
import { sql } from 'kysely';
import type { Db, Dialect, Tx } from '../db/index.ts';

export interface DerivedTables {
  /** Table names on either database (absent ones are ignored). */
  tables: string[];
  /** Rebuilds the derived tables from their source rows, inside the restore's transaction. */
  rebuild(db: Db | Tx, dialect: Dialect): Promise<void>;
}

const registry: DerivedTables[] = [];

export function registerDerivedTables(derived: DerivedTables): () => void {
  registry.push(derived);
  return () => {
    const at = registry.indexOf(derived);
    if (at >= 0) registry.splice(at, 1);
  };
}

export function derivedTableRegistrations(): readonly DerivedTables[] {
  return registry;
}

/** Names a backup must skip: declared derived tables, and on SQLite every virtual table and its shadows. */
export async function derivedTableNames(db: Db | Tx, dialect: Dialect): Promise<Set<string>> {
  const names = new Set(registry.flatMap((d) => d.tables));
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`.execute(db);
    const virtual = rows.map((r) => r.name);
    const { rows: all } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
    for (const name of virtual) names.add(name);
    for (const { name } of all) if (virtual.some((v) => name.startsWith(`${v}_`))) names.add(name);
  }
  return names;
}
