/**
 * @module Organization scoping in one place. Capabilities never receive the raw database: they get
 * an `OrgScope`, whose every query is bound to the caller's organization, whose writes stamp it,
 * and whose audit entries name the caller. A route cannot forget the tenant filter because it
 * has no way to write a query without it.
 */
import type { Insertable, SelectQueryBuilder, UpdateQueryBuilder, DeleteQueryBuilder, UpdateResult, DeleteResult } from 'kysely';
import type { Database } from './schema.ts';
import type { Db, Tx, Dialect } from './index.ts';
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
    const list = (Array.isArray(rows) ? rows : [rows]).map((row) => ({ ...row, organization_id: this.organizationId }));
    if (list.length === 0) return;
    // The cast is safe: OrgTable guarantees the column, and the spread supplies it.
    await this.db.insertInto(table as OrgTable).values(list as never).execute();
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

  /** Runs `work` in one transaction with a scope bound to it (nested calls reuse it). */
  async transaction<R>(work: (scope: OrgScope) => Promise<R>): Promise<R> {
    if (this.db.isTransaction) return work(this);
    return (this.db as Db).transaction().execute((tx) =>
      work(new OrgScope(tx, this.dialect, this.organizationId, this.actor, this.requestId, this.cipher)));
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

export interface FieldPlace {
  table: string;
  column: string;
  rowId: string;
}

/** The associated data of a protected field: a ciphertext moved elsewhere fails to decrypt. */
export function fieldContext(organizationId: string, place: FieldPlace): string {
  return `${organizationId}/${place.table}/${place.column}/${place.rowId}`;
}
