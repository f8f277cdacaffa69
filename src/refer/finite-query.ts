/**
 * @module A guard for query strings: ajv's type coercion turns `limit=Infinity` or `1e309` into
 * Infinity and lets it past `maximum`, so routes with numeric query fields refuse it here.
 */
import type { FastifyRequest } from 'fastify';
import { invalid } from '../platform/http/errors.ts';

/** A preHandler hook: refuses any query value that coerced to a number but is not finite. */
export async function refuseInfiniteQuery(request: FastifyRequest): Promise<void> {
  for (const [field, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw invalid(`${field} must be a finite number`, field);
  }
}
