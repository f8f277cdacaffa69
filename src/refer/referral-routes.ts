/**
 * @module Referral routes: the referrer's (refer from a case, read, cancel, issue or withdraw a
 * partner link), the partner's inbox and answers, the referrer's notifications, and the plugins
 * for signed links, FHIR and the patient card. `referralRoutes` is what Refer's index registers.
 */
import './referral-tables.ts';
import './referral-data-protection.ts';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from '../platform/services.ts';
import { cancelReferral, createReferral, findReferralRow, listCaseReferrals, readReferral } from './referral-store.ts';
import { answerReferral, findShareRow, listInbox, readShare } from './referral-partner.ts';
import { listNotifications, markNotificationRead } from './referral-notifications.ts';
import { inReferralOrganizations } from './referral-scopes.ts';
import { addPartnerOrganization, listPartnerOrganizations, removePartnerOrganization, requirePartner } from './referral-partners.ts';
import { AddPartnerBody, AnswerBody, CancelBody, CaseParams, CreateReferralBody, IdParams, NotificationsQuery } from './referral-schemas.ts';
import { referralLinkRoutes } from './referral-link-routes.ts';
import { referralFhirRoutes } from './referral-fhir-routes.ts';
import { referralHandoutRoutes } from './referral-handout-routes.ts';

export { referralFhirResources } from './referral-fhir-routes.ts';

const tags = ['referrals'];

export const referralRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, options) => {
  const { platform } = options;
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: { principal: { userId: string; via: string } | null }) =>
    ({ id: request.principal!.userId, kind: request.principal!.via === 'token' ? 'token' as const : 'user' as const });

  app.get('/api/referral-partners', {
    config: { access: { permission: ['referral', 'create'] } },
    schema: { tags, summary: 'The organizations this organization refers to' },
  }, async (request) => listPartnerOrganizations(request.scope()));

  // Choosing whom the organization shares with is a program lead's decision (referral: delete).
  app.post('/api/referral-partners', {
    config: { access: { permission: ['referral', 'delete'] } },
    schema: { tags, summary: 'Add a receiving organization by its id, under your name for it (it must have partner users)', body: AddPartnerBody },
  }, async (request, reply) => reply.code(201).send(await addPartnerOrganization(request.scope(), platform.data.db, request.body)));

  app.delete('/api/referral-partners/:id', {
    config: { access: { permission: ['referral', 'delete'] } },
    schema: { tags, summary: 'Remove a receiving organization (its referrals stay)', params: IdParams },
  }, async (request, reply) => {
    await removePartnerOrganization(request.scope(), request.params.id);
    return reply.code(204).send();
  });

  app.post('/api/cases/:caseId/referrals', {
    config: { access: { permission: ['referral', 'create'] } },
    schema: { tags, summary: 'Refer the case\'s patient to a directory service, with the patient\'s consent', params: CaseParams, body: CreateReferralBody },
  }, async (request, reply) => {
    const scope = request.scope();
    const partnerId = request.body.consent.partnerOrganizationId;
    if (partnerId) await requirePartner(scope, partnerId);
    const view = await inReferralOrganizations(platform, { referrer: scope.organizationId, partner: partnerId, actor: scope.actor, requestId: request.id },
      (referrer, partner) => createReferral(referrer, partner, { caseId: request.params.caseId, ...request.body }));
    return reply.code(201).send(view);
  });

  app.get('/api/cases/:caseId/referrals', {
    config: { access: { permission: ['referral', 'read'] } },
    schema: { tags, summary: 'The case\'s referrals, newest first', params: CaseParams },
  }, async (request) => listCaseReferrals(request.scope(), request.params.caseId));

  app.get('/api/referrals/:id', {
    config: { access: { permission: ['referral', 'read'] } },
    schema: { tags, summary: 'One referral this organization sent', params: IdParams },
  }, async (request) => readReferral(request.scope(), request.params.id));

  app.post('/api/referrals/:id/cancel', {
    config: { access: { permission: ['referral', 'create'] } },
    schema: { tags, summary: 'Withdraw a referral (with a reason)', params: IdParams, body: CancelBody },
  }, async (request) => {
    const scope = request.scope();
    const row = await findReferralRow(scope, request.params.id);
    await inReferralOrganizations(platform, { referrer: scope.organizationId, partner: row.partner_organization_id, actor: scope.actor, requestId: request.id },
      (referrer, partner) => cancelReferral(referrer, partner, { id: row.id, reason: request.body.reason }));
    return readReferral(scope, row.id);
  });

  app.get('/api/referral-inbox', {
    config: { access: { permission: ['referral', 'read'] } },
    schema: { tags, summary: 'Referrals sent to this organization, newest first' },
  }, async (request) => listInbox(request.scope()));

  app.get('/api/referral-inbox/:id', {
    config: { access: { permission: ['referral', 'read'] } },
    schema: { tags, summary: 'One referral sent to this organization (consented fields only)', params: IdParams },
  }, async (request) => readShare(request.scope(), request.params.id));

  app.post('/api/referral-inbox/:id/status', {
    config: { access: { permission: ['referral', 'update'] } },
    schema: { tags, summary: 'Accept, decline (with a reason) or complete a referral sent to this organization', params: IdParams, body: AnswerBody },
  }, async (request) => {
    const scope = request.scope();
    const share = await findShareRow(scope, request.params.id);
    const { status, reason } = request.body;
    await inReferralOrganizations(platform, { referrer: share.source_organization_id, partner: scope.organizationId, actor: actorOf(request), requestId: request.id },
      (referrer, partner) => answerReferral(referrer, partner, share.referral_id, status === 'rejected' ? { status, reason: reason ?? '' } : { status }));
    return readShare(scope, share.referral_id);
  });

  app.get('/api/referral-notifications', {
    config: { access: { permission: ['referral', 'read'] } },
    schema: { tags, summary: 'What partners did with the caller\'s referrals, newest first', querystring: NotificationsQuery },
  }, async (request) => listNotifications(request.scope(), request.principal!.userId, { unreadOnly: request.query.unread === true }));

  app.post('/api/referral-notifications/:id/read', {
    config: { access: { permission: ['referral', 'read'] } },
    schema: { tags, summary: 'Mark a notification read', params: IdParams },
  }, async (request, reply) => {
    await markNotificationRead(request.scope(), request.principal!.userId, request.params.id);
    return reply.code(204).send();
  });

  await app.register(referralLinkRoutes, options);
  await app.register(referralFhirRoutes, options);
  await app.register(referralHandoutRoutes, options);
};
