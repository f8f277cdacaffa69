/**
 * The test EHR's SMART authorization server: a real OpenID provider (`oidc-provider`) that issues
 * tokens carrying the launch context (`patient` in the token response) and `fhirUser` in the ID
 * token, for a public client that must use PKCE S256 (`plain` and no PKCE are refused). Its login
 * and consent is one small page, "Allow" or "Deny", so a browser test can drive both answers.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import Provider from 'oidc-provider';

export const SMART_SCOPES = [
  'openid', 'fhirUser', 'launch', 'launch/patient', 'offline_access', 'online_access',
  'patient/Patient.r', 'patient/Patient.rs', 'patient/Condition.rs', 'patient/Encounter.r',
  'patient/QuestionnaireResponse.c', 'patient/Observation.c',
];

/** The patient (and encounter) a launch or a grant is about. */
export interface LaunchContext {
  patientId: string;
  encounterId?: string;
}

/** The token fields the FHIR API needs to decide access. */
export interface IssuedToken {
  scope: string;
  patientId?: string;
}

/** The parts of oidc-provider this file drives (the package ships no types). */
interface ProviderApi {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: GrantClass;
  AccessToken: { find(value: string): Promise<{ scope?: string; grantId?: string } | undefined> };
  RefreshToken: { find(value: string): Promise<{ clientId?: string } | undefined> };
}
interface KoaContext {
  status: number;
  body: unknown;
  response: { get(name: string): string };
  oidc?: { route?: string; params?: Record<string, unknown> };
}
interface InteractionDetails {
  uid: string;
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: Record<string, string | undefined>;
  session?: { accountId?: string };
  grantId?: string;
}
interface GrantInstance { addOIDCScope(scope: string): void; addOIDCClaims(claims: string[]): void; save(): Promise<string> }
type GrantClass = (new (init: { accountId: string; clientId: string }) => GrantInstance) & { find(id: string): Promise<GrantInstance | undefined> };

export interface AuthServerOptions {
  issuer: string;
  fhirBase: string;
  clientId: string;
  redirectUris: string[];
  accessTokenTtlSeconds: number;
  /** The practitioner who "signs in" at the EHR. */
  practitionerId: string;
  /** The patient a standalone launch picks (the test EHR's patient picker, decided in advance). */
  standalonePatient(): string | undefined;
  launches: ReadonlyMap<string, LaunchContext>;
}

