/**
 * @module The protected-field registry: every encrypted column, declared once by the capability that
 * owns it, with how its cipher context (associated data) is built from the row. Key rotation walks
 * this registry to re-encrypt, and the plaintext-dump test walks it to know what must never appear
 * in clear. A capability registers its fields when its module loads, e.g.
 * `registerProtectedField(orgField('respond_case', 'note'))`.
 */
import { fieldContext } from '../db/scope.ts';

/** One encrypted column. */
export interface ProtectedField {
  table: string;
  column: string;
  /** The column that identifies a row (rotation updates row by row). */
  idColumn: string;
  /** Further columns the context needs (e.g. `organization_id`). */
  contextColumns: string[];
  /** Builds the associated data the value was sealed with, from the row's columns. */
  context(row: Record<string, unknown>): string;
}

const registry = new Map<string, ProtectedField>();

const keyOf = (table: string, column: string): string => `${table}.${column}`;

/**
 * Declares an encrypted column; a later declaration of the same table and column replaces the
 * earlier one (so the owner of a field can refine how its context is built). Returns an undo.
 */
export function registerProtectedField(field: ProtectedField): () => void {
  const key = keyOf(field.table, field.column);
  registry.set(key, field);
  return () => {
    if (registry.get(key) === field) registry.delete(key);
  };
}

/** Every registered encrypted column, in a stable order. */
export function protectedFields(): ProtectedField[] {
  return [...registry.values()].sort((a, b) => keyOf(a.table, a.column).localeCompare(keyOf(b.table, b.column)));
}

/**
 * A field of an organization's table sealed through `OrgScope.seal(value, { table, column, rowId })`:
 * its context is `fieldContext(row.organization_id, …)`.
 */
export function orgField(table: string, column: string, idColumn = 'id'): ProtectedField {
  return {
    table, column, idColumn, contextColumns: ['organization_id'],
    context: (row) => fieldContext(String(row.organization_id), { table, column, rowId: String(row[idColumn]) }),
  };
}

/**
 * The context of a field on a user (users belong to no single organization, so it names the row
 * alone): `platform/platform_user/<column>/<id>`, as identity's `totpSecretContext` builds it.
 */
export function userFieldContext(userId: string, column: string): string {
  return fieldContext('platform', { table: 'platform_user', column, rowId: userId });
}

/** Registers the platform's own protected fields (idempotent). */
export function registerPlatformProtectedFields(): void {
  registerProtectedField({
    table: 'platform_user', column: 'totp_secret', idColumn: 'id', contextColumns: [],
    context: (row) => userFieldContext(String(row.id), 'totp_secret'),
  });
  // One provider per organization, keyed by the organization: the row id is the organization id.
  registerProtectedField(orgField('platform_sso_provider', 'client_secret', 'organization_id'));
}

registerPlatformProtectedFields();
