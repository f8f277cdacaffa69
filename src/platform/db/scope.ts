/**
 * @module Organization scoping in one place. Capabilities never receive the raw database: they get
 * an `OrgScope`, whose every query is bound to the caller's organization, whose writes stamp it,
 * and whose audit entries name the caller. A route cannot forget the tenant filter because it
 * has no way to write a query without it.
 */
import { CompiledQuery, sql, type Insertable, type SelectQueryBuilder, type UpdateQueryBuilder, type DeleteQueryBuilder, type UpdateResult, type DeleteResult } from 'kysely';
import type { Database } from './schema.ts';
import { lockForTransaction, type Db, type Tx, type Dialect } from './index.ts';
import { recordAudit, type AuditEntry } from '../audit/index.ts';
import type { Cipher } from '../crypto/cipher.ts';
import { incrementCounter, monthOf } from '../ops/counters.ts';

/** Tables that hold an organization's rows (every one has `organization_id`). */
export type OrgTable = {
  [K in keyof Database]: Database[K] extends { organization_id: string } ? K : never;
}[keyof Database];

export interface Actor {
  id: string | null;
  kind: AuditEntry['actorKind'];
}

export type AuditNote = Omit<AuditEntry, 'organizationId' | 'actorId' | 'actorKind' | 'requestId'>;

export class OrgScope {
  constructor(
    private readonly db: Db | Tx,
    readonly dialect: Dialect,
    readonly organizationId: string,
    readonly actor: Actor,
    readonly requestId: string | null,
    private readonly cipher: Cipher,
  ) {}

  /** A SELECT bound to this organization. */
  selectFrom<T extends OrgTable>(table: T): SelectQueryBuilder<Database, T, object> {
    const query = this.db.selectFrom(table as OrgTable) as unknown as SelectQueryBuilder<Database, T, object>;
    return query.where(this.db.dynamic.ref(`${table}.organization_id`), '=', this.organizationId);
  }

  /** An INSERT that stamps this organization on every row. */
  async insert<T extends OrgTable>(table: T, rows: Omit<Insertable<Database[T]>, 'organization_id'> | Omit<Insertable<Database[T]>, 'organization_id'>[]): Promise<void> {
    const list = Array.isArray(rows) ? rows : [rows];
    if (list.length === 0) return;
    const compiled = compilePlainInsert(this.dialect, table, list as Record<string, unknown>[], this.organizationId);
    if (compiled) {
      await this.db.executeQuery(compiled);
      return;
    }
    // The cast is safe: OrgTable guarantees the column, and the spread supplies it.
    await this.db.insertInto(table as OrgTable).values(list.map((row) => ({ ...row, organization_id: this.organizationId })) as never).execute();
  }

  /**
   * An INSERT of one row that does nothing when a row with the same `uniqueColumns` exists; true when
   * it inserted. On PostgreSQL a concurrent insert of the same key is waited for, not an error.
   */
  async insertIfAbsent<T extends OrgTable>(table: T, row: Omit<Insertable<Database[T]>, 'organization_id'>, uniqueColumns: readonly (keyof Database[T] & string)[]): Promise<boolean> {
    const result = await this.db.insertInto(table as OrgTable)
      .values({ ...row, organization_id: this.organizationId } as never)
      .onConflict((oc) => oc.columns(uniqueColumns as never).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** An UPDATE bound to this organization. */
  updateTable<T extends OrgTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    const query = this.db.updateTable(table as OrgTable) as unknown as UpdateQueryBuilder<Database, T, T, UpdateResult>;
    return query.where(this.db.dynamic.ref(`${table}.organization_id`), '=', this.organizationId);
  }

  /** A DELETE bound to this organization. */
  deleteFrom<T extends OrgTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    const query = this.db.deleteFrom(table as OrgTable) as unknown as DeleteQueryBuilder<Database, T, DeleteResult>;
    return query.where(this.db.dynamic.ref(`${table}.organization_id`), '=', this.organizationId);
  }

  /**
   * Inside `transaction`: makes other transactions of this organization that lock the same `name`
   * wait until this one ends (read, check and rewrite without another writer in between).
   */
  async lock(name: string): Promise<void> {
    if (!this.db.isTransaction) throw new Error('OrgScope.lock is only meaningful inside a transaction');
    await lockForTransaction(this.db as Tx, this.dialect, `${this.organizationId}:${name}`);
  }

  /** Runs `work` in one transaction with a scope bound to it (nested calls reuse it). */
  async transaction<R>(work: (scope: OrgScope) => Promise<R>): Promise<R> {
    if (this.db.isTransaction) return work(this);
    return (this.db as Db).transaction().execute((tx) =>
      work(new OrgScope(tx, this.dialect, this.organizationId, this.actor, this.requestId, this.cipher)));
  }

