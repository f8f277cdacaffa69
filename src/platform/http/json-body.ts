/**
 * @module How request bodies in JSON (and FHIR JSON) are read: Fastify's own parser, which refuses
 * prototype poisoning, plus a refusal of the NUL character, which PostgreSQL cannot store in text
 * (it would surface as a server error instead of a clear 400).
 */
import type { FastifyInstance } from 'fastify';
import { LanternError } from './errors.ts';

export function readJsonBodies(app: FastifyInstance, contentTypes: readonly string[]): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  for (const type of contentTypes) {
    if (app.hasContentTypeParser(type)) app.removeContentTypeParser(type);
    app.addContentTypeParser(type, { parseAs: 'string' }, (request, body, done) => {
      const text = body as string;
      if (text.includes('\\u0000') || text.includes('\u0000')) {
        done(new LanternError('INVALID', 'Text may not contain the NUL character (\\u0000).'), undefined);
        return;
      }
      parse(request, text, done);
    });
  }
}
