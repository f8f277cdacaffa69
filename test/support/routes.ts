/**
 * @module The routes an app really has, read while it is built: tests that walk "every route"
 * (policy walk, hostile input) enumerate them here, so a route a capability adds later is walked
 * without editing the test. Fastify announces each new instance on the `fastify.initialization`
 * diagnostics channel; we attach an `onRoute` hook there, before any plugin registers a route.
 */
import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { RouteAccess } from '../../src/platform/auth/guard.ts';

/** One method of one route, with what it declares. */
export interface RouteInfo {
  method: string;
  /** The full path with its prefix, in Fastify's syntax (`/api/users/:id`). */
  url: string;
  access: RouteAccess | undefined;
  schema: RouteSchemas;
}

/** JSON Schemas a route declares (TypeBox schemas are JSON Schema objects). */
export interface RouteSchemas {
  body?: JsonSchema;
  querystring?: JsonSchema;
  params?: JsonSchema;
}

export type JsonSchema = Record<string, unknown>;

/** Routes under these prefixes must declare an access rule (see src/platform/auth/guard.ts). */
export const guardedPrefix = /^\/(api|fhir|hsds|cds-services)(\/|$)/;

/** Runs `build` and returns what it built with every route registered meanwhile (HEAD copies left out). */
export async function captureRoutes<T>(build: () => Promise<T>): Promise<{ result: T; routes: RouteInfo[] }> {
  const routes: RouteInfo[] = [];
  const channel = diagnostics.channel('fastify.initialization');
  const onInstance = (message: unknown): void => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const config = route.config as { access?: RouteAccess } | undefined;
      const schema = (route.schema ?? {}) as RouteSchemas;
      for (const method of methods) {
        if (method === 'HEAD' || method === 'OPTIONS') continue;
        routes.push({ method, url: route.url, access: config?.access, schema });
      }
    });
  };
  channel.subscribe(onInstance);
  try {
    const result = await build();
    return { result, routes: dedupe(routes) };
  } finally {
    channel.unsubscribe(onInstance);
  }
}

function dedupe(routes: RouteInfo[]): RouteInfo[] {
  const seen = new Map<string, RouteInfo>();
  for (const route of routes) seen.set(`${route.method} ${route.url}`, route);
  return [...seen.values()];
}

/** The names of a route's path parameters (`:id`, and `*` as `*`). */
export function pathParams(url: string): string[] {
  const names = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  return url.includes('*') ? [...names, '*'] : names;
}

/** The route's path with its parameters filled (values are URL-encoded unless `raw`). */
export function fillPath(url: string, values: Record<string, string>, raw = false): string {
  const encode = (value: string): string => (raw ? value : encodeURIComponent(value));
  return url
    .replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, (_all, name: string) => encode(values[name] ?? 'x'))
    .replace('*', encode(values['*'] ?? 'x'));
}

/** The path segment before a parameter names what it identifies (`/api/users/:id` → `users`). */
export function segmentBefore(url: string, param: string): string | undefined {
  const parts = url.split('/');
  const at = parts.findIndex((p) => p === `:${param}` || p.startsWith(`:${param}(`));
  for (let i = at - 1; i >= 0; i -= 1) if (parts[i] && !parts[i]!.startsWith(':')) return parts[i];
  return undefined;
}

/** True when the route changes state by its method. */
export const isWrite = (route: RouteInfo): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(route.method);

/** The `{ permission }` a route declares, if any. */
export function permissionOf(route: RouteInfo): [string, string] | undefined {
  const access = route.access;
  return access !== undefined && typeof access === 'object' ? access.permission : undefined;
}

/** The schema of one path parameter, when the route declares one. */
export function paramSchema(route: RouteInfo, name: string): JsonSchema | undefined {
  return ((route.schema.params?.properties ?? {}) as Record<string, JsonSchema>)[name];
}

const ajv = new Ajv({ strict: false });
addFormats.default(ajv);

/** True when `value` satisfies `schema` (or there is no schema). */
export function fits(schema: JsonSchema | undefined, value: unknown): boolean {
  return schema === undefined || ajv.validate(schema, value);
}

/** A value the parameter's schema accepts: a fresh UUID where it fits, else a sample of the schema. */
export function validParamValue(route: RouteInfo, name: string, sample: (schema: JsonSchema | undefined) => unknown): string {
  const schema = paramSchema(route, name);
  const id = randomUUID();
  return fits(schema, id) ? id : String(sample(schema) ?? id);
}
