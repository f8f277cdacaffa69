import { describe, expect, test } from 'vitest';
import Fastify from 'fastify';
import { pdfText, runPoppler } from '../../test/support/poppler.ts';
import { loadShippedReference, type NationalRoutes } from '../respond/jurisdictions.ts';
import { loadComplianceRules } from './compliance-rules.ts';
import { checkComplianceRules } from './compliance-rules.ts';
import { renderHotlineCard, renderWorkplaceSign, signageDutyOf, type SignageDuty } from './signage-pdf.ts';
import { signageRoutes, signRules } from './signage-routes.ts';

interface PdfLayout { pages: { width: number; height: number }[]; text: string }

/** Page sizes and words as poppler's pdftotext reads them. */
function readLayout(pdf: Buffer): PdfLayout {
  const html = pdfText(pdf, ['-bbox']);
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const text = [...html.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).join(' ');
  return { pages, text };
}

/** The document's Subject as poppler's pdfinfo reads it. */
const pdfSubject = (pdf: Buffer): string => /^Subject:\s+(.*)$/m.exec(runPoppler('pdfinfo', pdf))?.[1] ?? '';

/** Every font size the page content sets (`/F1 32 Tf`); the streams are uncompressed by design. */
function fontSizes(pdf: Buffer): number[] {
  return [...pdf.toString('latin1').matchAll(/\/F\d+ ([\d.]+) Tf/g)].map((m) => Number(m[1]));
}

const shipped = loadShippedReference().national;

/** The shipped routes with the hotline's numbers changed, to show the PDF prints the data. */
function changedRoutes(): NationalRoutes {
  return {
    ...shipped,
    routes: shipped.routes.map((r) => (r.id === 'human-trafficking-hotline'
      ? { ...r, phone: '1-555-010-4242', text: { number: '424242', keywords: ['AYUDA', 'SOS'] }, tty: '799' }
      : r.id === 'emergency' ? { ...r, phone: '112' } : r)),
  };
}

