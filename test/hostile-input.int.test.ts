/**
 * Hostile input to every route the app has (read while it is built, so routes added later are fed
 * too), with and without credentials: broken JSON, content types without a parser, bodies over the
 * limit, wrong types, unknown and prototype-polluting fields, deep nesting, odd unicode, path
 * traversal in ids, poisoned query strings. The answer is never a server error; the APIs' refusals
 * are problem+json (an OperationOutcome under /fhir); and a refused call writes nothing.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from './support/platform.ts';
import { captureRoutes, fillPath, guardedPrefix, isWrite, pathParams, permissionOf, validParamValue, type RouteInfo } from './support/routes.ts';
import { givenOrganization, TEST_PASSWORD, type TestOrganization } from './support/actors.ts';
import { countRows } from './support/table-rows.ts';
import {
  alwaysRefusedBodies, encodeSegment, hostileIds, hostileQuery, kindOf, mapKind, oddStrings, schemaRefusedBodies, worstIds, worstQueries,
  type HostileBody, type HostileKind,
} from './support/hostile.ts';
import { sampleValue } from './support/schema-sample.ts';
import { isAllowed, roles, type Action, type Resource } from '../src/platform/policy.ts';

/** Tables that record attempts themselves (audit of denied calls, sign-in throttling). */
const RECORDS_ATTEMPTS = ['platform_audit_event', 'platform_throttle'];
/** Random calls across all routes and both credentials (the worst known cases come on top), so the file stays well under a minute. */
const CALL_BUDGET = 1500;
const BODY_LIMIT = 1024 * 1024;

const isFhirPath = (path: string): boolean => path === '/fhir' || path.startsWith('/fhir/');

type Call = { method: string; url: string; headers: Record<string, string>; payload?: string };
type Verdict = { mustRefuse: boolean; what: string };

