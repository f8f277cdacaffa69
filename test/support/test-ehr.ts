/**
 * A small local EHR for the tests, on 127.0.0.1: it signs CDS Hooks requests with its own key
 * (ES384, JWK Set served at /jwks.json), and serves a FHIR R4 read/search API over records it
 * holds in memory, behind a bearer token. It is a real HTTP peer, not a stand-in for Lantern's code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export interface TestEhr {
  url: string;
  issuer: string;
  jwksUrl: string;
  fhirBase: string;
  accessToken: string;
  /** Requests the FHIR API received (method and path), to prove what Lantern fetched. */
  fhirRequests: string[];
  putResource(resource: fhir4.FhirResource & { id: string }): void;
  signRequestJwt(audience: string, overrides?: { jti?: string; expiresInSeconds?: number; jku?: string; issuer?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestEhr(): Promise<TestEhr> {
  const { publicKey, privateKey } = await generateKeyPair('ES384');
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' };
  const resources = new Map<string, fhir4.FhirResource & { id: string }>();
  const accessToken = `ehr-${randomUUID()}`;
  const fhirRequests: string[] = [];

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown, type = 'application/fhir+json'): void => {
      response.writeHead(status, { 'content-type': type });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/jwks.json') return send(200, { keys: [jwk] }, 'application/json');
    if (!url.pathname.startsWith('/fhir/')) return send(404, {});
    fhirRequests.push(`${request.method} ${url.pathname}${url.search}`);
    if (request.headers.authorization !== `Bearer ${accessToken}`) return send(401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] });
    const [type, id] = url.pathname.slice('/fhir/'.length).split('/');
    if (id) {
      const found = resources.get(`${type}/${id}`);
      return found ? send(200, found) : send(404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
    }
    const patient = url.searchParams.get('patient');
    const matches = [...resources.values()].filter((r) => r.resourceType === type
      && (!patient || (r as { subject?: { reference?: string } }).subject?.reference === `Patient/${patient}`));
    return send(200, { resourceType: 'Bundle', type: 'searchset', total: matches.length, entry: matches.map((resource) => ({ resource })) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${url}/ehr`;

  return {
    url, issuer, jwksUrl: `${url}/jwks.json`, fhirBase: `${url}/fhir`, accessToken, fhirRequests,
    putResource: (resource) => { resources.set(`${resource.resourceType}/${resource.id}`, resource); },
    signRequestJwt: (audience, overrides = {}) => new SignJWT({})
      .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid, ...(overrides.jku ? { jku: overrides.jku } : {}) })
      .setIssuer(overrides.issuer ?? issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + (overrides.expiresInSeconds ?? 300))
      .setJti(overrides.jti ?? randomUUID())
      .sign(privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
