/**
 * @module The backup file: gzip'd JSON lines, readable without Lantern (`zcat file | head`).
 *   line 1            {"format":"lantern-backup","version":1,"createdAt":…,"dialect":…,"migrations":[…]}
 *   per table         {"table":"platform_user","columns":["id",…]}
 *   per row           […values in column order]
 *   last line         {"end":true,"rows":{"platform_user":3,…}}
 * Values are JSON as-is (text, numbers, null); bytes travel as {"$base64": "…"}. The trailer lets a
 * restore tell a complete file from a truncated one.
 */

export const BACKUP_FORMAT = 'lantern-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  dialect: string;
  migrations: string[];
}

export interface TableLine {
  table: string;
  columns: string[];
}

export interface EndLine {
  end: true;
  rows: Record<string, number>;
}

export type CellValue = string | number | null | { $base64: string };

/** A database value as it is written to the file. */
export function encodeValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  return JSON.stringify(value);
}

/** A value read from the file, as it is inserted. */
export function decodeValue(value: CellValue): string | number | null | Buffer {
  if (value !== null && typeof value === 'object') return Buffer.from(value.$base64, 'base64');
  return value;
}