describe('hostile input to every route', () => {
  let lantern: TestLantern;
  let routes: RouteInfo[];
  let organization: TestOrganization;

  beforeAll(async () => {
    const built = await captureRoutes(() => startTestLantern());
    lantern = built.result;
    routes = built.routes;
    organization = await givenOrganization(lantern.platform.data.db, 'Hostile', { password: TEST_PASSWORD });
  }, 120_000);
  afterAll(async () => { await lantern?.close(); });

  const db = (): TestLantern['platform']['data']['db'] => lantern.platform.data.db;
  const runsPerRoute = (): number => Math.max(4, Math.min(40, Math.floor(CALL_BUDGET / Math.max(1, routes.length) / 2)));

  /** The token of a role the route lets through, so hostile input reaches validation and handler. */
  function tokenFor(route: RouteInfo): string {
    const permission = permissionOf(route);
    const role = permission ? roles.find((r) => isAllowed([r], permission[0] as Resource, permission[1] as Action)) ?? 'admin' : 'clinician';
    return organization.users[role].token;
  }

  function problems(route: RouteInfo, call: Call, res: LightMyRequestResponse, verdict: Verdict): string[] {
    const found: string[] = [];
    const where = `${call.method} ${route.url} (${verdict.what}) → ${res.statusCode} ${res.body.slice(0, 200)}`;
    // The path the server saw: the URL parser resolves dots and backslashes as a browser would.
    const path = new URL(call.url, 'http://lantern.test').pathname;
    // Pages for people (certificate verification, the web app) may answer a bad address with a
    // page in HTML; the APIs refuse, in problem+json.
    const isApi = guardedPrefix.test(path);
    if (res.statusCode >= 500) found.push(`server error: ${where}`);
    if (verdict.mustRefuse && isApi && (res.statusCode < 400 || res.statusCode >= 500)) found.push(`not refused: ${where}`);
    if (res.statusCode >= 400 && isApi) {
      const type = String(res.headers['content-type'] ?? '');
      if (isFhirPath(path)) {
        if (!type.includes('json') || (res.json() as { resourceType?: string }).resourceType !== 'OperationOutcome') found.push(`not an OperationOutcome: ${where}`);
      } else if (!type.startsWith('application/problem+json')) {
        found.push(`not problem+json (${type}): ${where}`);
      }
    }
    return found;
  }

  /** Hostile variants of a call of the route, by kind: bodies, ids, query strings. */
  function hostileCalls(route: RouteInfo): HostileKind<{ call: Omit<Call, 'headers'>; verdict: Verdict }>[] {
    const params = pathParams(route.url);
    const validParams = Object.fromEntries(params.map((p) => [p, validParamValue(route, p, sampleValue)]));
    const validBody = (sampleValue(route.schema.body) ?? {}) as Record<string, unknown>;
    const bodyCall = (body: HostileBody): { call: Omit<Call, 'headers'>; verdict: Verdict } => ({
      call: { method: route.method, url: fillPath(route.url, validParams), payload: body.payload, ...(body.contentType ? { contentType: body.contentType } : {}) },
      verdict: { mustRefuse: true, what: body.kind },
    });
    const kinds: HostileKind<{ call: Omit<Call, 'headers'>; verdict: Verdict }>[] = [];
    if (isWrite(route)) {
      kinds.push(...alwaysRefusedBodies(BODY_LIMIT).map((kind) => mapKind(kind, bodyCall)));
      if (route.schema.body) kinds.push(...schemaRefusedBodies(route.schema.body, validBody).map((kind) => mapKind(kind, bodyCall)));
    }
    if (params.length > 0) {
      kinds.push(kindOf(fc.tuple(fc.constantFrom(...params), hostileIds, fc.boolean()), worstIds.map(([id, raw]) => [params[0]!, id, raw] as [string, string, boolean]), ([param, id, raw]) => {
        const values = Object.fromEntries(params.map((p) => [p, encodeSegment(p === param ? id : validParams[p]!, raw)]));
        return {
          call: { method: route.method, url: fillPath(route.url, values, true), ...(route.schema.body ? { payload: JSON.stringify(validBody) } : {}) },
          // Unencoded dots and slashes are resolved by the URL parser, as a browser would, and may
          // land on another route (the web app's pages): that answer need not be a refusal.
          verdict: { mustRefuse: !(raw && /[\\/]|\.\./.test(id)), what: `${raw ? 'raw ' : ''}id ${JSON.stringify(id).slice(0, 40)}` },
        };
      }));
    }
    if (!isWrite(route)) {
      const strict = route.schema.querystring?.additionalProperties === false;
      kinds.push(kindOf(hostileQuery, worstQueries, (query) => ({
        call: { method: route.method, url: `${fillPath(route.url, validParams)}?${query}` },
        verdict: { mustRefuse: strict, what: `query ${query.slice(0, 60)}` },
      })));
    }
    return kinds;
  }

  test('the app has routes to feed', () => {
    expect(routes.length).toBeGreaterThan(2);
  });

  test('malformed and hostile requests are refused with problem details, never a server error, and write nothing', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const before = await countRows(db(), RECORDS_ATTEMPTS);
      for (const token of [undefined, tokenFor(route)]) {
        const kinds = hostileCalls(route);
        for (const kind of kinds) {
          const known = failures.length;
          const details = await fc.check(fc.asyncProperty(kind.arbitrary, async ({ call, verdict }) => {
            const { contentType, ...rest } = call as Call & { contentType?: string };
            const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
            const res = await lantern.app.inject({ method: rest.method as 'POST', url: rest.url, headers, ...(rest.payload !== undefined ? { payload: rest.payload } : {}) });
            const found = problems(route, { ...rest, headers }, res, verdict);
            failures.push(...found);
            return found.length === 0;
          }), { numRuns: Math.max(2, Math.floor(runsPerRoute() / kinds.length)), examples: kind.examples.map((e) => [e]), endOnFailure: true });
          if (details.failed && failures.length === known) failures.push(`${route.method} ${route.url}: ${String(details.errorInstance)} for ${fc.stringify(details.counterexample)}`);
          if (details.failed) failures.push(`  (fast-check seed ${details.seed}, path ${details.counterexamplePath})`);
        }
      }
      const after = await countRows(db(), RECORDS_ATTEMPTS);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length > 0) failures.push(`${route.method} ${route.url} wrote to ${changed.join(', ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  test('odd unicode in otherwise valid bodies never causes a server error', async () => {
    const failures: string[] = [];
    const withBodies = routes.filter((r) => isWrite(r) && r.schema.body && (r.schema.body.properties !== undefined));
    for (const route of withBodies) {
      const valid = (sampleValue(route.schema.body) ?? {}) as Record<string, unknown>;
      const strings = Object.keys(valid).filter((k) => typeof valid[k] === 'string');
      if (strings.length === 0) continue;
      const known = failures.length;
      const details = await fc.check(fc.asyncProperty(fc.constantFrom(...strings), oddStrings, async (key, odd) => {
        const url = fillPath(route.url, Object.fromEntries(pathParams(route.url).map((p) => [p, validParamValue(route, p, sampleValue)])));
        const res = await lantern.app.inject({
          method: route.method as 'POST', url, payload: JSON.stringify({ ...valid, [key]: odd }),
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(route)}` },
        });
        const found = problems(route, { method: route.method, url, headers: {} }, res, { mustRefuse: false, what: `${key}=${JSON.stringify(odd).slice(0, 30)}` });
        failures.push(...found);
        return found.length === 0;
      }), { numRuns: Math.max(4, Math.min(25, runsPerRoute())), examples: strings.map((key) => [key, 'a\u0000b'] as [string, string]), endOnFailure: true });
      if (details.failed && failures.length === known) failures.push(`${route.method} ${route.url}: ${String(details.errorInstance)} for ${fc.stringify(details.counterexample)}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
