/**
 * @module Signed partner links. The referrer issues one (it expires with the consent or sooner)
 * and can withdraw it; whoever holds it may read that one referral's consented fields and answer
 * it, nothing else. The token travels in the `x-referral-link` header; the web page keeps it in
 * the address fragment, which browsers never send.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from '../platform/services.ts';
import type { Actor } from '../platform/db/scope.ts';
import { conflict, LanternError } from '../platform/http/errors.ts';
import { signLink, verifyLink } from './referral-link.ts';
import { findReferralRow, presentReferral } from './referral-store.ts';
import { answerReferral, type PartnerReferralView } from './referral-partner.ts';
import { inReferralOrganizations } from './referral-scopes.ts';
import { AnswerBody, IdParams, LinkBody, LINK_HEADER } from './referral-schemas.ts';
import type { ReferReferralTable } from './referral-tables.ts';

const tags = ['referrals'];
const LINK_ACTOR: Actor = { id: null, kind: 'partner-link' };
const DAY = 24 * 3600 * 1000;

export const referralLinkRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, { platform }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/referrals/:id/link', {
    config: { access: { permission: ['referral', 'create'] } },
    schema: { tags, summary: 'Issue a signed, expiring link for the partner (replaces any earlier link)', params: IdParams, body: LinkBody },
  }, async (request, reply) => {
    const scope = request.scope();
    const issued = await scope.transaction(async (tx) => {
      const row = await findReferralRow(tx, request.params.id);
      if (row.status !== 'requested' && row.status !== 'accepted') throw conflict(`A ${row.status} referral needs no link.`);
      const expiresAt = new Date(Math.min(Date.parse(row.consent_until), Date.now() + (request.body.days ?? 14) * DAY)).toISOString();
      const linkId = randomUUID();
      await tx.updateTable('refer_referral').set({ link_id: linkId, link_expires_at: expiresAt }).where('id', '=', row.id).execute();
      await tx.audit({ action: 'share-link', resourceType: 'referral', resourceId: row.id, purpose: 'treatment' });
      return { token: signLink(platform.keys.ring(), { referralId: row.id, organizationId: scope.organizationId, linkId, expiresAt }), expiresAt };
    });
    return reply.code(201).send({ ...issued, url: `${platform.config.publicUrl}/referral-link#${issued.token}` });
  });

  app.delete('/api/referrals/:id/link', {
    config: { access: { permission: ['referral', 'create'] } },
    schema: { tags, summary: 'Withdraw the partner link', params: IdParams },
  }, async (request, reply) => {
    const scope = request.scope();
    await scope.transaction(async (tx) => {
      const row = await findReferralRow(tx, request.params.id);
      await tx.updateTable('refer_referral').set({ link_id: null, link_expires_at: null }).where('id', '=', row.id).execute();
      await tx.audit({ action: 'revoke-link', resourceType: 'referral', resourceId: row.id, purpose: 'treatment' });
    });
    return reply.code(204).send();
  });

  app.get('/api/referral-link', {
    config: { access: 'external' },
    schema: { tags, summary: `The referral a signed link points to (token in the ${LINK_HEADER} header)` },
  }, async (request) => {
    const { scope, row } = await openLink(platform, request);
    await scope.audit({ action: 'read', resourceType: 'referral', resourceId: row.id, purpose: 'treatment' });
    return presentForLink(scope, row);
  });

  app.post('/api/referral-link/status', {
    config: { access: 'external' },
    schema: { tags, summary: 'Accept, decline (with a reason) or complete the referral a signed link points to', body: AnswerBody },
  }, async (request) => {
    const { row } = await openLink(platform, request);
    const { status, reason } = request.body;
    await inReferralOrganizations(platform, { referrer: row.organization_id, partner: row.partner_organization_id, actor: LINK_ACTOR, requestId: request.id },
      (referrer, partner) => answerReferral(referrer, partner, row.id, status === 'rejected' ? { status, reason: reason ?? '' } : { status }));
    const after = await openLink(platform, request);
    return presentForLink(after.scope, after.row);
  });
};

// Verifies the token, then that the link is still the referral's current one (not withdrawn or
// replaced) and unexpired; every failure reads the same, so a guesser learns nothing.
async function openLink(platform: Platform, request: FastifyRequest) {
  const token = request.headers[LINK_HEADER];
  if (typeof token !== 'string' || token.length > 2000) throw new LanternError('UNAUTHENTICATED', 'This referral link is not valid, has expired or was withdrawn.');
  const claims = verifyLink(platform.keys.ring(), token);
  const scope = platform.scope(claims.organizationId, LINK_ACTOR, request.id);
  const row = await scope.selectFrom('refer_referral').selectAll().where('id', '=', claims.referralId).executeTakeFirst();
  if (!row || row.link_id !== claims.linkId || !row.link_expires_at || Date.parse(row.link_expires_at) <= Date.now()) {
    throw new LanternError('UNAUTHENTICATED', 'This referral link is not valid, has expired or was withdrawn.');
  }
  return { scope, row };
}

function presentForLink(scope: ReturnType<Platform['scope']>, row: ReferReferralTable): PartnerReferralView {
  const view = presentReferral(scope, row);
  return {
    id: view.id, serviceId: view.serviceId, serviceName: view.serviceName, status: view.status,
    statusReason: view.status === 'rejected' ? view.statusReason : null,
    consentUntil: view.consent.until, consentExpired: view.consentExpired, shared: view.shared,
    createdAt: view.createdAt, updatedAt: view.updatedAt,
  };
}
