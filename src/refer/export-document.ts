/**
 * @module Builds nested HSDS JSON documents (the compiled service, organization, location,
 * service_at_location and taxonomy_term documents of HSDS 3.0) from flat directory rows. The
 * export uses it, and so can the HSDS read API. Pass rows through `withholdConfidential` first.
 */
import { childArrays, nestedObjects, type DirectoryRecords, type HsdsRow, type HsdsTable } from './hsds-tables.ts';
import type { DocumentKind } from './hsds-validate.ts';

/** A nested HSDS JSON document. */
export type HsdsDocument = Record<string, unknown> & { id: string };

/** Builds the document of one record by table and id (undefined when there is no such record). */
export type DocumentBuilder = (kind: DocumentKind, id: string) => HsdsDocument | undefined;

/**
 * Indexes the rows once and returns a builder. The root's upward objects (a service's
 * organization and program, a service_at_location's service) are included without their own
 * upward objects, so no document nests back into itself.
 */
export function createDocumentBuilder(records: DirectoryRecords): DocumentBuilder {
  const byId = new Map<HsdsTable, Map<string, HsdsRow>>();
  const byColumn = new Map<string, Map<string, HsdsRow[]>>();
  const rowById = (table: HsdsTable, id: string): HsdsRow | undefined => {
    let index = byId.get(table);
    if (!index) {
      index = new Map(records[table].map((r) => [r.id, r]));
      byId.set(table, index);
    }
    return index.get(id);
  };
  const rowsWhere = (table: HsdsTable, column: string, value: string): HsdsRow[] => {
    const key = `${table}.${column}`;
    let index = byColumn.get(key);
    if (!index) {
      index = new Map();
      for (const row of records[table]) {
        const v = row[column];
        if (typeof v !== 'string') continue;
        const list = index.get(v);
        if (list) list.push(row);
        else index.set(v, [row]);
      }
      byColumn.set(key, index);
    }
    return index.get(value) ?? [];
  };

  // `upwardOf` is the root's table when building an upward object: its children of that table
  // (an organization's services, seen from one service) would nest the root back into itself.
  const build = (table: HsdsTable, row: HsdsRow, root: boolean, upwardOf?: HsdsTable): HsdsDocument => {
    const document: HsdsDocument = { ...row };
    for (const nested of nestedObjects[table] ?? []) {
      if (!nested.downward && !root) continue;
      const target = typeof row[nested.column] === 'string' ? rowById(nested.table, row[nested.column] as string) : undefined;
      if (target) document[nested.property] = build(nested.table, target, false, nested.downward ? upwardOf : table);
    }
    for (const children of childArrays[table]) {
      if (children.table === upwardOf) continue;
      const column = children.link.kind === 'column' ? children.link.column : children.link.idColumn;
      const rows = rowsWhere(children.table, column, row.id);
      if (rows.length > 0) document[children.property] = rows.map((child) => build(children.table, child, false, upwardOf));
    }
    return document;
  };

  return (kind, id) => {
    const row = rowById(kind, id);
    return row ? build(kind, row, true) : undefined;
  };
}

/** Builds every organization's document, with its services, locations and programs nested. */
export function buildOrganizationDocuments(records: DirectoryRecords): HsdsDocument[] {
  const build = createDocumentBuilder(records);
  return records.organization.map((o) => build('organization', o.id) as HsdsDocument);
}
