/**
 * @module The one data layer: opens SQLite or PostgreSQL from `DATABASE_URL`, runs the one
 * migration set, and hands out organization-scoped access (see scope.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase, type Transaction } from 'kysely';
import type { DatabaseUrl } from '../config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface DataLayer {
  db: Db;
  dialect: Dialect;
  /** Closes the pool or file handle. */
  close(): Promise<void>;
}

// PostgreSQL returns bigint/numeric as strings by default; counts in Lantern fit in a JS number.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

export function openDatabase(url: DatabaseUrl, options: { poolSize?: number; sqliteSync?: 'normal' | 'full'; sqliteCacheMb?: number; onIdleClientError?: (error: Error) => void } = {}): DataLayer {
  if (url.kind === 'sqlite') {
    if (url.path !== ':memory:') mkdirSync(dirname(url.path), { recursive: true });
    const file = new SQLite(url.path);
    // WAL lets readers proceed during a write. With WAL, synchronous=NORMAL keeps every
    // acknowledged write through a crash of the process (the crash test kills it mid-write) and
    // syncs at checkpoints; FULL also survives a power cut, at an fsync per commit — every audited
    // read is a commit — so it is the operator's choice (LANTERN_SQLITE_SYNC=full). busy_timeout
    // covers a second process on the same file.
    file.pragma('journal_mode = WAL');
    file.pragma(`synchronous = ${options.sqliteSync === 'full' ? 'FULL' : 'NORMAL'}`);
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    // ANALYZE samples about this many rows per index instead of reading the whole table, so
    // refreshing planner statistics after an import takes milliseconds at any size.
    file.pragma('analysis_limit = 1000');
    // Negative: a size in KiB rather than pages.
    if (options.sqliteCacheMb !== undefined) file.pragma(`cache_size = -${options.sqliteCacheMb * 1024}`);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: url.url, max: options.poolSize ?? 10 });
  // An idle pooled connection can be closed by the server (restart, failover, an administrator);
  // pg then emits 'error' on the pool, which would crash the process if nobody listened. The
  // pool replaces the connection on next use, so logging is enough.
  pool.on('error', (error) => options.onIdleClientError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every query it runs, and better-sqlite3 compiles the SQL each time
 * it is prepared: a request compiled the same few statements again (a tenth of a CDS hook call's
 * CPU). This keeps the most recently used statements by their SQL text. SQLite recompiles a kept
 * statement by itself after a schema change; one still being iterated is never handed out twice.
 */
export function withStatementCache(file: SQLite.Database, capacity = 500): SqliteDatabase & { readonly size: number } {
  const statements = new Map<string, SQLite.Statement>();
  return {
    get size() { return statements.size; },
    close: () => file.close(),
    prepare(sqlText: string) {
      const kept = statements.get(sqlText);
      if (kept && !kept.busy) {
        // Re-inserting moves it to the newest end, so the oldest is the least recently used.
        statements.delete(sqlText);
        statements.set(sqlText, kept);
        return kept;
      }
      const statement = file.prepare(sqlText);
      if (!kept) {
        statements.set(sqlText, statement);
        if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}

/** Runs `work` in one transaction: everything it writes lands together or not at all. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

/**
 * Makes transactions that name the same `key` run one after another: the lock is held until this
 * transaction ends. SQLite serializes writers already; PostgreSQL takes an advisory lock, which also
 * covers a row that does not exist yet (two creates of the same id).
 */
export async function lockForTransaction(tx: Tx, dialect: Dialect, key: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
}

/** True when the database answers a trivial query. */
export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
