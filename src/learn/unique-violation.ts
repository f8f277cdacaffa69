/**
 * @module Recognizes a unique-constraint violation on either database, so a double submit (two
 * tabs, a retried request) becomes an ordinary answer instead of a server error.
 */

/** True for PostgreSQL's 23505 and SQLite's UNIQUE / PRIMARY KEY constraint errors. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
