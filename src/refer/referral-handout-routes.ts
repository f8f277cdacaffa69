/**
 * @module The patient card: `GET /api/referral-handout.pdf` and `.html` with the chosen services
 * (`service`, repeated) in the patient's language (`language`, default the caller's).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from '../platform/services.ts';
import { buildHandout } from './referral-handout.ts';
import { renderHandoutPdf } from './referral-handout-pdf.ts';
import { renderHandoutHtml } from './referral-handout-html.ts';
import { HandoutQuery } from './referral-schemas.ts';

const tags = ['referrals'];

export const referralHandoutRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/referral-handout.pdf', {
    config: { access: { permission: ['referral', 'read'] } },
    schema: { tags, summary: 'The patient card as a small PDF', querystring: HandoutQuery },
  }, async (request, reply) => {
    const content = await buildHandout(request.scope(), { serviceIds: request.query.service, language: request.query.language ?? request.principal!.locale });
    const pdf = await renderHandoutPdf(content);
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="contacts.pdf"').send(pdf);
  });

  app.get('/api/referral-handout.html', {
    config: { access: { permission: ['referral', 'read'] } },
    schema: { tags, summary: 'The patient card as a print page', querystring: HandoutQuery },
  }, async (request, reply) => {
    const content = await buildHandout(request.scope(), { serviceIds: request.query.service, language: request.query.language ?? request.principal!.locale });
    return reply.type('text/html; charset=utf-8').send(renderHandoutHtml(content));
  });
};
