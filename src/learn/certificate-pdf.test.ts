import { describe, expect, test } from 'vitest';
import { pdfText } from '../../test/support/poppler.ts';
import { renderCertificatePdf, type CertificateContent } from './certificate-pdf.ts';

const content: CertificateContent = {
  learnerName: 'Ana Pérez', courseTitle: 'Recognizing trafficking', courseVersion: '2.1.0', ceHours: 1, issuedOn: '2026-11-29',
  organizationName: 'Riverside Health', code: 'ABCDE-FGHIJ-KLMNO-PQRST', verifyUrl: 'https://lantern.example.org/verify/ABCDE-FGHIJ-KLMNO-PQRST', language: 'en',
};
const textOf = async (overrides: Partial<CertificateContent>): Promise<string> => pdfText(await renderCertificatePdf({ ...content, ...overrides }), ['-layout']).replace(/\s+/g, ' ');

describe('the certificate PDF', () => {
  test('says everything in the enrolment language, hours counted in its plural forms', async () => {
    const english = await textOf({});
    for (const line of ['Certificate of completion', 'This certifies that', 'Ana Pérez', 'completed the course', 'Version 2.1.0 - 1 continuing-education hour',
      'Date: 2026-11-29', 'Organization: Riverside Health', 'Verification code: ABCDE-FGHIJ-KLMNO-PQRST', 'Verify at https://lantern.example.org/verify/ABCDE-FGHIJ-KLMNO-PQRST']) {
      expect(english).toContain(line);
    }
    expect(await textOf({ ceHours: 2.5 })).toContain('2.5 continuing-education hours');
    const spanish = await textOf({ language: 'es-MX', ceHours: 2.5 });
    for (const line of ['Certificado de finalización', 'Se certifica que', 'completó el curso', 'Versión 2.1.0 - 2,5 horas de educación continua', 'Fecha: 2026-11-29', 'Verifíquelo en']) {
      expect(spanish).toContain(line);
    }
  });
});
