/**
 * @module Each organization's OpenID Connect provider: issuer, client id and client secret (sealed,
 * bound to the organization's row). Admins set it through the admin API; the sign-in flow reads it.
 */
import type { Db, Tx } from '../db/index.ts';
import type { OrgScope } from '../db/scope.ts';
import type { Cipher } from '../crypto/cipher.ts';
import { fieldContext } from '../db/scope.ts';
import { invalid } from '../http/errors.ts';

export interface SsoProvider {
  organizationId: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const secretPlace = (organizationId: string) => ({ table: 'platform_sso_provider', column: 'client_secret', rowId: organizationId });

/** True for the loopback addresses a test provider or a same-host provider listens on. */
export function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/** Checks an issuer URL: HTTPS, or plain HTTP only on this machine's loopback. */
export function checkIssuer(issuer: string): string {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw invalid('Enter the issuer as a full URL, such as https://login.example.org/realms/clinic.', 'issuer');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw invalid('The issuer must use https://.', 'issuer');
  }
  if (url.search || url.hash) throw invalid('The issuer URL has no query or fragment.', 'issuer');
  return issuer.replace(/\/$/, '');
}

/** Saves (or replaces) the organization's provider; the secret is sealed before it is stored. */
export async function saveSsoProvider(scope: OrgScope, input: { issuer: string; clientId: string; clientSecret: string }): Promise<void> {
  const issuer = checkIssuer(input.issuer);
  const clientId = input.clientId.trim();
  if (!clientId) throw invalid('Enter the client id the provider gave Lantern.', 'clientId');
  const row = {
    issuer, client_id: clientId, client_secret: scope.seal(input.clientSecret, secretPlace(scope.organizationId)), updated_at: new Date().toISOString(),
  };
  const existing = await scope.selectFrom('platform_sso_provider').select('organization_id').executeTakeFirst();
  if (existing) await scope.updateTable('platform_sso_provider').set(row).execute();
  else await scope.insert('platform_sso_provider', row);
}

/** Turns single sign-on off for the organization. */
export async function removeSsoProvider(scope: OrgScope): Promise<boolean> {
  const result = await scope.deleteFrom('platform_sso_provider').executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The organization's public SSO settings (never the secret). */
export async function describeSsoProvider(scope: OrgScope): Promise<{ issuer: string; clientId: string } | null> {
  const row = await scope.selectFrom('platform_sso_provider').select(['issuer', 'client_id']).executeTakeFirst();
  return row ? { issuer: row.issuer, clientId: row.client_id } : null;
}

/** The provider with its secret opened, for the sign-in flow (no caller yet, so no scope). */
export async function loadSsoProvider(db: Db | Tx, cipher: Cipher, organizationId: string): Promise<SsoProvider | undefined> {
  const row = await db.selectFrom('platform_sso_provider').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  if (!row) return undefined;
  return {
    organizationId, issuer: row.issuer, clientId: row.client_id,
    clientSecret: cipher.open(row.client_secret, fieldContext(organizationId, secretPlace(organizationId))),
  };
}

/** Organizations that offer single sign-on, for the sign-in page. */
export async function listSsoOrganizations(db: Db | Tx): Promise<{ organizationId: string; organizationName: string }[]> {
  const rows = await db.selectFrom('platform_sso_provider')
    .innerJoin('platform_organization', 'platform_organization.id', 'platform_sso_provider.organization_id')
    .select(['platform_organization.id', 'platform_organization.name']).orderBy('platform_organization.name').execute();
  return rows.map((r) => ({ organizationId: r.id, organizationName: r.name }));
}
