/**
 * @module The jurisdiction data an organization works with: Lantern's shipped data with the
 * organization's own edits laid over it. Edits are validated by the same schema as the shipped file.
 */
import type { OrgScope } from '../platform/db/scope.ts';
import { invalid } from '../platform/http/errors.ts';
import { loadShippedReference, validateJurisdictions, withJurisdictions, type Jurisdiction, type RespondReference } from './jurisdictions.ts';

/** The reference data (jurisdictions + national routes) with the organization's edits applied. */
export async function organizationReference(scope: OrgScope): Promise<RespondReference> {
  const shipped = loadShippedReference();
  const rows = await scope.selectFrom('respond_jurisdiction_override').select('document').execute();
  if (rows.length === 0) return shipped;
  return { ...shipped, jurisdictions: withJurisdictions(shipped.jurisdictions, rows.map((r) => JSON.parse(r.document) as Jurisdiction)) };
}

/** Saves an organization's version of one jurisdiction after validating it; audited. */
export async function saveJurisdiction(scope: OrgScope, code: string, entry: unknown): Promise<Jurisdiction> {
  const shipped = loadShippedReference();
  // Validate as a whole document, so the schema and the cross-field rules both apply.
  const parsed = validateJurisdictions({ version: shipped.jurisdictions.version, jurisdictions: [entry], fallback: shipped.jurisdictions.fallback });
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    throw invalid(`${first.path.replace(/^\/jurisdictions\/0/, '') || '/'}: ${first.reason}`, first.path.replace(/^\/jurisdictions\/0\/?/, '').replace(/\//g, '.') || 'body');
  }
  const jurisdiction = parsed.value.jurisdictions[0]!;
  if (jurisdiction.code !== code) throw invalid(`The entry's code (${jurisdiction.code}) does not match the address (${code}).`, 'code');
  await scope.transaction(async (tx) => {
    await tx.deleteFrom('respond_jurisdiction_override').where('code', '=', code).execute();
    await tx.insert('respond_jurisdiction_override', { code, document: JSON.stringify(jurisdiction), updated_by: tx.actor.id ?? 'system', updated_at: new Date().toISOString() });
    await tx.audit({ action: 'update', resourceType: 'jurisdiction', resourceId: code, purpose: 'operations' });
  });
  return jurisdiction;
}
