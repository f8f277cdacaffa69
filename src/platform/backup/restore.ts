/**
 * @module `lantern restore`: loads a backup (see format.ts) into a database of either kind. It
 * brings an empty database to the backup's migration state first, loads every row in one
 * transaction (all or nothing), then applies any newer migrations. It refuses a database that
 * already holds rows unless told to replace them (`force`).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Db, Dialect, Tx } from '../db/index.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { conflict, invalid } from '../http/errors.ts';
import { listTables, type TableShape } from './tables.ts';
import { derivedTableRegistrations } from './derived-tables.ts';
import { migrateUpTo, readMigrationState } from './migration-state.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, decodeValue, type BackupHeader, type CellValue, type EndLine, type TableLine } from './format.ts';

export interface RestoreSummary {
  rows: Record<string, number>;
  migrations: number;
}

async function* readLines(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as unknown;
}

function checkHeader(line: unknown): BackupHeader {
  const header = line as Partial<BackupHeader> | undefined;
  if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.migrations)) throw invalid('This file is not a Lantern backup.', 'file');
  if (header.version !== BACKUP_VERSION) throw invalid(`This backup has format version ${header.version}; this Lantern reads version ${BACKUP_VERSION}.`, 'file');
  return header as BackupHeader;
}

/** Brings the schema to the backup's migration state (or checks that it is there already). */
async function prepareSchema(db: Db, header: BackupHeader): Promise<void> {
  const { known, applied } = await readMigrationState(db);
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length) throw invalid(`This backup was made by a newer Lantern (migrations ${unknown.join(', ')}); restore it with that version.`, 'file');
  if (applied.length === 0) {
    const isPrefix = header.migrations.every((m, i) => known[i] === m);
    const last = header.migrations[header.migrations.length - 1];
    if (isPrefix && last) await migrateUpTo(db, last);
    else await migrateToLatest(db);
    return;
  }
  const missing = header.migrations.filter((m) => !applied.includes(m));
  if (missing.length) throw invalid(`The target database lacks migrations ${missing.join(', ')}; run "lantern migrate" first.`, 'file');
}

async function countRows(db: Db, tables: TableShape[]): Promise<number> {
  let total = 0;
  for (const t of tables) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(db);
    total += Number(rows[0]?.n ?? 0);
  }
  return total;
}

async function insertBatch(tx: Tx, table: string, columns: string[], batch: CellValue[][]): Promise<void> {
  if (batch.length === 0) return;
  const rows = batch.map((values) => Object.fromEntries(columns.map((c, i) => [c, decodeValue(values[i] ?? null)])));
  await (tx as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto(table).values(rows).execute();
}

// Serial and identity columns keep counting after the restored rows, not from 1.
async function resetSequences(db: Db): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and (column_default like 'nextval(%' or is_identity = 'YES')`.execute(db);
  for (const { table_name, column_name } of rows) {
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}), coalesce(max(${sql.ref(column_name)}), 0) + 1, false)
      from ${sql.table(table_name)}`.execute(db);
  }
}

/** Inserts the rows that follow the header, table by table; returns how many went into each. */
async function loadRows(tx: Tx, lines: AsyncGenerator<unknown>, byName: Map<string, TableShape>): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  let current: TableLine | undefined;
  let batch: CellValue[][] = [];
  let batchSize = 1;
  const flush = async (): Promise<void> => {
    if (current) await insertBatch(tx, current.table, current.columns, batch);
    batch = [];
  };
  for await (const line of lines) {
    if (Array.isArray(line)) {
      if (!current) throw invalid('The backup has a row before any table.', 'file');
      batch.push(line as CellValue[]);
      rows[current.table] = (rows[current.table] ?? 0) + 1;
      if (batch.length >= batchSize) await flush();
    } else if ((line as EndLine).end === true) {
      await flush();
      for (const [table, count] of Object.entries((line as EndLine).rows)) {
        if ((rows[table] ?? 0) !== count) throw invalid(`The backup lists ${count} rows for ${table} but holds ${rows[table] ?? 0}; nothing was restored.`, 'file');
      }
      return rows;
    } else {
      await flush();
      current = line as TableLine;
      const target = byName.get(current.table);
      if (!target) throw invalid(`The backup holds table ${current.table}, which this database does not have.`, 'file');
      const absent = current.columns.filter((c) => !target.columns.includes(c));
      if (absent.length) throw invalid(`Table ${current.table} here has no column ${absent.join(', ')}.`, 'file');
      rows[current.table] = 0;
      // Stay well under both databases' limits on parameters per statement.
      batchSize = Math.max(1, Math.min(500, Math.floor(5000 / Math.max(1, current.columns.length))));
    }
  }
  throw invalid('The backup file is incomplete (it ends before its last line); nothing was restored.', 'file');
}

/** Restores `file` into the database; `force` replaces the rows it already holds. */
export async function restoreDatabase(db: Db, dialect: Dialect, file: string, options: { force?: boolean } = {}): Promise<RestoreSummary> {
  const lines = readLines(file);
  try {
    const first = await lines.next();
    const header = checkHeader(first.done ? undefined : first.value);
    await prepareSchema(db, header);
    const tables = await listTables(db, dialect);
    if (!options.force && (await countRows(db, tables)) > 0) {
      throw conflict('The target database already holds data. Restore into an empty database, or pass --force to replace everything in it.');
    }
    const rows = await db.transaction().execute(async (tx) => {
      // SQLite checks foreign keys at commit instead of per row; PostgreSQL gets parents first (tables.ts).
      if (dialect === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(tx);
      if (options.force) for (const t of [...tables].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(tx);
      const loaded = await loadRows(tx, lines, new Map(tables.map((t) => [t.name, t])));
      for (const derived of derivedTableRegistrations()) await derived.rebuild(tx, dialect);
      return loaded;
    });
    if (dialect === 'postgres') await resetSequences(db);
    await migrateToLatest(db);
    return { rows, migrations: header.migrations.length };
  } catch (error) {
    // zlib and JSON errors mean the file is not what it claims to be.
    if (error instanceof SyntaxError || (error as { code?: string }).code?.startsWith('Z_')) {
      throw invalid('This file is not a Lantern backup, or it is damaged.', 'file');
    }
    throw error;
  } finally {
    await lines.return(undefined);
  }
}
