/**
 * @module Key rotation: re-encrypts every registered protected value that was sealed under a key
 * other than the active one. It walks each field in batches, each batch in its own transaction,
 * so a long rotation never holds one huge transaction and can be interrupted and run again; until
 * it finishes, values under the old keys still decrypt, because the key ring keeps every key.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Cipher } from './cipher.ts';
import { protectedFields, type ProtectedField } from './protected-fields.ts';

export interface FieldRotation {
  table: string;
  column: string;
  /** Values read. */
  scanned: number;
  /** Values re-encrypted under the active key. */
  resealed: number;
  /** Values that are not sealed at all (they should not exist; reported, left alone). */
  unsealed: number;
}

export interface RotationOptions {
  db: Db;
  cipher: Cipher;
  /** Rows per transaction. */
  batchSize?: number;
  /** Defaults to the registry. */
  fields?: ProtectedField[];
  /** Called after each committed batch (progress output; tests use it to read mid-rotation). */
  onBatch?: (progress: FieldRotation) => Promise<void> | void;
}

type Row = Record<string, unknown>;

async function readBatch(db: Db, field: ProtectedField, after: unknown, limit: number): Promise<Row[]> {
  const columns = [...new Set([field.idColumn, field.column, ...field.contextColumns])].map((c) => sql.ref(c));
  const resume = after === undefined ? sql`` : sql`and ${sql.ref(field.idColumn)} > ${after}`;
  const result = await sql<Row>`select ${sql.join(columns)} from ${sql.table(field.table)}
    where ${sql.ref(field.column)} is not null ${resume}
    order by ${sql.ref(field.idColumn)} limit ${limit}`.execute(db);
  return result.rows;
}

/** Re-encrypts one field's values that are not under the active key. */
export async function rotateField(options: RotationOptions & { field: ProtectedField }): Promise<FieldRotation> {
  const { db, cipher, field } = options;
  const batchSize = options.batchSize ?? 500;
  const progress: FieldRotation = { table: field.table, column: field.column, scanned: 0, resealed: 0, unsealed: 0 };
  let after: unknown;
  for (;;) {
    const rows = await readBatch(db, field, after, batchSize);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]![field.idColumn];
    progress.scanned += rows.length;
    await db.transaction().execute(async (tx) => {
      const active = cipher.activeKeyId();
      for (const row of rows) {
        const sealed = String(row[field.column]);
        const keyId = cipher.keyIdOf(sealed);
        if (keyId === undefined) { progress.unsealed += 1; continue; }
        if (keyId === active) continue;
        const context = field.context(row);
        const resealed = cipher.seal(cipher.open(sealed, context), context);
        // Matching the old ciphertext too: a value changed meanwhile is already under the active key.
        const updated = await sql`update ${sql.table(field.table)} set ${sql.ref(field.column)} = ${resealed}
          where ${sql.ref(field.idColumn)} = ${row[field.idColumn]} and ${sql.ref(field.column)} = ${sealed}`.execute(tx);
        if (Number(updated.numAffectedRows ?? 0) > 0) progress.resealed += 1;
      }
    });
    await options.onBatch?.({ ...progress });
    if (rows.length < batchSize) break;
  }
  return progress;
}

/** Re-encrypts every registered protected value sealed under an older key. */
export async function rotateProtectedFields(options: RotationOptions): Promise<FieldRotation[]> {
  const results: FieldRotation[] = [];
  for (const field of options.fields ?? protectedFields()) results.push(await rotateField({ ...options, field }));
  return results;
}