describe('the Florida workplace sign', async () => {
  const rules = await loadComplianceRules();
  const florida = rules.rules.find((r) => r.jurisdiction === 'US-FL' && r.signage)!;
  const duty = signageDutyOf(florida.signage);

  test('the rule data asks for 11"×15", 32-point, English and Spanish', () => {
    expect(duty).toMatchObject({ minWidthInches: 11, minHeightInches: 15, minFontPoints: 32 });
    expect(duty.languages).toEqual(['en', 'es']);
    expect(signRules(rules).map((s) => s.ruleId)).toContain(florida.id);
  });

  test('is one page at least 11"×15", with no text under 32 points, in English and Spanish with the hotline and text code', async () => {
    const pdf = await renderWorkplaceSign(shipped, duty, florida);
    const layout = readLayout(pdf);
    expect(layout.pages).toHaveLength(1);
    expect(layout.pages[0]!.width).toBeGreaterThanOrEqual(11 * 72);
    expect(layout.pages[0]!.height).toBeGreaterThanOrEqual(15 * 72);
    const sizes = fontSizes(pdf);
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(32);
    const hotline = shipped.routes.find((r) => r.id === 'human-trafficking-hotline')!;
    expect(layout.text).toContain(hotline.phone);
    expect(layout.text).toContain(hotline.text!.number);
    expect(layout.text).toMatch(/national human trafficking hotline/i);
    expect(layout.text).toMatch(/línea nacional contra la trata/i);
  });

  test('prints the numbers in the data: changed data, changed sign', async () => {
    const text = readLayout(await renderWorkplaceSign(changedRoutes(), duty, florida)).text;
    expect(text).toContain('1-555-010-4242');
    expect(text).toContain('424242');
    expect(text).toContain('AYUDA');
    expect(text).toContain('799');
    expect(text).not.toContain(shipped.routes.find((r) => r.id === 'human-trafficking-hotline')!.phone);
  });

  test('a bigger minimum font or page in the rule is honoured', async () => {
    const pdf = await renderWorkplaceSign(shipped, { ...duty, minFontPoints: 40, minWidthInches: 18, minHeightInches: 20 }, { title: 'x', law: 'y' });
    const layout = readLayout(pdf);
    expect(layout.pages[0]!.width).toBeGreaterThanOrEqual(18 * 72);
    expect(layout.pages[0]!.height).toBeGreaterThanOrEqual(20 * 72);
    expect(Math.min(...fontSizes(pdf))).toBeGreaterThanOrEqual(40);
  });

  test('the statutory wording is data with its source, marked UNCONFIRMED: the facts file quotes only a fragment', () => {
    expect(duty.statutoryText).toMatchObject({ status: 'unconfirmed', text: {}, fragment: 'text INFO or HELP to 233-733' });
    expect(duty.statutoryText!.sources).toContain('https://flhealthsource.gov/category/human-trafficking/page/2/');
    expect(signRules(rules).find((s) => s.ruleId === florida.id)!.statutoryText).toBe('unconfirmed');
  });

  test('with the wording unconfirmed, each language says the sign is not the statutory text, and nothing claims to be it', async () => {
    const pdf = await renderWorkplaceSign(shipped, duty, florida);
    const text = readLayout(pdf).text.replace(/\s+/g, ' ');
    expect(text).toContain('It is not the statutory text required by s. 456.0341, F.S.');
    expect(text).toContain('No es el texto legal que exige s. 456.0341, F.S.');
    expect(pdfSubject(pdf)).toBe('Not the statutory text of s. 456.0341, F.S. (HB 851, ch. 2019-152), effective 1 July 2019 (unconfirmed)');
    expect(Math.min(...fontSizes(pdf))).toBeGreaterThanOrEqual(32);
  });

  test('the document properties are in the sign\'s first language', async () => {
    const spanishFirst = await renderWorkplaceSign(shipped, { ...duty, languages: ['es', 'en'] }, florida);
    expect(pdfSubject(spanishFirst)).toBe('No es el texto legal de s. 456.0341, F.S. (HB 851, ch. 2019-152), effective 1 July 2019 (sin confirmar)');
  });

  test('confirmed wording is printed verbatim in each language, without Lantern\'s lines or the notice', async () => {
    const confirmed: SignageDuty = {
      ...duty,
      statutoryText: { status: 'confirmed', text: { en: 'Statute words in English 4242', es: 'Palabras de la ley 4242' }, sources: ['https://example.org/law'], verifiedAgainst: 'test' },
    };
    const pdf = await renderWorkplaceSign(shipped, confirmed, florida);
    const text = readLayout(pdf).text;
    expect(text).toContain('Statute words in English 4242');
    expect(text).toContain('Palabras de la ley 4242');
    expect(text).not.toMatch(/statutory text|Lantern/);
    expect(pdfSubject(pdf)).toBe('Statutory text: s. 456.0341, F.S. (HB 851, ch. 2019-152), effective 1 July 2019');
  });

  test('the rules check refuses a sign that must show statutory text without it, or confirmed text missing a language', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../../content/compliance/rules.yaml', import.meta.url), 'utf8');
    const without = source.replace(/\n {6}statutoryText:\n(?: {8}.*\n| {10}.*\n)+/, '\n');
    expect(without).not.toContain('statutoryText');
    expect(checkComplianceRules('rules.yaml', without).issues.map((i) => i.message)).toEqual([expect.stringMatching(/us-fl-licensees.*statutoryText is required/)]);
    const halfConfirmed = source.replace(/status: unconfirmed\n {8}text: \{\}/, 'status: confirmed\n        text: { en: "Words" }');
    expect(halfConfirmed).not.toBe(source);
    expect(checkComplianceRules('rules.yaml', halfConfirmed).issues.map((i) => i.message)).toEqual([expect.stringMatching(/no "es" wording/)]);
  });

  test('a rule without a sign duty has no sign', () => {
    const without = rules.rules.find((r) => r.signage === null)!;
    expect(() => signageDutyOf(without.signage)).toThrow(/no workplace sign/);
  });
});

describe('the wallet card', () => {
  test.each(['en', 'es'])('is 3.5"×2" and carries the data\'s numbers in %s', async (language) => {
    const layout = readLayout(await renderHotlineCard(changedRoutes(), language));
    expect(layout.pages).toEqual([{ width: 252, height: 144 }]);
    expect(layout.text).toContain('1-555-010-4242');
    expect(layout.text).toContain('424242');
    expect(layout.text).toContain('112');
    expect(layout.text).toMatch(language === 'es' ? /Hay ayuda disponible/ : /Help is available/);
  });
});

describe('the signage routes', () => {
  test('list the sign rules and serve the sign and the card as PDFs from the given data', async () => {
    const app = Fastify();
    await app.register(signageRoutes, { national: changedRoutes });
    const list = await app.inject({ method: 'GET', url: '/api/learn/signage' });
    expect(list.statusCode).toBe(200);
    const body = list.json<{ signs: { ruleId: string }[]; cardLanguages: string[] }>();
    expect(body.cardLanguages).toEqual(['en', 'es']);
    const sign = await app.inject({ method: 'GET', url: `/api/learn/signage/signs/${body.signs[0]!.ruleId}` });
    expect(sign.headers['content-type']).toBe('application/pdf');
    expect(readLayout(sign.rawPayload).text).toContain('1-555-010-4242');
    const card = await app.inject({ method: 'GET', url: '/api/learn/signage/card?lang=es' });
    expect(readLayout(card.rawPayload).text).toContain('Llame al 1-555-010-4242');
    await app.close();
  });
});
