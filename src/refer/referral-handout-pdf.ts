/**
 * @module The patient card as a PDF: 5 × 3 inches (an index card that folds into a wallet),
 * plain black text, the neutral title in the document properties too, no logo. pdfkit's standard
 * fonts encode Latin-1, which English and Spanish need; other characters become "?".
 */
import { latin1, startPdf } from '../platform/pdf.ts';
import type { HandoutContent } from './referral-handout.ts';

const CARD = [360, 216] as [number, number];
const MARGIN = 16;

/** Renders the card; resolves with the PDF bytes. */
export async function renderHandoutPdf(content: HandoutContent): Promise<Buffer> {
  // No Author or Subject: the file's properties say no more than its face.
  const { doc, bytes } = await startPdf({ size: CARD, margin: MARGIN, info: { Title: latin1(content.title) }, lang: content.locale });
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
  return bytes;
}
