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
  const client = issuer ? await findCdsClient(db, issuer) : undefined;
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
  const inserted = await db.insertInto('ehr_cds_jti').values({ issuer: client.issuer, jti: String(payload.jti), expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['issuer', 'jti']).doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new LanternError('UNAUTHENTICATED', 'This JWT was already used (jti replay).');
  // Expired ids can go: a replay of them fails on `exp` anyway.
  await db.deleteFrom('ehr_cds_jti').where('expires_at', '<', now.toISOString()).execute();
  return client;
}
