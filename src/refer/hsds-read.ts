/**
 * @module What the HSDS 3.0 read API serves, from the store: pages of services, organizations,
 * services at locations, taxonomies and terms, as the list or the full compiled documents of
 * schema/openapi.json. Everything goes through `withholdConfidential`, so no confidential address
 * or coordinate leaves by this door.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { OrgScope } from '../platform/db/scope.ts';
import { invalid } from '../platform/http/errors.ts';
import { withholdConfidential } from './confidential.ts';
import { createDocumentBuilder, type HsdsDocument } from './export-document.ts';
import { hsdsTables, type DirectoryRecords, type HsdsRow, type HsdsTable } from './hsds-tables.ts';
import { chunks, readRowsById, readServiceRecords } from './store-rows.ts';
import { haversineKm, matchText } from './search.ts';
import { findPostalCentroid } from './postal-codes.ts';
import { compareIds } from './import-records.ts';

/** The paging fields of the HSDS API's `Page`, with the page's contents. */
export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export interface PageRequest {
  page?: number;
  per_page?: number;
}

export interface ServiceFilter extends PageRequest {
  search?: string;
  taxonomy_term_id?: string;
  taxonomy_id?: string;
  organization_id?: string;
  modified_after?: string;
  full?: boolean;
}

const maxPerPage = 500;

/** A page of services: the list form (with organization and program) or, with `full`, the compiled documents. */
export async function pageServices(scope: OrgScope, filter: ServiceFilter): Promise<HsdsPage<HsdsDocument>> {
  const conditions = await serviceConditions(scope, filter);
  let ids = await selectIds(scope, 'service', conditions, filter.organization_id);
  if (filter.modified_after !== undefined) {
    const after = Date.parse(filter.modified_after);
    if (Number.isNaN(after)) throw invalid('modified_after must be a date-time', 'modified_after');
    const rows = await readRowsById(scope, 'service', ids);
    const recent = new Set(rows.filter((r) => typeof r.last_modified === 'string' && Date.parse(r.last_modified) >= after).map((r) => r.id));
    ids = ids.filter((id) => recent.has(id));
  }
  return paginate(ids, filter, async (pageIds) => {
    const build = createDocumentBuilder(withholdConfidential(await readServiceRecords(scope, pageIds, { documents: filter.full === true })));
    return pageIds.map((id) => {
      const full = build('service', id) as HsdsDocument;
      return filter.full ? full : pickListForm(full, ['organization', 'program']);
    });
  });
}

/** One compiled service document, or undefined. */
export async function readHsdsService(scope: OrgScope, id: string): Promise<HsdsDocument | undefined> {
  return createDocumentBuilder(withholdConfidential(await readServiceRecords(scope, [id], { documents: true })))('service', id);
}

/** A page of services at locations, optionally near a postcode (`proximity` in metres from its centroid). */
export async function pageServiceAtLocations(scope: OrgScope, filter: ServiceFilter & { postcode?: string; proximity?: string }): Promise<HsdsPage<HsdsDocument>> {
  const conditions = await serviceConditions(scope, filter);
  let query = scope.selectFrom('refer_search').select(['service_at_location_id', 'latitude', 'longitude']).where('service_at_location_id', 'is not', null);
  for (const c of conditions) query = query.where(c);
  if (filter.organization_id !== undefined) {
    query = query.where('service_id', 'in', scope.selectFrom('refer_row').select('id').where('hsds_table', '=', 'service').where('ref_owner', '=', filter.organization_id));
  }
  let rows = await query.execute();
  if (filter.postcode !== undefined) {
    const centroid = findPostalCentroid(filter.postcode);
    if (!centroid) throw invalid('unknown US postal code', 'postcode');
    const metres = filter.proximity === undefined ? undefined : Number(filter.proximity);
    if (metres !== undefined && !(metres >= 0)) throw invalid('proximity must be a number of metres', 'proximity');
    // Confidential places are stored snapped to a coarse grid (search-rows.ts), so this reveals no more.
    const placed = rows
      .filter((r) => r.latitude !== null && r.longitude !== null)
      .map((r) => ({ row: r, km: haversineKm(centroid, { latitude: Number(r.latitude), longitude: Number(r.longitude) }) }))
      .filter((p) => metres === undefined || p.km * 1000 <= metres)
      .sort((a, b) => a.km - b.km || compareText(a.row.service_at_location_id as string, b.row.service_at_location_id as string));
    rows = placed.map((p) => p.row);
  } else {
    rows.sort((a, b) => compareText(a.service_at_location_id as string, b.service_at_location_id as string));
  }
  const ids = rows.map((r) => r.service_at_location_id as string);
  return paginate(ids, filter, async (pageIds) => {
    const links = await readRowsById(scope, 'service_at_location', pageIds);
    const build = createDocumentBuilder(withholdConfidential(await readServiceRecords(scope, links.map((l) => String(l.service_id)), { documents: filter.full === true })));
    return pageIds.map((id) => {
      const full = build('service_at_location', id) as HsdsDocument;
      return filter.full ? full : pickListForm(full, ['location', 'service']);
    });
  });
}

