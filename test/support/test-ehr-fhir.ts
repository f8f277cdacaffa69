/**
 * The test EHR's FHIR R4 API: read, search and create for Patient, Condition, Encounter,
 * QuestionnaireResponse and Observation over records held in memory, `/metadata` and
 * `/.well-known/smart-configuration` (both public), and scope checks as SMART App Launch 2.2
 * describes them (v2 `patient/<Type>.<crus>` scopes bound to the token's patient). CORS is open:
 * SMART apps call from the browser with a bearer token, never with cookies.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const FHIR_TYPES = ['Patient', 'Condition', 'Encounter', 'QuestionnaireResponse', 'Observation'] as const;

export type StoredResource = fhir4.FhirResource & { id: string };

/** Who a bearer token speaks for: the EHR's own system token, or a SMART app's patient-scoped token. */
export type FhirAccess =
  | { kind: 'system' }
  | { kind: 'smart'; scopes: ReadonlySet<string>; patientId?: string };

export interface FhirEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  scopesSupported: readonly string[];
}

export interface FhirServerOptions {
  base: string;
  resources: Map<string, StoredResource>;
  endpoints: FhirEndpoints;
  authorize(token: string): Promise<FhirAccess | undefined>;
  /** Every FHIR request as `METHOD path?query`, to prove what a client did. */
  log: string[];
}

const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': 'application/fhir+json', 'access-control-allow-origin': '*', 'access-control-expose-headers': 'location', ...headers });
  response.end(JSON.stringify(body));
};

const outcome = (code: string, diagnostics: string): fhir4.OperationOutcome => ({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: code as fhir4.OperationOutcomeIssue['code'], diagnostics }] });

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The patient a resource is about: itself for a Patient, else its subject (or patient) reference. */
function patientOf(resource: fhir4.FhirResource): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  const ref = (resource as { subject?: fhir4.Reference; patient?: fhir4.Reference }).subject?.reference
    ?? (resource as { patient?: fhir4.Reference }).patient?.reference;
  return ref?.startsWith('Patient/') ? ref.slice('Patient/'.length) : undefined;
}

/** True when a SMART v2 scope set grants `interaction` (c, r, u, d or s) on `type`. */
export function scopeAllows(scopes: ReadonlySet<string>, type: string, interaction: 'c' | 'r' | 's'): boolean {
  for (const scope of scopes) {
    const match = /^patient\/([A-Za-z*]+)\.([cruds]+)$/.exec(scope);
    if (match && (match[1] === type || match[1] === '*') && match[2]!.includes(interaction)) return true;
  }
  return false;
}

function smartConfiguration(endpoints: FhirEndpoints): Record<string, unknown> {
  return {
    issuer: endpoints.issuer,
    jwks_uri: endpoints.jwksUri,
    authorization_endpoint: endpoints.authorizationEndpoint,
    token_endpoint: endpoints.tokenEndpoint,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: endpoints.scopesSupported,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: ['launch-ehr', 'launch-standalone', 'client-public', 'context-ehr-patient', 'context-standalone-patient',
      'permission-v2', 'permission-patient', 'sso-openid-connect', 'permission-offline'],
  };
}

function capabilityStatement(options: FhirServerOptions): fhir4.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement', status: 'active', date: '2026-01-01', kind: 'instance', fhirVersion: '4.0.1', format: ['json'],
    rest: [{
      mode: 'server',
      security: {
        service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
        extension: [{
          url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
          extension: [{ url: 'authorize', valueUri: options.endpoints.authorizationEndpoint }, { url: 'token', valueUri: options.endpoints.tokenEndpoint }],
        }],
      },
      resource: FHIR_TYPES.map((type) => ({ type, interaction: [{ code: 'read' }, { code: 'search-type' }, { code: 'create' }] })),
    }],
  };
}

/** Answers a request under the FHIR base path; `path` is what follows the base (e.g. `/Patient/p1`). */
export async function handleFhirRequest(options: FhirServerOptions, request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') {
    response.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'authorization, content-type, accept, prefer', 'access-control-max-age': '600' });
    response.end();
    return;
  }
  options.log.push(`${method} ${new URL(options.base).pathname}${path}${query.size > 0 ? `?${query}` : ''}`);
  if (path === '/.well-known/smart-configuration' && method === 'GET') return send(response, 200, smartConfiguration(options.endpoints), { 'content-type': 'application/json' });
  if (path === '/metadata' && method === 'GET') return send(response, 200, capabilityStatement(options));

  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const access = token ? await options.authorize(token) : undefined;
  if (!access) return send(response, 401, outcome('login', 'A valid access token is required.'), { 'www-authenticate': 'Bearer' });

  const [, type, id, extra] = path.split('/');
  if (!type || !(FHIR_TYPES as readonly string[]).includes(type) || extra !== undefined) return send(response, 404, outcome('not-found', `No ${path} here.`));
  const allowed = (interaction: 'c' | 'r' | 's', patientId: string | undefined): boolean =>
    access.kind === 'system' || (scopeAllows(access.scopes, type, interaction) && access.patientId !== undefined && patientId === access.patientId);

  if (method === 'GET' && id) {
    const found = options.resources.get(`${type}/${id}`);
    if (!found) return send(response, 404, outcome('not-found', `${type}/${id} is unknown.`));
    if (!allowed('r', patientOf(found))) return send(response, 403, outcome('forbidden', 'The token does not grant reading this resource.'));
    return send(response, 200, found);
  }
  if (method === 'GET') {
    const patient = query.get('patient') ?? query.get('subject')?.replace(/^Patient\//, '') ?? undefined;
    if (!allowed('s', patient ?? (access.kind === 'smart' ? access.patientId : undefined))) return send(response, 403, outcome('forbidden', 'The token does not grant this search.'));
    const matches = [...options.resources.values()].filter((r) => r.resourceType === type && (!patient || patientOf(r) === patient));
    return send(response, 200, { resourceType: 'Bundle', type: 'searchset', total: matches.length, entry: matches.map((resource) => ({ fullUrl: `${options.base}/${type}/${resource.id}`, resource })) });
  }
  if (method === 'POST' && !id) {
    let resource: StoredResource;
    try {
      resource = JSON.parse(await readBody(request)) as StoredResource;
    } catch {
      return send(response, 400, outcome('structure', 'The body is not JSON.'));
    }
    if (resource?.resourceType !== type) return send(response, 400, outcome('invalid', `The body must be a ${type}.`));
    if (!allowed('c', patientOf(resource))) return send(response, 403, outcome('forbidden', `The token does not grant creating this ${type}.`));
    const stored = { ...resource, id: randomUUID(), meta: { versionId: '1', lastUpdated: new Date().toISOString() } } as StoredResource;
    options.resources.set(`${type}/${stored.id}`, stored);
    return send(response, 201, stored, { location: `${options.base}/${type}/${stored.id}/_history/1` });
  }
  return send(response, 405, outcome('not-supported', `${method} is not supported here.`));
}
