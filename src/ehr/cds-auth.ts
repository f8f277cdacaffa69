/**
 * @module Authenticates a CDS Hooks request as CDS Hooks 2.0 §"Trusting CDS Clients" describes: a
 * bearer JWT signed by the EHR, whose `iss` is on the allow-list, `aud` is the service endpoint,
 * `exp` is in the future, `jti` is new, and whose key comes from the issuer's configured JWK Set
 * (a `jku` header is honoured only when it names that same URL).
 */
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Db } from '../platform/db/index.ts';
import { LanternError, unauthenticated } from '../platform/http/errors.ts';

export interface CdsClient {
  id: string;
  organizationId: string;
  facilityId: string | null;
  issuer: string;
  jwksUrl: string;
  fhirServers: string[];
}

// CDS Hooks 2.0 asks services to support ES384 and RS384; both are accepted, nothing weaker.
const ALGORITHMS = ['ES384', 'RS384'];
const keySets = new Map<string, JWTVerifyGetKey>();

function keySetFor(url: string): JWTVerifyGetKey {
  let keys = keySets.get(url);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    keySets.set(url, keys);
  }
  return keys;
}

export async function findCdsClient(db: Db, issuer: string): Promise<CdsClient | undefined> {
  const row = await db.selectFrom('ehr_cds_client').selectAll().where('issuer', '=', issuer).executeTakeFirst();
  return row && {
    id: row.id, organizationId: row.organization_id, facilityId: row.facility_id, issuer: row.issuer, jwksUrl: row.jwks_url,
    fhirServers: JSON.parse(row.fhir_servers) as string[],
  };
}

/**
 * How long a process trusts a registration it has read. Every hook call would otherwise read it
 * again; a change made through this process takes effect at once (forgetCdsClients), one made
 * through another process within this time. Only registered issuers are kept, so a caller naming
 * made-up issuers cannot grow the cache.
 */
export const CDS_CLIENT_CACHE_MS = 10_000;
const knownClients = new Map<string, { client: CdsClient; readAt: number }>();

async function registeredClient(db: Db, issuer: string, now: number): Promise<CdsClient | undefined> {
  const known = knownClients.get(issuer);
  if (known && now - known.readAt < CDS_CLIENT_CACHE_MS) return known.client;
  const client = await findCdsClient(db, issuer);
  if (client) knownClients.set(issuer, { client, readAt: now });
  else knownClients.delete(issuer);
  return client;
}

/** Drops what this process remembers of registrations, after an admin changes them. */
export function forgetCdsClients(): void {
  knownClients.clear();
}

/**
 * Deletes recorded `jti`s whose token has expired: a replay of one fails on `exp` anyway. Run by
 * the hourly EHR job rather than on every hook call, so a call costs one insert.
 */
export async function sweepExpiredJtis(db: Db, now = new Date()): Promise<{ deleted: number }> {
  const result = await db.deleteFrom('ehr_cds_jti').where('expires_at', '<', now.toISOString()).executeTakeFirst();
  return { deleted: Number(result.numDeletedRows) };
}

/** Verifies the request's JWT and returns the client it identifies; throws 401 with the reason. */
export async function authenticateCdsRequest(db: Db, authorization: string | undefined, audience: string | string[], now = new Date()): Promise<CdsClient> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw unauthenticated('CDS Hooks requests must carry "Authorization: Bearer <JWT>" signed by the EHR.');
  const token = match[1]!;
  let issuer: string | undefined;
  let jku: string | undefined;
  try {
    issuer = decodeJwt(token).iss;
    jku = decodeProtectedHeader(token).jku;
  } catch {
    throw unauthenticated('The bearer token is not a JWT.');
  }
  const client = issuer ? await registeredClient(db, issuer, now.getTime()) : undefined;
  if (!client) throw unauthenticated('The JWT issuer is not an EHR this organization has allowed.');
  if (jku !== undefined && jku !== client.jwksUrl) throw unauthenticated('The JWT names a key set (jku) this issuer is not allowed to use.');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keySetFor(client.jwksUrl), {
      issuer: client.issuer, audience, algorithms: ALGORITHMS, currentDate: now, requiredClaims: ['exp', 'jti', 'iat'],
    }));
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as { code: string }).code) : 'invalid';
    throw unauthenticated(`The JWT was refused (${reason}).`);
  }
  const expiresAt = new Date((payload.exp ?? 0) * 1000).toISOString();
  // The (issuer, jti) primary key settles a replay in this one insert, even between processes.
  const inserted = await db.insertInto('ehr_cds_jti').values({ issuer: client.issuer, jti: String(payload.jti), expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['issuer', 'jti']).doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new LanternError('UNAUTHENTICATED', 'This JWT was already used (jti replay).');
  return client;
}
