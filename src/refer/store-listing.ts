/**
 * @module Listings a program lead maintains: one HSDS service document at a time (the compiled
 * service, with its locations, phones, schedules… nested), validated against the HSDS schemas
 * like any import, written in one transaction with an audit event, search rows rebuilt.
 */
import type { OrgScope } from '../platform/db/scope.ts';
import { conflict, invalid, notFound } from '../platform/http/errors.ts';
import { parseImportSource } from './import-parse.ts';
import { loadOrder } from './import-stream.ts';
import { hsdsTables, type DirectoryRecords } from './hsds-tables.ts';
import { withholdConfidential } from './confidential.ts';
import { createDocumentBuilder, type HsdsDocument } from './export-document.ts';
import { deleteRows, readRowsById, readServiceRecords, writeRows } from './store-rows.ts';
import { findAffectedServices, rebuildSearch } from './store-import.ts';

/** The compiled service document as Lantern shows it (confidential addresses withheld), or undefined. */
export async function readServiceDocument(scope: OrgScope, serviceId: string): Promise<HsdsDocument | undefined> {
  const records = await readServiceRecords(scope, [serviceId], { documents: true });
  return createDocumentBuilder(withholdConfidential(records))('service', serviceId);
}

/** Creates (`mode: 'create'`, the id must be new) or replaces a listing from a service document. */
export async function saveListing(scope: OrgScope, document: unknown, mode: 'create' | { update: string }): Promise<HsdsDocument> {
  const records = await parseListing(document);
  const service = records.service[0];
  if (!service || records.service.length !== 1) throw invalid('Send exactly one HSDS service document.', 'service');
  if (mode !== 'create' && service.id !== mode.update) throw invalid('The document id differs from the id in the address.', 'service/id');
  await scope.transaction(async (tx) => {
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
  await scope.transaction(async (tx) => {
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
    throw invalid(`${first?.field ?? ''} ${first?.reason ?? 'is invalid'}${more}`.trim(), `service${first?.field ?? ''}`);
  }
  return parsed.records;
}