/** A page of organizations (scalar fields; `full` nests everything, `full_service` nests full services). */
export async function pageOrganizations(scope: OrgScope, filter: PageRequest & { search?: string; full?: boolean; full_service?: boolean }): Promise<HsdsPage<HsdsDocument>> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.search) conditions.push(sql<SqlBool>`lower(refer_row.data) like ${`%${filter.search.toLowerCase().replace(/[%_]/g, '')}%`}`);
  const ids = await selectIds(scope, 'organization', conditions);
  return paginate(ids, filter, async (pageIds) => {
    const out: HsdsDocument[] = [];
    for (const id of pageIds) {
      if (filter.full || filter.full_service) out.push((await readHsdsOrganization(scope, id, { fullService: filter.full_service === true })) as HsdsDocument);
      else out.push((await readRowsById(scope, 'organization', [id]))[0] as HsdsDocument);
    }
    return out;
  });
}

/** One compiled organization document: its locations, programs, phones… and services (list form unless `fullService`). */
export async function readHsdsOrganization(scope: OrgScope, id: string, options: { fullService: boolean }): Promise<HsdsDocument | undefined> {
  const organization = await readRowsById(scope, 'organization', [id]);
  if (organization.length === 0) return undefined;
  const services = await scope.selectFrom('refer_row').select('id').where('hsds_table', '=', 'service').where('ref_owner', '=', id).execute();
  const records = await readServiceRecords(scope, services.map((s) => s.id), { documents: true });
  const own = await scope.selectFrom('refer_row').select(['hsds_table', 'data']).where((eb) => eb.or([eb('ref_owner', '=', id), eb('ref_link', '=', id)])).execute();
  merge(records, own);
  // The organization's own locations: their addresses and flags too, or a flagged location
  // without services would show its address.
  const ownIds = own.map((r) => (JSON.parse(r.data) as HsdsRow).id);
  const locations = own.filter((r) => r.hsds_table === 'location').map((r) => (JSON.parse(r.data) as HsdsRow).id);
  for (const batch of chunks([...ownIds, ...locations], 500)) {
    merge(records, await scope.selectFrom('refer_row').select(['hsds_table', 'data'])
      .where((eb) => eb.or([eb('ref_link', 'in', batch), eb('ref_location', 'in', batch)])).execute());
  }
  const document = createDocumentBuilder(withholdConfidential(records))('organization', id) as HsdsDocument;
  if (Array.isArray(document.services)) {
    // The builder leaves out a nested service's upward objects; the compiled organization (and the
    // official example) shows each full service with its program.
    const programs = new Map(records.program.map((p) => [p.id, p]));
    document.services = (document.services as HsdsDocument[]).map((s) => {
      if (!options.fullService) return pickListForm(s, []);
      const program = typeof s.program_id === 'string' ? programs.get(s.program_id) : undefined;
      return program ? { ...s, program } : s;
    });
  }
  return document;
}

