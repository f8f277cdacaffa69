/**
 * @module Exports a directory as HSDS 3.0: JSON (a list of compiled organization documents, each
 * with its services, locations and programs nested, as `organization_package.json` describes) or
 * the tabular datapackage (datapackage.json plus one CSV per table, optionally zipped). Both
 * withhold confidential addresses (see confidential.ts). Pure: the caller writes the bytes.
 *
 * The JSON form holds what hangs from an organization; rows attached to none (a taxonomy term no
 * attribute uses, a location without organization or service) travel only in the tabular form.
 */
import { zipSync, strToU8 } from 'fflate';
import { hsdsTables, type DirectoryRecords, type HsdsRow, type HsdsTable } from './hsds-tables.ts';
import { loadHsdsSpec, type HsdsSpec } from './hsds-spec.ts';
import { withholdConfidential } from './confidential.ts';
import { buildOrganizationDocuments, type HsdsDocument } from './export-document.ts';

/** The directory as a list of nested HSDS organization documents, confidential addresses withheld. */
export function exportJson(records: DirectoryRecords): HsdsDocument[] {
  return buildOrganizationDocuments(withholdConfidential(records));
}

/** The tabular datapackage as files (name → text): datapackage.json and a CSV for every table. */
export function exportCsvFiles(records: DirectoryRecords, spec: HsdsSpec = loadHsdsSpec()): Map<string, string> {
  const shown = withholdConfidential(records);
  const files = new Map<string, string>();
  files.set('datapackage.json', `${JSON.stringify(spec.datapackage, null, 2)}\n`);
  for (const table of hsdsTables) files.set(spec.files[table], formatCsv(table, shown[table], spec));
  return files;
}

/** The tabular datapackage as one zip archive. */
export function exportCsvZip(records: DirectoryRecords, spec: HsdsSpec = loadHsdsSpec()): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of exportCsvFiles(records, spec)) entries[name] = strToU8(text);
  return zipSync(entries, { level: 6 });
}

/** One table's rows as CSV text, columns in the datapackage's order, header first unless told. */
export function formatCsv(table: HsdsTable, rows: HsdsRow[], spec: HsdsSpec = loadHsdsSpec(), options = { header: true }): string {
  const columns = spec.columns[table];
  const lines = rows.map((row) => columns.map((column) => formatCell(row[column])).join(','));
  if (options.header) lines.unshift(columns.map(formatCell).join(','));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

// RFC 4180: quote a cell holding a comma, quote or line break, doubling its quotes.
function formatCell(value: HsdsRow[string] | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
