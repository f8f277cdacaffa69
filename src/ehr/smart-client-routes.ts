/**
 * @module Which EHRs may launch the SMART app, and what the browser needs to start a launch.
 * Admins register an EHR's FHIR base URL (`iss`) with the public client id its authorization
 * server gave Lantern (`/api/ehr/smart-clients`, `/api/ehr/smart-clients/{id}` to change or remove);
 * the launch page reads that client id from `GET /api/ehr/smart-launch-config?iss=` (public: a
 * client id is not a secret, the app is a public client protected by PKCE). A launch from an iss nobody registered is refused there.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import { SMART_EHR_LAUNCH_SCOPE, SMART_REDIRECT_PATH, SMART_STANDALONE_SCOPE } from './smart-scopes.ts';

const FhirBase = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 });
const SmartClientBody = Type.Object({
  issuer: FhirBase,
  clientId: Type.String({ minLength: 1, maxLength: 200 }),
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  /** Only when the EHR's token endpoint is on another origin than its FHIR server. */
  tokenEndpoint: Type.Optional(FhirBase),
}, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

/** A FHIR base URL without trailing slashes, as registrations store it. */
export const trimBase = (url: string): string => url.replace(/\/+$/, '');

export const smartClientRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, { platform }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['ehr'];

  app.get('/api/ehr/smart-clients', {
    config: { access: { permission: ['organization', 'read'] } },
    schema: { tags, summary: 'EHRs allowed to launch the SMART screening app' },
  }, async (request) => {
    const rows = await request.scope().selectFrom('ehr_smart_client').selectAll().orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, issuer: r.issuer, clientId: r.client_id, label: r.label, ...(r.token_endpoint ? { tokenEndpoint: r.token_endpoint } : {}), createdAt: r.created_at }));
  });

  /** Refuses an iss another registration holds: the launch names only the iss. */
  async function checkIssuer(issuer: string, id?: string): Promise<void> {
    const taken = await platform.data.db.selectFrom('ehr_smart_client').select('id').where('issuer', '=', issuer).executeTakeFirst();
    if (taken && taken.id !== id) throw conflict('This FHIR server is already registered.', 'issuer');
  }

  app.post('/api/ehr/smart-clients', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags, summary: "Allow an EHR (its FHIR base URL and Lantern's client id there) to launch the app", body: SmartClientBody },
  }, async (request, reply) => {
    const issuer = trimBase(request.body.issuer);
    await checkIssuer(issuer);
    const id = randomUUID();
    await request.scope().transaction(async (tx) => {
      await tx.insert('ehr_smart_client', {
        id, issuer, client_id: request.body.clientId, label: request.body.label ?? new URL(issuer).host,
        token_endpoint: request.body.tokenEndpoint ?? null, created_at: new Date().toISOString(),
      });
      await tx.audit({ action: 'create', resourceType: 'smart-client', resourceId: id, purpose: 'operations' });
    });
    return reply.code(201).send({ id });
  });

  app.put('/api/ehr/smart-clients/:id', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags, summary: "Change an EHR's FHIR base URL, client id, name or token endpoint", params: IdParams, body: SmartClientBody },
  }, async (request, reply) => {
    const issuer = trimBase(request.body.issuer);
    await checkIssuer(issuer, request.params.id);
    await request.scope().transaction(async (tx) => {
      const result = await tx.updateTable('ehr_smart_client').set({
        issuer, client_id: request.body.clientId, label: request.body.label ?? new URL(issuer).host, token_endpoint: request.body.tokenEndpoint ?? null,
      }).where('id', '=', request.params.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound('The EHR registration');
      await tx.audit({ action: 'update', resourceType: 'smart-client', resourceId: request.params.id, purpose: 'operations' });
    });
    return reply.code(204).send();
  });

  app.delete('/api/ehr/smart-clients/:id', {
    config: { access: { permission: ['organization', 'update'] } },
    schema: { tags, summary: 'Stop accepting launches from an EHR', params: IdParams },
  }, async (request, reply) => {
    await request.scope().transaction(async (tx) => {
      const result = await tx.deleteFrom('ehr_smart_client').where('id', '=', request.params.id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw notFound('The EHR registration');
      await tx.audit({ action: 'delete', resourceType: 'smart-client', resourceId: request.params.id, purpose: 'operations' });
    });
    return reply.code(204).send();
  });

  app.get('/api/ehr/smart-launch-config', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The public client id and scopes for a launch from this FHIR server',
      querystring: Type.Object({ iss: FhirBase, standalone: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const row = await platform.data.db.selectFrom('ehr_smart_client').select(['issuer', 'client_id'])
      .where('issuer', '=', trimBase(request.query.iss)).executeTakeFirst();
    if (!row) throw notFound('A SMART registration for this FHIR server');
    void reply.header('cache-control', 'no-store');
    return {
      iss: row.issuer, clientId: row.client_id,
      scope: request.query.standalone ? SMART_STANDALONE_SCOPE : SMART_EHR_LAUNCH_SCOPE,
      redirectUri: `${platform.config.publicUrl}${SMART_REDIRECT_PATH}`,
    };
  });

  app.get('/api/ehr/smart-issuers', {
    config: { access: { permission: ['screening', 'create'] } },
    schema: { tags, summary: "The organization's EHRs a clinician may launch the app against (standalone launch)" },
  }, async (request) => {
    const rows = await request.scope().selectFrom('ehr_smart_client').select(['issuer', 'label']).orderBy('label').execute();
    return rows.map((r) => ({ iss: r.issuer, label: r.label }));
  });
};
