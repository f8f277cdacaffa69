/**
 * @module Builds the Lantern HTTP app (unstarted, so tests call `inject()`): security headers,
 * request ids, errors, OpenAPI, authentication, operations endpoints, each capability's plugin,
 * and the web app's assets. Nothing here reaches outside the server.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from '../services.ts';
import { authGuard } from '../auth/guard.ts';
import { sendError } from './problem-handler.ts';
import { LanternError } from './errors.ts';
import { registerWebAssets } from './web-assets.ts';
import { buildCapabilityStatement, type FhirResourceCapability } from '../fhir/capability-statement.ts';
import { FHIR_JSON } from '../fhir/http.ts';
import { readJsonBodies } from './json-body.ts';

export type LanternApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/** A capability: a Fastify plugin with the platform's services, mounted at a prefix. */
export interface Capability {
  name: string;
  plugin: FastifyPluginAsync<{ platform: Platform }>;
  prefix?: string;
  /** FHIR resources the capability serves, for the CapabilityStatement. */
  fhirResources?: FhirResourceCapability[];
}

export interface AppOptions {
  capabilities?: Capability[];
  /** Folder of built web assets; omitted in API-only tests. */
  webRoot?: string;
  bodyLimit?: number;
}

// A strict policy: every script, style, image and font comes from Lantern itself.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self'", "connect-src 'self'", "frame-ancestors 'self'", "form-action 'self'", "base-uri 'self'", "object-src 'none'",
].join('; ');

export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<LanternApp> {
  const app = Fastify({
    loggerInstance: platform.log as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array' } },
    return503OnClosing: true,
    // Behind a load balancer the client address (rate limits, audit) comes from X-Forwarded-For.
    trustProxy: platform.config.trustProxy,
    // Malformed URLs are refused before routing; answer them like every other error.
    frameworkErrors: (error, request, reply) => sendError(request, reply, error),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    // Protected data must not linger in shared or browser caches.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error as Error));

  // PostgreSQL cannot hold the NUL character in text: refuse it in the path or query up front, so it
  // answers 400 naming the problem rather than a database error (bodies: json-body.ts).
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url) || request.url.includes('\u0000')) throw new LanternError('INVALID', 'The address may not contain the NUL character (%00).');
  });

  // Ajv coerces the query text "Infinity" to a number and lets it past integer and maximum checks;
  // a numeric query parameter must be finite.
  app.addHook('preHandler', async (request) => {
    const properties = (request.routeOptions.schema?.querystring as { properties?: Record<string, { type?: string }> } | undefined)?.properties;
    if (!properties) return;
    const query = request.query as Record<string, unknown>;
    for (const [name, property] of Object.entries(properties)) {
      if ((property.type === 'integer' || property.type === 'number') && typeof query[name] === 'number' && !Number.isFinite(query[name])) {
        throw new LanternError('INVALID', `${name} must be a finite number.`, name);
      }
    }
  });
  // The web app's files, and its pages (any other non-API GET) answered with its index.html.
  const serveAppShell = options.webRoot ? await registerWebAssets(app, options.webRoot) : undefined;
  app.setNotFoundHandler((request, reply) => serveAppShell?.(request, reply) ||
    sendError(request, reply, new LanternError('NOT_FOUND', `There is nothing at ${request.method} ${request.url.split('?')[0]}.`)));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Lantern API', version: '0.1.0', description: 'Recognize and respond to human trafficking in health care.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lantern_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: false });
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(cookie);
  await app.register(authGuard, { platform });

  readJsonBodies(app, ['application/json', FHIR_JSON]);
  const capabilityStatement = buildCapabilityStatement({
    publicUrl: platform.config.publicUrl,
    version: '0.1.0',
    resources: (options.capabilities ?? []).flatMap((c) => c.fhirResources ?? []),
  });
  app.get('/fhir/metadata', { config: { access: 'public' }, schema: { tags: ['fhir'], summary: 'FHIR CapabilityStatement' } },
    async (_request, reply) => reply.type(FHIR_JSON).send(capabilityStatement));

  for (const capability of options.capabilities ?? []) {
    await app.register(capability.plugin, { platform, ...(capability.prefix ? { prefix: capability.prefix } : {}) });
  }
  return app;
}
