/**
 * @module How request bodies in JSON (and FHIR JSON) are read: Fastify's own parser, which refuses
 * prototype poisoning, plus a refusal of the NUL character, which PostgreSQL cannot store in text
 * (it would surface as a server error instead of a clear 400 naming the field).
 */
import type { FastifyInstance } from 'fastify';
import { LanternError } from './errors.ts';

/** The dotted path of the first string (or key) holding a NUL character, or undefined. */
export function findNul(root: unknown): string | undefined {
  // Iterative, so a hostile, deeply nested body cannot overflow the stack.
  const pending: [unknown, string][] = [[root, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || 'body';
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) {
      const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return childPath;
      pending.push([child, childPath]);
    }
  }
  return undefined;
}

export function readJsonBodies(app: FastifyInstance, contentTypes: readonly string[]): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  for (const type of contentTypes) {
    if (app.hasContentTypeParser(type)) app.removeContentTypeParser(type);
    app.addContentTypeParser(type, { parseAs: 'string' }, (request, body, done) => {
      parse(request, body as string, (error, value) => {
        if (error) return done(error, undefined);
        const field = findNul(value);
        if (field) return done(new LanternError('INVALID', `${field} may not contain the NUL character (\\u0000).`, field), undefined);
        return done(null, value);
      });
    });
  }
}
