/**
 * @module The certificate as a PDF (US Letter, landscape): learner, course and version, CE hours,
 * date, organization and the verification code with the address of the public page. pdfkit's
 * standard fonts cover Latin-1, which English and Spanish need.
 */
import { translatorFor } from '../platform/i18n/format.ts';
import { latin1, startPdf } from '../platform/pdf.ts';

export interface CertificateContent {
  learnerName: string;
  courseTitle: string;
  courseVersion: string;
  ceHours: number;
  /** Calendar date, YYYY-MM-DD. */
  issuedOn: string;
  organizationName: string;
  code: string;
  /** e.g. https://lantern.example.org/verify/ABCDE-… */
  verifyUrl: string;
  language: string;
}

/** Renders the certificate; resolves with the PDF bytes. */
export async function renderCertificatePdf(content: CertificateContent): Promise<Buffer> {
  const t = translatorFor(content.language);
  const { doc, bytes } = await startPdf({
    size: 'LETTER', layout: 'landscape', margin: 54,
    info: { Title: latin1(`${t('learn.certificate.heading')}: ${content.courseTitle}`), Author: latin1(content.organizationName), Subject: content.code },
  });
  const width = doc.page.width - 108;
  const center = { align: 'center' as const, width };
  doc.rect(36, 36, doc.page.width - 72, doc.page.height - 72).lineWidth(2).stroke('#1f4e79');
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(30).fillColor('#1f4e79').text(latin1(t('learn.certificate.heading')), 54, 90, center);
  doc.moveDown(1);
  doc.font('Helvetica').fontSize(14).fillColor('black').text(latin1(t('learn.certificate.certifies')), center);
  doc.moveDown(0.4);
  doc.font('Helvetica-Bold').fontSize(24).text(latin1(content.learnerName), center);
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(14).text(latin1(t('learn.certificate.completed')), center);
  doc.moveDown(0.4);
  doc.font('Helvetica-Bold').fontSize(18).text(latin1(content.courseTitle), center);
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(12).text(latin1(t('learn.certificate.version', { version: content.courseVersion, hours: content.ceHours })), center);
  doc.moveDown(1.5);
  doc.fontSize(12).text(latin1(t('learn.certificate.date', { date: content.issuedOn })), center);
  doc.text(latin1(t('learn.certificate.organization', { organization: content.organizationName })), center);
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(12).text(latin1(t('learn.certificate.code', { code: content.code })), center);
  doc.font('Helvetica').fontSize(10).text(latin1(t('learn.certificate.verify', { url: content.verifyUrl })), center);
  doc.end();
  return bytes;
}
