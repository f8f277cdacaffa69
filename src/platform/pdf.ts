/**
 * @module One way to start a PDF. pdfkit is loaded when the first PDF is made, not when the server
 * starts: a server that never prints a certificate, sign or handout does not hold it (about 25 MB
 * of resident memory in a bare process). pdfkit's standard fonts encode Latin-1, which English and
 * Spanish need; `latin1` makes any text safe for them.
 */

/** A new document, and the promise of its bytes once `doc.end()` is called. */
export async function startPdf(options: PDFKit.PDFDocumentOptions): Promise<{ doc: PDFKit.PDFDocument; bytes: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** Typographic quotes and dashes as their ASCII forms; anything else outside Latin-1 as "?". */
export const latin1 = (text: string): string => text.normalize('NFC').replace(/[\u2018\u2019]/g, '\'').replace(/[\u201C\u201D]/g, '"')
  .replace(/[\u2013\u2014]/g, '-').replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');
