/**
 * A small local EHR for the tests, on 127.0.0.1, built from real parts: a FHIR R4 API over
 * records held in memory (test-ehr-fhir.ts), a SMART App Launch authorization server from
 * `oidc-provider` (test-ehr-auth.ts), and a CDS Hooks client that signs its calls with its own key
 * (ES384, JWK Set at /jwks.json) and shows cards on a chart page (test-ehr-cds.ts). It is a real
 * HTTP peer of Lantern, not a stand-in for Lantern's code.
 *
 * Paths: `/fhir/*` FHIR API (and its `.well-known/smart-configuration`), `/chart/{patientId}` the
 * chart page that fires `patient-view`, `/jwks.json` the CDS signing keys, `/interaction/*` the
 * sign-in page, everything else the OpenID provider (`/auth`, `/token`, `/jwks`, …).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { handleFhirRequest, type FhirAccess, type StoredResource } from './test-ehr-fhir.ts';
import { createAuthServer, SMART_SCOPES, type LaunchContext } from './test-ehr-auth.ts';
import { callCdsService, chartPage, discoverPrefetch, resolvePrefetch } from './test-ehr-cds.ts';

export const CDS_SERVICE_ID = 'lantern-trafficking-screening';

export interface TestEhrOptions {
  /** Lantern's public URL: the SMART client's redirect URI and the CDS service live there. */
  lanternUrl?: string;
  /** Lifetime of SMART access tokens (short ones make the app refresh). */
  accessTokenTtlSeconds?: number;
}

export interface TestEhr {
  url: string;
  /** The `iss` of the EHR's CDS Hooks JWTs. */
  issuer: string;
  jwksUrl: string;
  /** The FHIR base URL, also the `iss` of SMART launches. */
  fhirBase: string;
  /** The EHR's own system token (what it hands a CDS service as fhirAuthorization). */
  accessToken: string;
  /** Lantern's public client id at this EHR's authorization server. */
  smartClientId: string;
  /** Requests the FHIR API received (method and path), to prove what a client did. */
  fhirRequests: string[];
  /** Token requests by grant type, in order. */
  tokenGrants: string[];
  putResource(resource: StoredResource): void;
  /** Resources of a type the EHR holds (including what apps wrote back). */
  listResources<T extends fhir4.FhirResource>(type: T['resourceType']): (T & { id: string })[];
  /** Opens a launch for a patient and returns the opaque `launch` value. */
  createLaunch(context: LaunchContext): string;
  /** The patient a standalone launch picks. */
  setStandalonePatient(patientId: string): void;
  /** The chart page URL for a patient (fires patient-view; `prefetch: false` makes Lantern fetch). */
  chartUrl(patientId: string, options?: { prefetch?: boolean }): string;
  signRequestJwt(audience: string, overrides?: { jti?: string; expiresInSeconds?: number; jku?: string; issuer?: string }): Promise<string>;
  close(): Promise<void>;
}