  /**
   * After a bulk write, tells the planner how large a table now is. On PostgreSQL, rows written in
   * a still-open transaction are invisible to autovacuum, so without this the reads that follow
   * (an import reading back what it wrote) are planned for the old, near-empty table: sequential
   * scans that made a 200,000-service import run for over an hour. SQLite keeps no statistics
   * until asked; without them it guesses that few rows share an organization, and a search joins
   * the wrong way round (see the page-keys index in src/refer/search.ts).
   */
  async refreshPlannerStatistics(table: OrgTable): Promise<void> {
    await sql`analyze ${sql.table(table)}`.execute(this.db);
  }

  /** Appends an audit event for the caller; inside `transaction`, it lands with the change. */
  async audit(note: AuditNote): Promise<void> {
    const entry: AuditEntry = { ...note, organizationId: this.organizationId, actorId: this.actor.id, actorKind: this.actor.kind, requestId: this.requestId };
    if (this.db.isTransaction) return recordAudit(this.db as Tx, this.dialect, entry);
    await (this.db as Db).transaction().execute((tx) => recordAudit(tx, this.dialect, entry));
  }

  /**
   * Adds one to a de-identified monthly counter (platform/ops/counters.ts) for a facility; call it
   * inside `transaction` so the count lands with the change it counts.
   */
  async count(input: { facilityId: string | null; metric: string; dimension?: string; at?: Date }): Promise<void> {
    await incrementCounter(this.db, {
      organizationId: this.organizationId, facilityId: input.facilityId ?? 'unassigned', month: monthOf(input.at ?? new Date()),
      metric: input.metric, dimension: input.dimension ?? 'all',
    });
  }

  /** Encrypts a protected field; `place` binds it to its table, column and row. */
  seal(value: string, place: FieldPlace): string {
    return this.cipher.seal(value, fieldContext(this.organizationId, place));
  }

  open(sealed: string, place: FieldPlace): string {
    return this.cipher.open(sealed, fieldContext(this.organizationId, place));
  }
}

// Statement texts by table, columns and row count: a bulk import repeats a few shapes thousands of times.
const insertTexts = new Map<string, string>();

/**
 * The INSERT of rows whose values are all plain (text, numbers, null, bytes), compiled directly
 * instead of through Kysely's builder, which makes a node per value: for the thousands of rows of a
 * directory import that was most of the time spent outside the database. Columns are the union of
 * the rows' keys; a row without one gets `default` (PostgreSQL) or `null` (SQLite, as Kysely
 * compiles it). Undefined for anything else (an SQL expression as a value), which the builder handles.
 */
export function compilePlainInsert(dialect: Dialect, table: string, rows: Record<string, unknown>[], organizationId: string): CompiledQuery | undefined {
  const columns = ['organization_id'];
  const known = new Set(columns);
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (typeof value === 'function' || (value !== null && typeof value === 'object' && !(value instanceof Uint8Array))) return undefined;
      if (value !== undefined && !known.has(key)) {
        known.add(key);
        columns.push(key);
      }
    }
  }
  const parameters: unknown[] = [];
  let gaps = false;
  for (const row of rows) {
    parameters.push(organizationId);
    for (let c = 1; c < columns.length; c += 1) {
      const value = row[columns[c] as string];
      if (value === undefined) gaps = true;
      else parameters.push(value);
    }
  }
  // Texts with a gap (a row lacking a column) vary too much to keep; full rows are the bulk case.
  const key = !gaps ? `${dialect}\u0000${table}\u0000${columns.join(',')}\u0000${rows.length}` : undefined;
  let text = key === undefined ? undefined : insertTexts.get(key);
  if (text === undefined) {
    const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
    let n = 0;
    const tuples: string[] = [];
    for (const row of rows) {
      const cells = [dialect === 'postgres' ? `$${(n += 1)}` : '?'];
      for (let c = 1; c < columns.length; c += 1) {
        if (row[columns[c] as string] === undefined) cells.push(dialect === 'postgres' ? 'default' : 'null');
        else cells.push(dialect === 'postgres' ? `$${(n += 1)}` : '?');
      }
      tuples.push(`(${cells.join(', ')})`);
    }
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}`;
    if (key !== undefined) {
      if (insertTexts.size >= 256) insertTexts.clear();
      insertTexts.set(key, text);
    }
  }
  return CompiledQuery.raw(text, parameters);
}

export interface FieldPlace {
  table: string;
  column: string;
  rowId: string;
}

/** The associated data of a protected field: a ciphertext moved elsewhere fails to decrypt. */
export function fieldContext(organizationId: string, place: FieldPlace): string {
  return `${organizationId}/${place.table}/${place.column}/${place.rowId}`;
}
