/**
 * @module Prometheus metrics: requests by route and status, a latency histogram and server errors,
 * plus the process's own (memory, event-loop lag). Each app gets its own registry, so several apps
 * in one process (tests) do not share counts. Routes are labelled by their template
 * (`/api/audit`, never `/api/audit?…` or an id), and unmatched paths share one label, so a scan of
 * random URLs cannot grow the series without bound.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface HttpMetrics {
  registry: Registry;
  observe(request: FastifyRequest, reply: FastifyReply): void;
}

/** Creates a registry with the HTTP metrics and the default process metrics. */
export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lantern_' });
  const requests = new Counter({
    name: 'lantern_http_requests_total', help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const, registers: [registry],
  });
  const latency = new Histogram({
    name: 'lantern_http_request_duration_seconds', help: 'Time to answer an HTTP request, by method and route.',
    labelNames: ['method', 'route'] as const, registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const errors = new Counter({
    name: 'lantern_http_errors_total', help: 'HTTP requests answered with a server error (5xx), by method and route.',
    labelNames: ['method', 'route'] as const, registers: [registry],
  });
  return {
    registry,
    observe(request, reply) {
      const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
      const labels = { method: request.method, route };
      requests.inc({ ...labels, status: String(reply.statusCode) });
      latency.observe(labels, reply.elapsedTime / 1000);
      if (reply.statusCode >= 500) errors.inc(labels);
    },
  };
}

/** Counts every answered request and serves `GET /metrics` in Prometheus text format. */
export function mountMetrics(app: FastifyInstance, metrics: HttpMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.observe(request, reply);
  });
  app.get('/metrics', {
    config: { access: 'public' },
    schema: { tags: ['operations'], summary: 'Prometheus metrics (restrict to your monitoring network at the load balancer)' },
  }, async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(text);
  });
}
