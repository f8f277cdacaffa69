/**
 * @module Calling a route the way a client would, with values the route's schemas accept: the
 * shared step of the policy walk and the hostile-input test.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { LanternApp } from '../../src/platform/http/app.ts';
import { fillPath, pathParams, type RouteInfo } from './routes.ts';
import { sampleValue, type SampleHints } from './schema-sample.ts';

export interface RouteCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** A call of `route` with the given path values, a body and query its schemas accept, and a bearer token or other credential headers. */
export function validCall(route: RouteInfo, input: { params?: Record<string, string>; token?: string; credentials?: Record<string, string>; hints?: SampleHints }): RouteCall {
  const params: Record<string, string> = {};
  for (const name of pathParams(route.url)) params[name] = input.params?.[name] ?? 'x';
  const query = sampleValue(route.schema.querystring, input.hints) as Record<string, unknown> | undefined;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) search.set(key, String(value));
  const url = fillPath(route.url, params) + (search.size > 0 ? `?${search}` : '');
  const headers: Record<string, string> = { ...input.credentials };
  if (input.token) headers.authorization = `Bearer ${input.token}`;
  const call: RouteCall = { method: route.method, url, headers };
  if (route.schema.body) {
    headers['content-type'] = 'application/json';
    call.payload = JSON.stringify(sampleValue(route.schema.body, input.hints) ?? {});
  }
  return call;
}

/** Sends a call to the app in-process. */
export function send(app: LanternApp, call: RouteCall): Promise<LightMyRequestResponse> {
  return app.inject({
    method: call.method as 'GET',
    url: call.url,
    headers: call.headers,
    ...(call.payload !== undefined ? { payload: call.payload } : {}),
  });
}

/** One line naming a call and its answer, for failure lists. */
export function describeCall(call: RouteCall, res: LightMyRequestResponse, who: string): string {
  return `${who}: ${call.method} ${call.url} → ${res.statusCode} ${res.body.slice(0, 160)}`;
}
