/**
 * @module Print-ready signage PDFs: a workplace sign for a state rule's signage duty (page at least
 * the rule's size, every word at least its minimum point size, every language it names), and a
 * wallet-size hotline card (3.5" × 2") in one language. Content streams are left uncompressed so
 * a print shop, or a test, can read the font sizes. pdfkit's standard fonts cover Latin-1, which the
 * shipped languages (English, Spanish) need.
 */
import type { NationalRoutes } from '../respond/jurisdictions.ts';
import { invalid } from '../platform/http/errors.ts';
import { latin1, startPdf } from '../platform/pdf.ts';
import { cardLines, notStatutoryNotice, signLines, signSubject, type SignLines } from './signage-content.ts';

/**
 * The wording a law requires on the sign, as data. Only `confirmed` text (checked verbatim against
 * the law) is printed as the statute's; otherwise the sign carries Lantern's wording and says so.
 */
export interface StatutoryText {
  status: 'confirmed' | 'unconfirmed';
  text: Record<string, string>;
  fragment?: string;
  sources: string[];
  verifiedAgainst: string;
  note?: string;
}

/** A rule's signage duty as content/compliance/rules.yaml states it. */
export interface SignageDuty {
  minWidthInches: number;
  minHeightInches: number;
  minFontPoints: number;
  languages: string[];
  statutoryText?: StatutoryText;
}

const POINTS_PER_INCH = 72;
// Sizes a print shop stocks, smallest first (inches, portrait).
const PAPER: readonly [number, number][] = [[8.5, 11], [11, 17], [18, 24], [24, 36]];

/** Reads the signage block of a rule, or throws when the rule has no usable signage duty. */
export function signageDutyOf(signage: unknown): SignageDuty {
  const s = signage as Partial<SignageDuty> | null;
  if (!s || typeof s.minWidthInches !== 'number' || typeof s.minHeightInches !== 'number' || typeof s.minFontPoints !== 'number' || !Array.isArray(s.languages) || s.languages.length === 0) {
    throw invalid('This rule has no workplace sign duty.', 'ruleId');
  }
  return {
    minWidthInches: s.minWidthInches, minHeightInches: s.minHeightInches, minFontPoints: s.minFontPoints, languages: s.languages,
    ...(s.statutoryText ? { statutoryText: s.statutoryText } : {}),
  };
}

/** The confirmed statutory text for a language, or undefined when it is not confirmed verbatim. */
export function confirmedStatutoryText(duty: SignageDuty, language: string): string | undefined {
  return duty.statutoryText?.status === 'confirmed' ? duty.statutoryText.text[language] : undefined;
}

/** The smallest stocked paper that meets the duty's minimum size, else exactly the minimum. */
export function choosePaper(duty: SignageDuty): [number, number] {
  return PAPER.find(([w, h]) => w >= duty.minWidthInches && h >= duty.minHeightInches) ?? [duty.minWidthInches, duty.minHeightInches];
}

/**
 * Renders the workplace sign for a duty: one page, each language in turn, nothing under the minimum
 * size. Confirmed statutory text is printed verbatim; without it each language gets Lantern's
 * wording followed by a line saying it is not the statutory text of `law`.
 */
export async function renderWorkplaceSign(national: NationalRoutes, duty: SignageDuty, rule: { title: string; law: string }): Promise<Buffer> {
  const [widthIn, heightIn] = choosePaper(duty);
  const statutory = duty.languages.every((language) => confirmedStatutoryText(duty, language) !== undefined);
  const { doc, bytes } = await startPdf({
    size: [widthIn * POINTS_PER_INCH, heightIn * POINTS_PER_INCH], margin: 40, compress: false,
    info: { Title: latin1(rule.title), Subject: latin1(signSubject(duty.languages[0]!, statutory, rule.law)) },
  });
  const body = duty.minFontPoints;
  const heading = Math.ceil(body * 1.25);
  const width = doc.page.width - 80;
  duty.languages.forEach((language, i) => {
    if (i > 0) {
      doc.moveDown(0.3);
      const y = doc.y;
      doc.moveTo(40, y).lineTo(doc.page.width - 40, y).lineWidth(3).stroke('#0b5566');
      doc.moveDown(0.3);
    }
    const text = confirmedStatutoryText(duty, language);
    if (text !== undefined) {
      doc.font('Helvetica-Bold').fontSize(body).fillColor('black').text(latin1(text), { width });
      return;
    }
    const lines: SignLines = signLines(national, language);
    doc.font('Helvetica-Bold').fontSize(heading).fillColor('#0b5566').text(latin1(lines.heading), { width });
    doc.font('Helvetica').fontSize(body).fillColor('black').text(latin1(lines.help), { width });
    doc.font('Helvetica-Bold').fontSize(body).text(latin1(lines.call), { width });
    if (lines.text) doc.text(latin1(lines.text), { width });
    doc.font('Helvetica').fontSize(body);
    if (lines.tty) doc.text(latin1(`${lines.tty} · ${lines.hours}`), { width });
    else doc.text(latin1(lines.hours), { width });
    if (lines.emergency) doc.text(latin1(lines.emergency), { width });
    if (duty.statutoryText) doc.font('Helvetica-Oblique').fontSize(body).fillColor('#333333').text(latin1(notStatutoryNotice(language, rule.law)), { width });
  });
  doc.end();
  return bytes;
}

/** Renders a wallet card (3.5" × 2", one side) in one language. */
export async function renderHotlineCard(national: NationalRoutes, language: string): Promise<Buffer> {
  const lines = cardLines(national, language);
  const { doc, bytes } = await startPdf({ size: [3.5 * POINTS_PER_INCH, 2 * POINTS_PER_INCH], margin: 12, compress: false, info: { Title: latin1(lines.title) } });
  const width = doc.page.width - 24;
  doc.rect(4, 4, doc.page.width - 8, doc.page.height - 8).lineWidth(1).stroke('#0b5566');
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#0b5566').text(latin1(lines.title), 12, 12, { width });
  doc.font('Helvetica').fontSize(8).fillColor('black').text(latin1(lines.hotline), { width });
  doc.font('Helvetica-Bold').fontSize(12).text(latin1(lines.phone), { width });
  doc.font('Helvetica').fontSize(8.5);
  if (lines.text) doc.text(latin1(lines.text), { width });
  if (lines.tty) doc.text(latin1(lines.tty), { width });
  doc.text(latin1(lines.hours), { width });
  if (lines.emergency) doc.font('Helvetica-Bold').text(latin1(lines.emergency), { width });
  doc.end();
  return bytes;
}
