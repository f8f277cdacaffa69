/**
 * @module The patient card as a PDF: 5 × 3 inches (an index card that folds into a wallet),
 * plain black text, the neutral title in the document properties too, no logo. pdfkit's standard
 * fonts encode Latin-1, which English and Spanish need; other characters become "?".
 */
import PDFDocument from 'pdfkit';
import type { HandoutContent } from './referral-handout.ts';

const CARD = [360, 216] as [number, number];
const MARGIN = 16;

const latin1 = (text: string): string => text.normalize('NFC').replace(/[\u2018\u2019]/g, '\'').replace(/[\u201C\u201D]/g, '"')
  .replace(/[\u2013\u2014]/g, '-').replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');

/** Renders the card; resolves with the PDF bytes. */
export function renderHandoutPdf(content: HandoutContent): Promise<Buffer> {
  // No Author or Subject: the file's properties say no more than its face.
  const doc = new PDFDocument({ size: CARD, margin: MARGIN, info: { Title: latin1(content.title) }, lang: content.locale });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = CARD[0] - 2 * MARGIN;
  const bottom = CARD[1] - MARGIN;
  // Starts a new card when the next block would not fit on this one.
  const ensureRoom = (height: number): void => {
    if (doc.y + height > bottom) doc.addPage();
  };
  doc.font('Helvetica-Bold').fontSize(11).text(latin1(content.title), { width });
  doc.moveDown(0.3);
  for (const service of content.services) {
    const lines = [...service.phones, service.address ?? (service.addressByPhone ? content.labels.addressByPhone : '')].filter(Boolean);
    ensureRoom(12 + lines.length * 10);
    doc.font('Helvetica-Bold').fontSize(8.5).text(latin1(service.name), { width });
    doc.font('Helvetica').fontSize(8);
    for (const line of lines) doc.text(latin1(line), { width });
    doc.moveDown(0.3);
  }
  ensureRoom(content.helpline.length * 10 + 6);
  doc.moveDown(0.2);
  doc.font('Helvetica-Bold').fontSize(8.5);
  for (const line of content.helpline) doc.text(latin1(line), { width });
  doc.end();
  return done;
}
