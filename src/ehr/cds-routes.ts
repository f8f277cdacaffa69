/**
 * @module Lantern's CDS Hooks 2.0 service: `GET {base}/cds-services` (discovery),
 * `POST {base}/cds-services/{id}` (the hook call) and `POST {base}/cds-services/{id}/feedback`.
 * Requests are authenticated by the EHR's JWT (cds-auth.ts), not by Lantern sessions, and CORS is
 * open because EHRs may call from the browser.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cors from '@fastify/cors';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import { LanternError, notFound } from '../platform/http/errors.ts';
import { createTranslator } from '../platform/i18n/format.ts';
import { authenticateCdsRequest, type CdsClient } from './cds-auth.ts';
import { gatherRecord, prefetchTemplates } from './cds-prefetch.ts';
import { cardFor } from './cds-card.ts';
import { FeedbackRequest, HookRequest } from './cds-schemas.ts';
import { loadShippedRiskSignals, matchRiskSignals } from './risk-signals.ts';

interface CdsServiceDefinition {
  id: string;
  hook: 'patient-view' | 'encounter-start';
  requiredContext: string[];
}

// A CDS Hooks service answers one hook, so the same decision is offered under two ids.
export const cdsServices: CdsServiceDefinition[] = [
  { id: 'lantern-trafficking-screening', hook: 'patient-view', requiredContext: ['userId', 'patientId'] },
  { id: 'lantern-trafficking-screening-encounter', hook: 'encounter-start', requiredContext: ['userId', 'patientId', 'encounterId'] },
];

const ServiceParams = Type.Object({ id: Type.String({ maxLength: 100 }) }, { additionalProperties: false });

export const cdsRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, { platform }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(cors, { origin: '*', methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders: ['authorization', 'content-type'], maxAge: 600 });
  const endpoint = (id: string): string => `${platform.config.publicUrl}/cds-services/${id}`;
  const t = createTranslator('en');

  function serviceOf(id: string): CdsServiceDefinition {
    const service = cdsServices.find((s) => s.id === id);
    if (!service) throw notFound(`The CDS service "${id}"`);
    return service;
  }

  function scopeOf(client: CdsClient, requestId: string) {
    return platform.scope(client.organizationId, { id: `cds-client:${client.id}`, kind: 'token' }, requestId);
  }

  app.get('/cds-services', {
    config: { access: 'public' },
    schema: { tags: ['cds-hooks'], summary: 'CDS Hooks discovery' },
  }, async () => ({
    services: cdsServices.map((s) => ({
      hook: s.hook,
      id: s.id,
      title: t('ehr.discovery.title'),
      description: t('ehr.discovery.description'),
      prefetch: s.hook === 'encounter-start' ? { ...prefetchTemplates } : { patient: prefetchTemplates.patient, conditions: prefetchTemplates.conditions },
      usageRequirements: 'Register the EHR with Lantern first (JWT issuer, JWK Set URL, FHIR server).',
    })),
  }));

  app.post('/cds-services/:id', {
    config: { access: 'external' },
    schema: { tags: ['cds-hooks'], summary: 'Call the service for a hook', params: ServiceParams, body: HookRequest },
  }, async (request) => {
    const service = serviceOf(request.params.id);
    const client = await authenticateCdsRequest(platform.data.db, request.headers.authorization, endpoint(service.id));
    const body = request.body;
    const context = body.context as Record<string, unknown>;
    if (body.hook !== service.hook) throw new LanternError('INVALID', `This service answers the ${service.hook} hook, not ${body.hook}.`, 'hook');
    for (const name of service.requiredContext) {
      if (typeof context[name] !== 'string' || context[name] === '') {
        throw new LanternError('INVALID', `context.${name} is required for ${service.hook}.`, `context.${name}`);
      }
    }
    const record = await gatherRecord(body.prefetch as Record<string, unknown> | undefined, context, {
      ...(body.fhirServer ? { fhirServer: body.fhirServer } : {}),
      ...(body.fhirAuthorization ? { accessToken: body.fhirAuthorization.access_token } : {}),
      allowedServers: client.fhirServers,
    });
    const signals = matchRiskSignals(loadShippedRiskSignals(), { ...record, now: new Date() });
    const card = cardFor(signals, { launchUrl: `${platform.config.publicUrl}/smart/launch` });
    const scope = scopeOf(client, request.id);
    await scope.transaction(async (tx) => {
      // The record was read to decide; Lantern keeps none of it, only which signals fired.
      await tx.audit({ action: 'read', resourceType: 'ehr-record', resourceId: body.hookInstance, purpose: 'treatment' });
      if (card) {
        await tx.insert('ehr_cds_card', { uuid: card.uuid, facility_id: client.facilityId, signals: JSON.stringify(signals.map((s) => s.id)), issued_at: new Date().toISOString(), outcome: null });
        await tx.count({ facilityId: client.facilityId, metric: 'cds.card.issued', dimension: signals.map((s) => s.id).sort().join('+') });
      }
    });
    return { cards: card ? [card] : [] };
  });

  app.post('/cds-services/:id/feedback', {
    config: { access: 'external' },
    schema: { tags: ['cds-hooks'], summary: 'Record whether a card was accepted or overridden', params: ServiceParams, body: FeedbackRequest },
  }, async (request, reply) => {
    const service = serviceOf(request.params.id);
    const client = await authenticateCdsRequest(platform.data.db, request.headers.authorization, [endpoint(service.id), `${endpoint(service.id)}/feedback`]);
    const scope = scopeOf(client, request.id);
    await scope.transaction(async (tx) => {
      for (const item of request.body.feedback) {
        const card = await tx.selectFrom('ehr_cds_card').select(['uuid', 'facility_id', 'outcome']).where('uuid', '=', item.card).executeTakeFirst();
        if (!card) throw new LanternError('INVALID', `Card ${item.card} was not issued by this service for this organization.`, 'feedback.card');
        if (card.outcome !== null) continue; // feedback is counted once per card
        await tx.updateTable('ehr_cds_card').set({ outcome: item.outcome }).where('uuid', '=', card.uuid).execute();
        await tx.count({
          facilityId: card.facility_id, metric: `cds.card.${item.outcome}`,
          dimension: item.outcome === 'overridden' ? (item.overrideReason?.reason?.code ?? 'no-reason') : 'all',
        });
      }
      await tx.audit({ action: 'create', resourceType: 'cds-feedback', purpose: 'operations' });
    });
    return reply.code(200).send({});
  });
};
