/**
 * @module Listings a program lead maintains: one HSDS service document at a time (the compiled
 * service, with its locations, phones, schedules… nested), validated against the HSDS schemas
 * like any import, written in one transaction with an audit event, search rows rebuilt.
 */
import { sql } from 'kysely';
import type { OrgScope } from '../platform/db/scope.ts';
import { conflict, invalid, notFound, LanternError } from '../platform/http/errors.ts';
import { parseImportSource } from './import-parse.ts';
import { loadOrder } from './import-stream.ts';
import { hsdsTables, type DirectoryRecords } from './hsds-tables.ts';
import { findConfidentialLocationIds, withholdConfidential } from './confidential.ts';
import { createDocumentBuilder, type HsdsDocument } from './export-document.ts';
import { deleteRows, readRowsById, readServiceRecords, writeDirectory, writeRows } from './store-rows.ts';
import { findAffectedServices, rebuildSearch } from './store-import.ts';
import { matchText } from './search.ts';

/** One listing in the editor's list. */
export interface ListingSummary {
  id: string;
  name: string;
  organizationName: string;
  /** True when any of its locations is confidential. */
  confidential: boolean;
}

/** The organization's listings by name (byte order on both databases), optionally narrowed by text. */
export async function listListings(scope: OrgScope, options: { text?: string; limit: number; offset: number }): Promise<{ listings: ListingSummary[]; hasMore: boolean }> {
  const collate = scope.dialect === 'postgres' ? sql` collate "C"` : sql``;
  let query = scope.selectFrom('refer_search')
    .select(['refer_search.service_id', 'refer_search.name', 'refer_search.organization_name'])
    .select(sql<number>`max(refer_search.confidential)`.as('confidential'))
    .groupBy(['refer_search.service_id', 'refer_search.name', 'refer_search.organization_name']);
  const text = options.text === undefined ? undefined : matchText(scope.dialect, options.text);
  if (text) query = query.where(text);
  const rows = await query
    .orderBy(sql`refer_search.name${collate}`)
    .orderBy(sql`refer_search.service_id${collate}`)
    .limit(options.limit + 1)
    .offset(options.offset)
    .execute();
  return {
    listings: rows.slice(0, options.limit).map((r) => ({ id: r.service_id, name: r.name, organizationName: r.organization_name, confidential: Number(r.confidential) === 1 })),
    hasMore: rows.length > options.limit,
  };
}

/** The compiled service document as Lantern shows it (confidential addresses withheld), or undefined. */
export async function readServiceDocument(scope: OrgScope, serviceId: string): Promise<HsdsDocument | undefined> {
  const records = await readServiceRecords(scope, [serviceId], { documents: true });
  return createDocumentBuilder(withholdConfidential(records))('service', serviceId);
}

/**
 * The whole listing for its editor, confidential addresses included (CONFIDENTIAL.md: the full
 * record is kept so a program lead can maintain it). A read whose document holds any confidential
 * location (the listing's, or one its organization nests) is audited.
 */
export async function readListingForEditing(scope: OrgScope, serviceId: string): Promise<HsdsDocument | undefined> {
  const records = await readServiceRecords(scope, [serviceId], { documents: true });
  const document = createDocumentBuilder(records)('service', serviceId);
  if (document && findConfidentialLocationIds(records).size > 0) {
    await scope.audit({ action: 'read', resourceType: 'directory-service', resourceId: serviceId, purpose: 'operations' });
  }
  return document;
}

/** Creates (`mode: 'create'`, the id must be new) or replaces a listing from a service document. */
export async function saveListing(scope: OrgScope, document: unknown, mode: 'create' | { update: string }): Promise<HsdsDocument> {
  const records = await parseListing(document);
  const service = records.service[0];
  if (!service || records.service.length !== 1) throw invalid('Send exactly one HSDS service document.', 'service');
  if (mode !== 'create' && service.id !== mode.update) throw invalid('The document id differs from the id in the address.', 'service/id');
  await writeDirectory(scope, async (tx) => {
    const existing = await readRowsById(tx, 'service', [service.id]);
    if (mode === 'create' && existing.length > 0) throw conflict(`A service with id ${service.id} already exists.`);
    if (mode !== 'create' && existing.length === 0) throw notFound(`Service ${service.id}`);
    // A replacement drops the service's own rows first, so a phone removed from the document goes.
    await deleteServiceRows(tx, service.id, { keepService: true });
    for (const table of loadOrder) if (records[table].length > 0) await writeRows(tx, table, records[table]);
    await rebuildSearch(tx, await findAffectedServices(tx, records));
    await tx.audit({ action: mode === 'create' ? 'create' : 'update', resourceType: 'directory-service', resourceId: service.id, purpose: 'operations' });
  });
  return (await readServiceDocument(scope, service.id)) as HsdsDocument;
}

/** Deletes a listing: the service and the rows that belong to it alone; audited. */
export async function deleteListing(scope: OrgScope, serviceId: string): Promise<void> {
  await writeDirectory(scope, async (tx) => {
    if ((await readRowsById(tx, 'service', [serviceId])).length === 0) throw notFound(`Service ${serviceId}`);
    await deleteServiceRows(tx, serviceId, { keepService: false });
    await rebuildSearch(tx, [serviceId]);
    await tx.audit({ action: 'delete', resourceType: 'directory-service', resourceId: serviceId, purpose: 'operations' });
  });
}

// The service's children (service_id) and what hangs from them by link (attributes, metadata,
// schedules and phones of its service_at_locations). Locations and organizations stay: others may share them.
async function deleteServiceRows(scope: OrgScope, serviceId: string, options: { keepService: boolean }): Promise<void> {
  const children = await scope.selectFrom('refer_row').select(['hsds_table', 'id']).where('ref_service', '=', serviceId).execute();
  const owned = [serviceId, ...children.map((c) => c.id)];
  const linked = await scope.selectFrom('refer_row').select(['hsds_table', 'id']).where('ref_link', 'in', owned).execute();
  const byTable = new Map<string, string[]>();
  for (const row of [...children, ...linked]) byTable.set(row.hsds_table, [...(byTable.get(row.hsds_table) ?? []), row.id]);
  for (const [table, ids] of byTable) if ((hsdsTables as readonly string[]).includes(table)) await deleteRows(scope, table as never, ids);
  if (!options.keepService) await deleteRows(scope, 'service', [serviceId]);
}

async function parseListing(document: unknown): Promise<DirectoryRecords> {
  const parsed = await parseImportSource({ format: 'json', files: [{ name: 'service', text: JSON.stringify(document) }] });
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
    // Every problem, each at its JSON pointer under `service`, so a form can show each beside its field.
    const errors = parsed.errors.map((e) => ({ field: `service${e.field ?? ''}`, message: e.reason }));
    throw new LanternError('INVALID', `${first?.field ?? ''} ${first?.reason ?? 'is invalid'}${more}`.trim(), `service${first?.field ?? ''}`, { errors });
  }
  return parsed.records;
}
