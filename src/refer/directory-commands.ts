/**
 * @module What `lantern directory import|export` do, apart from the terminal: pick the
 * organization, run the import or export, and word the outcome for a person or as JSON.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform } from '../platform/services.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { invalid } from '../platform/http/errors.ts';
import { importPath, type DirectoryImportOutcome, type ImportPathOptions } from './directory-import.ts';
import type { ImportIssue } from './import-records.ts';
import { readDirectory } from './store-rows.ts';
import { exportCsvFiles, exportCsvZip, exportJson } from './export.ts';

/** The organization a command acts for: `--org`, or the only one there is. */
export async function resolveCommandScope(platform: Platform, orgId: string | undefined): Promise<OrgScope> {
  const orgs = await platform.data.db.selectFrom('platform_organization').select(['id', 'name']).execute();
  if (orgId !== undefined) {
    if (!orgs.some((o) => o.id === orgId)) throw invalid(`No organization has id ${orgId}.`, 'org');
    return platform.scope(orgId, { id: null, kind: 'system' });
  }
  if (orgs.length !== 1) {
    const list = orgs.map((o) => `  ${o.id}  ${o.name}`).join('\n');
    throw invalid(orgs.length === 0 ? 'There is no organization yet: create one with `lantern org create`.' : `Several organizations exist; choose one with --org:\n${list}`, 'org');
  }
  return platform.scope((orgs[0] as { id: string }).id, { id: null, kind: 'system' });
}

/** Imports a path for the command; returns the outcome and its wording. */
export async function runDirectoryImport(scope: OrgScope, path: string, options: ImportPathOptions & { json: boolean }): Promise<{ outcome: DirectoryImportOutcome; output: string; exitCode: number }> {
  const outcome = await importPath(scope, path, options);
  if (options.json) {
    const summary = outcome.ok
      ? { ok: true, organizationId: scope.organizationId, rows: outcome.counts.rows, services: outcome.counts.services, warnings: outcome.warnings }
      : { ok: false, organizationId: scope.organizationId, errors: outcome.errors, warnings: outcome.warnings };
    return { outcome, output: JSON.stringify(summary, null, 2), exitCode: outcome.ok ? 0 : 1 };
  }
  if (!outcome.ok) {
    const lines = outcome.errors.map(describeIssue);
    return { outcome, output: `Nothing was imported: ${outcome.errors.length} error(s).\n${lines.join('\n')}`, exitCode: 1 };
  }
  const rows = Object.entries(outcome.counts.rows).map(([table, n]) => `  ${table}: ${n}`).join('\n');
  const warned = outcome.warnings.length > 0 ? `\n${outcome.warnings.length} warning(s), e.g.:\n${outcome.warnings.slice(0, 5).map(describeIssue).join('\n')}` : '';
  return { outcome, output: `Imported ${outcome.counts.services} service(s) into organization ${scope.organizationId}:\n${rows}${warned}`, exitCode: 0 };
}

/** Exports the organization's directory as HSDS JSON or the tabular datapackage (zip, or a folder without `.zip`). */
export async function runDirectoryExport(scope: OrgScope, out: string, format: string): Promise<string> {
  const records = await readDirectory(scope);
  if (format === 'json') {
    await writeFile(out, `${JSON.stringify(exportJson(records), null, 2)}\n`);
  } else if (format === 'csv') {
    if (/\.zip$/i.test(out)) await writeFile(out, exportCsvZip(records));
    else {
      await mkdir(out, { recursive: true });
      for (const [name, text] of exportCsvFiles(records)) await writeFile(join(out, name), text);
    }
  } else {
    throw invalid('The format is json or csv.', 'format');
  }
  await scope.audit({ action: 'export', resourceType: 'directory', resourceId: null, purpose: 'operations' });
  return `Exported ${records.service.length} service(s) of organization ${scope.organizationId} to ${out} (${format}), confidential addresses withheld.`;
}

/** One issue on one line: file, row or record, field, reason. */
export function describeIssue(issue: ImportIssue): string {
  const where = [issue.file, issue.row !== undefined ? `row ${issue.row}` : undefined, issue.recordId !== undefined ? `id ${issue.recordId}` : undefined, issue.field]
    .filter((part) => part !== undefined && part !== '').join(', ');
  return `  ${where}: ${issue.reason}`;
}
