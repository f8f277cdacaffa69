/**
 * @module What a backup walks: every table of the schema (Kysely's own migration bookkeeping
 * excepted), its columns and primary key, in an order where a table comes after the tables its
 * foreign keys point to. Introspection differs per database; this file hides that.
 */
import { sql } from 'kysely';
import type { Db, Dialect, Tx } from '../db/index.ts';
import { derivedTableNames } from './derived-tables.ts';

export interface TableShape {
  name: string;
  columns: string[];
  primaryKey: string[];
}

async function currentSchema(db: Db | Tx, dialect: Dialect): Promise<string | undefined> {
  if (dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}

async function primaryKeyOf(db: Db | Tx, dialect: Dialect, table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string }>`select a.attname as name from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = (${table})::regclass and i.indisprimary order by a.attnum`.execute(db);
  return rows.map((r) => r.name);
}

async function referencedBy(db: Db | Tx, dialect: Dialect, table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ ref: string }>`select distinct "table" as ref from pragma_foreign_key_list(${table})`.execute(db);
    return rows.map((r) => r.ref);
  }
  const { rows } = await sql<{ ref: string }>`select distinct confrelid::regclass::text as ref from pg_constraint
    where contype = 'f' and conrelid = (${table})::regclass`.execute(db);
  return rows.map((r) => r.ref.replace(/^"|"$/g, ''));
}

/** Every application table (derived tables excepted) with its columns and primary key, parents before children. */
export async function listTables(db: Db | Tx, dialect: Dialect): Promise<TableShape[]> {
  const schema = await currentSchema(db, dialect);
  const derived = await derivedTableNames(db, dialect);
  const found = (await db.introspection.getTables())
    .filter((t) => !t.isView && !derived.has(t.name) && (schema === undefined || t.schema === schema))
    .sort((a, b) => a.name.localeCompare(b.name));
  const shapes = new Map<string, TableShape & { refs: string[] }>();
  for (const t of found) {
    shapes.set(t.name, {
      name: t.name, columns: t.columns.map((c) => c.name),
      primaryKey: await primaryKeyOf(db, dialect, t.name), refs: await referencedBy(db, dialect, t.name),
    });
  }
  // Depth-first topological order; a cycle (or a self-reference) is cut where it is met.
  const ordered: TableShape[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string): void => {
    const shape = shapes.get(name);
    if (!shape || state.has(name)) return;
    state.set(name, 'visiting');
    for (const ref of shape.refs) if (ref !== name) visit(ref);
    state.set(name, 'done');
    ordered.push({ name: shape.name, columns: shape.columns, primaryKey: shape.primaryKey });
  };
  for (const name of shapes.keys()) visit(name);
  return ordered;
}