/** Starts the test EHR on a free port of 127.0.0.1. */
export async function startTestEhr(options: TestEhrOptions = {}): Promise<TestEhr> {
  const { publicKey, privateKey } = await generateKeyPair('ES384');
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' };
  const resources = new Map<string, StoredResource>();
  const launches = new Map<string, LaunchContext>();
  const accessToken = `ehr-${randomUUID()}`;
  const fhirRequests: string[] = [];
  const smartClientId = 'lantern-smart-app';
  let standalonePatient: string | undefined;

  let handler: ((req: Parameters<Parameters<typeof createServer>[1] & {}>[0], res: Parameters<Parameters<typeof createServer>[1] & {}>[1]) => void) | undefined;
  const server: Server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fhirBase = `${url}/fhir`;
  const issuer = `${url}/ehr`;

  const signRequestJwt: TestEhr['signRequestJwt'] = (audience, overrides = {}) => new SignJWT({})
    .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid, ...(overrides.jku ? { jku: overrides.jku } : {}) })
    .setIssuer(overrides.issuer ?? issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (overrides.expiresInSeconds ?? 300))
    .setJti(overrides.jti ?? randomUUID())
    .sign(privateKey);

  const auth = createAuthServer({
    issuer: url, fhirBase, clientId: smartClientId,
    redirectUris: options.lanternUrl ? [`${options.lanternUrl}/smart/app`] : ['http://127.0.0.1/unused'],
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600, practitionerId: 'practitioner-1',
    standalonePatient: () => standalonePatient, launches,
  });

  const authorizeFhir = async (token: string): Promise<FhirAccess | undefined> => {
    if (token === accessToken) return { kind: 'system' };
    const issued = await auth.findToken(token);
    return issued && { kind: 'smart', scopes: new Set(issued.scope.split(' ')), ...(issued.patientId ? { patientId: issued.patientId } : {}) };
  };
  const fhirOptions = {
    base: fhirBase, resources, log: fhirRequests, authorize: authorizeFhir,
    endpoints: { issuer: url, authorizationEndpoint: `${url}/auth`, tokenEndpoint: `${url}/token`, jwksUri: `${url}/jwks`, scopesSupported: SMART_SCOPES },
  };

  async function showChart(patientId: string, prefetch: boolean): Promise<string> {
    if (!options.lanternUrl) throw new Error('the chart page needs lanternUrl');
    const serviceUrl = `${options.lanternUrl}/cds-services/${CDS_SERVICE_ID}`;
    const context = { userId: 'Practitioner/practitioner-1', patientId };
    const templates = prefetch ? await discoverPrefetch(`${options.lanternUrl}/cds-services`, CDS_SERVICE_ID) : undefined;
    const cards = await callCdsService({
      serviceUrl, hook: 'patient-view', context,
      ...(templates ? { prefetch: resolvePrefetch(templates, context, resources.values()) } : { fhirServer: fhirBase, accessToken }),
    }, await signRequestJwt(serviceUrl));
    const launch = randomUUID();
    launches.set(launch, { patientId });
    return chartPage(resources.get(`Patient/${patientId}`) as fhir4.Patient | undefined, cards,
      (link) => `${link.url}?launch=${encodeURIComponent(launch)}&iss=${encodeURIComponent(fhirBase)}`);
  }

  handler = (req, res) => {
    const parsed = new URL(req.url ?? '/', url);
    const path = parsed.pathname;
    const fail = (error: unknown): void => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`test EHR error: ${error instanceof Error ? error.message : String(error)}`);
    };
    if (path === '/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    if (path === '/fhir' || path.startsWith('/fhir/')) {
      handleFhirRequest(fhirOptions, req, res, path.slice('/fhir'.length), parsed.searchParams).catch(fail);
      return;
    }
    const chart = /^\/chart\/([^/]+)$/.exec(path);
    if (chart) {
      showChart(decodeURIComponent(chart[1]!), parsed.searchParams.get('prefetch') !== 'false').then((html) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
      }, fail);
      return;
    }
    auth.handle(req, res, path).catch(fail);
  };

  return {
    url, issuer, jwksUrl: `${url}/jwks.json`, fhirBase, accessToken, smartClientId, fhirRequests, tokenGrants: auth.tokenGrants,
    putResource: (resource) => { resources.set(`${resource.resourceType}/${resource.id}`, resource); },
    listResources: <T extends fhir4.FhirResource>(type: T['resourceType']) => [...resources.values()].filter((r) => r.resourceType === type) as (T & { id: string })[],
    createLaunch: (context) => {
      const launch = randomUUID();
      launches.set(launch, context);
      return launch;
    },
    setStandalonePatient: (patientId) => { standalonePatient = patientId; },
    chartUrl: (patientId, chartOptions = {}) => `${url}/chart/${encodeURIComponent(patientId)}${chartOptions.prefetch === false ? '?prefetch=false' : ''}`,
    signRequestJwt,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
