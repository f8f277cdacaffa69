/**
 * @module Admins register the EHRs allowed to call the CDS Hooks service: `GET/POST /api/ehr/cds-clients`,
 * `PUT` and `DELETE /api/ehr/cds-clients/{id}`.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Platform } from '../platform/services.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { conflict, invalid, notFound } from '../platform/http/errors.ts';
import { forgetCdsClients } from './cds-auth.ts';

const HttpUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 });
const CdsClientBody = Type.Object({
  issuer: Type.String({ minLength: 1, maxLength: 500 }),
  jwksUrl: HttpUrl,
  fhirServers: Type.Array(HttpUrl, { maxItems: 10 }),
  facilityId: Type.Optional(Type.String({ format: 'uuid' })),
}, { additionalProperties: false });
type CdsClientBody = Static<typeof CdsClientBody>;
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const cdsClientRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, { platform }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['ehr'];

  /** Refuses an issuer another registration holds and a facility of another organization. */
  async function checkRegistration(scope: OrgScope, body: CdsClientBody, id?: string): Promise<void> {
    // Issuers are unique across organizations: the issuer alone tells Lantern whose request it is.
    const taken = await platform.data.db.selectFrom('ehr_cds_client').select('id').where('issuer', '=', body.issuer).executeTakeFirst();
    if (taken && taken.id !== id) throw conflict('This issuer is already registered.', 'issuer');
    if (body.facilityId) {
      const facility = await scope.selectFrom('platform_facility').select('id').where('id', '=', body.facilityId).executeTakeFirst();
      if (!facility) throw invalid('This facility is not part of the organization.', 'facilityId');
    }
  }

  app.get('/api/ehr/cds-clients', {
    config: { access: { permission: ['organization', 'read'] } },
    schema: { tags, summary: 'EHRs allowed to call the CDS Hooks service' },
  }, async (request) => {
    const rows = await request.scope().selectFrom('ehr_cds_client').selectAll().orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, issuer: r.issuer, jwksUrl: r.jwks_url, fhirServers: JSON.parse(r.fhir_servers) as string[], facilityId: r.facility_id, createdAt: r.created_at }));
  });

  app.post('/api/ehr/cds-clients', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags, summary: 'Allow an EHR (JWT issuer and its JWK Set URL) to call the service', body: CdsClientBody },
  }, async (request, reply) => {
    const scope = request.scope();
    await checkRegistration(scope, request.body);
    const id = randomUUID();
    await scope.transaction(async (tx) => {
      await tx.insert('ehr_cds_client', {
        id, issuer: request.body.issuer, jwks_url: request.body.jwksUrl, fhir_servers: JSON.stringify(request.body.fhirServers),
        facility_id: request.body.facilityId ?? null, created_at: new Date().toISOString(),
      });
      await tx.audit({ action: 'create', resourceType: 'cds-client', resourceId: id, purpose: 'operations' });
    });
    forgetCdsClients();
    return reply.code(201).send({ id });
  });

  app.put('/api/ehr/cds-clients/:id', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags, summary: "Change an EHR's issuer, JWK Set URL, FHIR servers or facility", params: IdParams, body: CdsClientBody },
  }, async (request, reply) => {
    const scope = request.scope();
    await checkRegistration(scope, request.body, request.params.id);
    await scope.transaction(async (tx) => {
      const result = await tx.updateTable('ehr_cds_client').set({
        issuer: request.body.issuer, jwks_url: request.body.jwksUrl, fhir_servers: JSON.stringify(request.body.fhirServers),
        facility_id: request.body.facilityId ?? null,
      }).where('id', '=', request.params.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound('The EHR registration');
      await tx.audit({ action: 'update', resourceType: 'cds-client', resourceId: request.params.id, purpose: 'operations' });
    });
    forgetCdsClients();
    return reply.code(204).send();
  });

  app.delete('/api/ehr/cds-clients/:id', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags, summary: 'Stop accepting calls from an EHR', params: IdParams },
  }, async (request, reply) => {
    await request.scope().transaction(async (tx) => {
      const result = await tx.deleteFrom('ehr_cds_client').where('id', '=', request.params.id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw notFound('The EHR registration');
      await tx.audit({ action: 'delete', resourceType: 'cds-client', resourceId: request.params.id, purpose: 'operations' });
    });
    forgetCdsClients();
    return reply.code(204).send();
  });
};
