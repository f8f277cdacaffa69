/**
 * @module The jurisdiction API: `GET /api/jurisdictions`, `GET /api/jurisdictions/{code}` (ISO
 * 3166-2, e.g. US-TX; an unknown code answers with the fallback route, flagged), admin edits with
 * `PUT`, and the national routes (hotline, CyberTipline) as data.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import { findJurisdiction } from './jurisdictions.ts';
import { organizationReference, saveJurisdiction } from './jurisdiction-store.ts';

const tags = ['respond'];
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$', description: 'ISO 3166-2 code, e.g. US-TX' }) }, { additionalProperties: false });

export const jurisdictionRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/jurisdictions', {
    config: { access: { permission: ['jurisdiction', 'read'] } },
    schema: { tags, summary: 'Every jurisdiction: reporting route, law, adult duties, sources, last verified' },
  }, async (request) => {
    const reference = await organizationReference(request.scope());
    return { jurisdictions: reference.jurisdictions.jurisdictions, fallback: reference.jurisdictions.fallback };
  });

  app.get('/api/jurisdictions/:code', {
    config: { access: { permission: ['jurisdiction', 'read'] } },
    schema: { tags, summary: 'One jurisdiction by ISO 3166-2 code, or the fallback route when it is unknown', params: CodeParams },
  }, async (request) => findJurisdiction((await organizationReference(request.scope())).jurisdictions, request.params.code));

  app.put('/api/jurisdictions/:code', {
    config: { access: { permission: ['jurisdiction', 'update'] } },
    // The body is checked against the published jurisdiction schema in saveJurisdiction, with paths.
    schema: { tags, summary: 'Replace this organization\'s data for one jurisdiction', params: CodeParams, body: Type.Object({}, { additionalProperties: true }) },
  }, async (request) => saveJurisdiction(request.scope(), request.params.code.toUpperCase(), request.body));

  app.get('/api/national-routes', {
    config: { access: { permission: ['jurisdiction', 'read'] } },
    schema: { tags, summary: 'National routes: the trafficking hotline, the CyberTipline, emergency' },
  }, async (request) => (await organizationReference(request.scope())).national);
};