/** A page of taxonomies, or of taxonomy terms (by taxonomy, parent, or top level only). */
export async function pageTaxonomyRows(
  scope: OrgScope,
  table: 'taxonomy' | 'taxonomy_term',
  filter: PageRequest & { search?: string; taxonomy_id?: string; parent_id?: string; top_only?: boolean },
): Promise<HsdsPage<HsdsRow>> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.search) conditions.push(sql<SqlBool>`lower(refer_row.data) like ${`%${filter.search.toLowerCase().replace(/[%_]/g, '')}%`}`);
  if (filter.taxonomy_id !== undefined) conditions.push(sql<SqlBool>`refer_row.ref_link = ${filter.taxonomy_id}`);
  let ids = await selectIds(scope, table, conditions);
  if (table === 'taxonomy_term' && (filter.parent_id !== undefined || filter.top_only)) {
    const rows = await readRowsById(scope, 'taxonomy_term', ids);
    const keep = new Set(rows.filter((r) => (filter.parent_id === undefined || r.parent_id === filter.parent_id) && (!filter.top_only || r.parent_id === undefined)).map((r) => r.id));
    ids = ids.filter((id) => keep.has(id));
  }
  return paginate(ids, filter, async (pageIds) => {
    const rows = await readRowsById(scope, table, pageIds);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return pageIds.map((id) => byId.get(id) as HsdsRow);
  });
}

/** One taxonomy or term, or undefined. */
export async function readTaxonomyRow(scope: OrgScope, table: 'taxonomy' | 'taxonomy_term', id: string): Promise<HsdsRow | undefined> {
  return (await readRowsById(scope, table, [id]))[0];
}

// Conditions on services, as filters of `refer_search` or of `refer_row` by service id.
async function serviceConditions(scope: OrgScope, filter: ServiceFilter): Promise<Expression<SqlBool>[]> {
  const onSearch: Expression<SqlBool>[] = [];
  const text = filter.search ? matchText(scope.dialect, filter.search) : undefined;
  if (text) onSearch.push(text);
  if (filter.taxonomy_term_id !== undefined) onSearch.push(sql<SqlBool>`refer_search.terms like ${`% ${filter.taxonomy_term_id} %`}`);
  if (filter.taxonomy_id !== undefined) {
    const terms = await scope.selectFrom('refer_row').select('id').where('hsds_table', '=', 'taxonomy_term').where('ref_link', '=', filter.taxonomy_id).execute();
    if (terms.length === 0) onSearch.push(sql<SqlBool>`1 = 0`);
    else onSearch.push(sql<SqlBool>`(${sql.join(terms.map((t) => sql`refer_search.terms like ${`% ${t.id} %`}`), sql` or `)})`);
  }
  return onSearch;
}

// Ids of a table's rows matching the conditions, in id order (byte order on both databases).
async function selectIds(scope: OrgScope, table: HsdsTable, onSearch: Expression<SqlBool>[], owner?: string): Promise<string[]> {
  let query = scope.selectFrom('refer_row').select('id').where('hsds_table', '=', table);
  if (table === 'service' && onSearch.length > 0) {
    let sub = scope.selectFrom('refer_search').select('refer_search.service_id');
    for (const c of onSearch) sub = sub.where(c);
    query = query.where('id', 'in', sub);
  } else if (table !== 'service') {
    for (const c of onSearch) query = query.where(c);
  }
  if (owner !== undefined) query = query.where('ref_owner', '=', owner);
  const rows = await query.execute();
  return rows.map((r) => r.id).sort(compareText);
}

async function paginate<T>(ids: string[], request: PageRequest, load: (ids: string[]) => Promise<T[]>): Promise<HsdsPage<T>> {
  const perPage = Math.min(Math.max(request.per_page ?? 50, 1), maxPerPage);
  const pageNumber = Math.max(request.page ?? 1, 1);
  const totalPages = Math.ceil(ids.length / perPage);
  const contents = await load(ids.slice((pageNumber - 1) * perPage, pageNumber * perPage));
  return {
    total_items: ids.length,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

// The list forms of the compiled schemas: scalar fields plus the named nested objects (themselves scalar).
function pickListForm(document: HsdsDocument, objects: string[]): HsdsDocument {
  const out: HsdsDocument = { id: document.id };
  for (const [key, value] of Object.entries(document)) {
    if (value === null || typeof value !== 'object') out[key] = value;
    else if (objects.includes(key) && !Array.isArray(value)) out[key] = pickListForm(value as HsdsDocument, []);
  }
  return out;
}

function merge(records: DirectoryRecords, rows: { hsds_table: string; data: string }[]): void {
  const seen = new Set(hsdsTables.flatMap((t) => records[t].map((r) => `${t}/${r.id}`)));
  for (const r of rows) {
    const row = JSON.parse(r.data) as HsdsRow;
    if (!(hsdsTables as readonly string[]).includes(r.hsds_table) || seen.has(`${r.hsds_table}/${row.id}`)) continue;
    records[r.hsds_table as HsdsTable].push(row);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

