/**
 * @module Reads PDFs the way a reader would, with Debian's poppler-utils (installed by
 * scripts/test.mjs): a tool no one here wrote, so a test checks what the file says, not what our
 * renderer meant to say.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler tool (`pdftotext`, `pdfinfo`) on the PDF with the given options; its output. */
export function runPoppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer | Uint8Array, options: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, tool === 'pdftotext' ? [...options, file, '-'] : [...options, file]).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as pdftotext reads it. */
export const pdfText = (pdf: Buffer | Uint8Array, options: string[] = []): string => runPoppler('pdftotext', pdf, options);
