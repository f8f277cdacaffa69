/**
 * @module `lantern backup`: every table of the database, with its migration state, to one portable
 * file (see format.ts). Rows are read in one transaction (repeatable read on PostgreSQL), so the
 * file is a consistent snapshot even while the server keeps writing.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db, Dialect, Tx } from '../db/index.ts';
import { listTables, type TableShape } from './tables.ts';
import { readMigrationState } from './migration-state.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, encodeValue, type BackupHeader, type EndLine, type TableLine } from './format.ts';

export interface BackupSummary {
  file: string;
  migrations: number;
  rows: Record<string, number>;
}

const PAGE = 1000;

async function* readRows(tx: Tx, table: TableShape): AsyncGenerator<Record<string, unknown>> {
  const order = (table.primaryKey.length ? table.primaryKey : table.columns).map((c) => sql.ref(c));
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}
      order by ${sql.join(order)} limit ${PAGE} offset ${offset}`.execute(tx);
    yield* rows;
    if (rows.length < PAGE) return;
  }
}

/** Writes a backup of the whole database to `file`. */
export async function backupDatabase(db: Db, dialect: Dialect, file: string): Promise<BackupSummary> {
  const { applied } = await readMigrationState(db);
  const gzip = createGzip();
  const output = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(output);
  const write = async (line: unknown): Promise<void> => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  const rows: Record<string, number> = {};
  try {
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), dialect, migrations: applied };
    await write(header);
    let transaction = db.transaction();
    if (dialect === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
    await transaction.execute(async (tx) => {
      for (const table of await listTables(tx, dialect)) {
        const line: TableLine = { table: table.name, columns: table.columns };
        await write(line);
        let count = 0;
        for await (const row of readRows(tx, table)) {
          await write(table.columns.map((c) => encodeValue(row[c])));
          count += 1;
        }
        rows[table.name] = count;
      }
    });
    const end: EndLine = { end: true, rows };
    await write(end);
    gzip.end();
    await finished(output);
  } catch (error) {
    gzip.destroy();
    output.destroy();
    throw error;
  }
  return { file, migrations: applied.length, rows };
}