export interface AuthServer {
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  /** Token requests by grant type, in order (`authorization_code`, `refresh_token`). */
  tokenGrants: string[];
  findToken(token: string): Promise<IssuedToken | undefined>;
}

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/** Starts the provider (it listens through the test EHR's own HTTP server). */
export function createAuthServer(options: AuthServerOptions): AuthServer {
  const codeContexts = new Map<string, LaunchContext>();
  const grantContexts = new Map<string, LaunchContext>();
  const tokenGrants: string[] = [];
  const fhirUser = `${options.fhirBase}/Practitioner/${options.practitionerId}`;
  const allowedOrigins = new Set(options.redirectUris.map((uri) => new URL(uri).origin));

  const provider = new Provider(options.issuer, {
    clients: [{
      client_id: options.clientId, redirect_uris: options.redirectUris, token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
    }],
    async findAccount(_ctx: unknown, id: string) {
      return { accountId: id, claims: async () => ({ sub: id, fhirUser }) };
    },
    claims: { openid: ['sub'], fhirUser: ['fhirUser'] },
    scopes: SMART_SCOPES,
    extraParams: ['launch', 'aud'],
    conformIdTokenClaims: false,
    clientBasedCORS: (_ctx: unknown, origin: string) => allowedOrigins.has(origin),
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: [randomUUID()] },
    pkce: { required: () => true },
    ttl: { AccessToken: options.accessTokenTtlSeconds, AuthorizationCode: 60, Grant: 3600, IdToken: 3600, Interaction: 600, Session: 3600, RefreshToken: 3600 },
  }) as unknown as ProviderApi;

  const contextFor = (params: Record<string, unknown> | undefined): LaunchContext | undefined => {
    if (typeof params?.launch === 'string') return options.launches.get(params.launch);
    const scope = typeof params?.scope === 'string' ? params.scope.split(' ') : [];
    const picked = scope.includes('launch/patient') ? options.standalonePatient() : undefined;
    return picked ? { patientId: picked } : undefined;
  };

  provider.use(async (ctx, next) => {
    await next();
    // oidc-provider names the route while handling it, so everything is read afterwards.
    const route = ctx.oidc?.route;
    if ((route === 'authorization' || route === 'resume') && ctx.status >= 300 && ctx.status < 400) {
      // Remember which launch each issued code belongs to; the token response carries it.
      const code = URL.canParse(ctx.response.get('location')) ? new URL(ctx.response.get('location')).searchParams.get('code') : null;
      const context = contextFor(ctx.oidc?.params);
      if (code && context) codeContexts.set(code, context);
    }
    if (route !== 'token') return;
    tokenGrants.push(String(ctx.oidc?.params?.grant_type));
    const body = ctx.body as Record<string, unknown> | undefined;
    if (ctx.status !== 200 || typeof body?.access_token !== 'string') return;
    const token = await provider.AccessToken.find(body.access_token);
    if (!token?.grantId) return;
    const codeAsked = ctx.oidc?.params?.grant_type === 'authorization_code' ? String(ctx.oidc.params.code) : undefined;
    const context = codeAsked ? codeContexts.get(codeAsked) : grantContexts.get(token.grantId);
    if (!context) return;
    grantContexts.set(token.grantId, context);
    Object.assign(body, { patient: context.patientId, ...(context.encounterId ? { encounter: context.encounterId } : {}), need_patient_banner: true });
  });

  async function interaction(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const answer = req.method === 'POST' ? new URLSearchParams(await readForm(req)).get('answer') : undefined;
    if (answer === 'deny') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user did not allow access.' }, { mergeWithLastSubmission: false });
    }
    if (details.prompt.name === 'login' && answer === 'allow') {
      return provider.interactionFinished(req, res, { login: { accountId: options.practitionerId } }, { mergeWithLastSubmission: false });
    }
    if (details.prompt.name === 'consent') {
      // The person already allowed on the login page; the consent is recorded as one grant.
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session!.accountId!, clientId: details.params.client_id! });
      if (details.prompt.details.missingOIDCScope) grant!.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '));
      if (details.prompt.details.missingOIDCClaims) grant!.addOIDCClaims(details.prompt.details.missingOIDCClaims);
      const grantId = await grant!.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    const context = contextFor(details.params);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page('Test EHR sign-in', `
      <p>Signed in as practitioner ${options.practitionerId}.</p>
      <p>Allow <strong>Lantern</strong> to open ${context ? `patient ${context.patientId}` : 'this record'} with: <code>${details.params.scope ?? ''}</code>?</p>
      <form method="post" action="${path}">
        <button type="submit" name="answer" value="allow">Allow</button>
        <button type="submit" name="answer" value="deny">Deny</button>
      </form>`));
  }

  /**
   * fhirclient's refresh request names no client_id for a public client, and oidc-provider wants one;
   * the refresh token itself says whose it is, so the EHR adds it (as EHRs that accept these do).
   */
  async function identifyRefreshingClient(req: IncomingMessage): Promise<IncomingMessage> {
    const body = await readForm(req);
    const form = new URLSearchParams(body);
    if (form.get('grant_type') === 'refresh_token' && !form.has('client_id')) {
      const refresh = await provider.RefreshToken.find(form.get('refresh_token') ?? '');
      if (refresh?.clientId) form.set('client_id', refresh.clientId);
    }
    const text = form.toString();
    const replay = Readable.from([Buffer.from(text)]) as unknown as IncomingMessage;
    return Object.assign(replay, {
      headers: { ...req.headers, 'content-length': String(Buffer.byteLength(text)) }, method: req.method, url: req.url,
      socket: req.socket, connection: req.socket, httpVersion: req.httpVersion, httpVersionMajor: req.httpVersionMajor, httpVersionMinor: req.httpVersionMinor,
    });
  }

  const callback = provider.callback();
  return {
    tokenGrants,
    async handle(req, res, path) {
      if (path.startsWith('/interaction/')) {
        try {
          return await interaction(req, res, path);
        } catch (error) {
          res.writeHead(400, { 'content-type': 'text/plain' });
          res.end(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
      }
      if (path === '/auth') {
        // SMART App Launch: the `aud` of an authorization request must name this EHR's FHIR server.
        const aud = new URL(req.url ?? '/', options.issuer).searchParams.get('aud');
        if (aud !== null && aud.replace(/\/+$/, '') !== options.fhirBase) {
          res.writeHead(400, { 'content-type': 'text/plain' });
          res.end('aud does not name this FHIR server');
          return;
        }
      }
      if (path === '/token' && req.method === 'POST') return callback(await identifyRefreshingClient(req), res);
      callback(req, res);
    },
    async findToken(token) {
      const found = await provider.AccessToken.find(token);
      if (!found) return undefined;
      const context = found.grantId ? grantContexts.get(found.grantId) : undefined;
      return { scope: found.scope ?? '', ...(context ? { patientId: context.patientId } : {}) };
    },
  };
}

async function readForm(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
