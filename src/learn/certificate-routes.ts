/**
 * @module Certificates: `GET /api/learn/certificates`, `GET /api/learn/certificates/{id}/pdf`,
 * `POST /api/learn/certificates/{id}/revocation` (educators), and the public page
 * `GET /verify/{code}`, which says valid, revoked or unknown and, for a known code, only the
 * course, version, date and the name as printed on the certificate.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Platform } from '../platform/services.ts';
import { matchLocale, parseAcceptLanguage } from '../platform/i18n/catalogs.ts';
import { certificateForPrint, listCertificates, revokeCertificate, verifyCertificate } from './certificate-store.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { normalizeCertificateCode } from './certificate-code.ts';
import { renderVerifyPage } from './verify-page.ts';
import { learnerOf } from './learner-request.ts';
import { IdParams, OwnerQuery, RevokeBody, VerifyParams } from './schemas.ts';

const tags = ['learn'];

export const certificateRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, { platform }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/learn/certificates', {
    config: { access: { permission: ['certificate', 'read'] } },
    schema: { tags, summary: 'The caller\'s certificates (educators: a user\'s, or all with all=true)', querystring: OwnerQuery },
  }, async (request) => ({ certificates: await listCertificates(request.scope(), learnerOf(request), request.query) }));

  app.get('/api/learn/certificates/:id/pdf', {
    config: { access: { permission: ['certificate', 'read'] } },
    schema: { tags, summary: 'The certificate as a PDF', params: IdParams },
  }, async (request, reply) => {
    const content = await certificateForPrint(request.scope(), learnerOf(request), request.params.id, platform.config.publicUrl);
    const pdf = await renderCertificatePdf(content);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="certificate-${request.params.id}.pdf"`).send(pdf);
  });

  app.post('/api/learn/certificates/:id/revocation', {
    config: { access: { permission: ['certificate', 'update'] } },
    schema: { tags, summary: 'Revoke a certificate; the public page then says it is revoked', params: IdParams, body: RevokeBody },
  }, async (request) => ({ certificate: await revokeCertificate(request.scope(), learnerOf(request), request.params.id, request.body.reason) }));

  app.get('/verify/:code', {
    config: { access: 'public' },
    schema: { tags, summary: 'Public certificate check (HTML)', params: VerifyParams },
  }, async (request, reply) => {
    const code = normalizeCertificateCode(request.params.code);
    const verification = await verifyCertificate(platform.data.db, platform.data.dialect, code, request.id);
    const language = matchLocale(parseAcceptLanguage(request.headers['accept-language']));
    // 200 for every answer: the page is for people, and "unknown" is an answer, not an API error.
    return reply.type('text/html; charset=utf-8')
      .header('x-robots-tag', 'noindex').send(renderVerifyPage(verification, code ?? request.params.code, language));
  });
};
