/**
 * @module Drafts documentation for an encounter in two parts: text safe for the patient portal and
 * copied notes (objective findings, the patient's own words), and what belongs only in a sensitive
 * note (screen result, reports, safety plan, hotline and referral details). Patient portals release
 * notes to patients and proxies, and one disclosure reached a perpetrator through an auto-copied note.
 * Sources: JMIR 2022;24(2):e34085; Pediatrics 2023;152(4):e2022060189; University of Michigan
 * Human Trafficking Clinic template (domain facts §4.10).
 * Titles and fixed lines come from the respond catalogs in the caller's language; what the clinician
 * typed, agency names and code titles are data and stay as they are.
 */
import { matchLocale } from '../platform/i18n/catalogs.ts';
import { createTranslator, type Translate, translatorFor } from '../platform/i18n/format.ts';
import type { CodeSuggestion } from './icd10.ts';
import type { NationalRoutes } from './jurisdictions.ts';
import type { RecommendedAction } from './protocol-evaluate.ts';
import type { ScreenResultCode } from './protocol.ts';
import { displayAction } from './response-actions.ts';

export interface NoteDraftInput {
  /** Objective findings the clinician observed (injuries, vital signs, behaviour), in their words. */
  objectiveFindings: string[];
  screen: ScreenResultCode;
  instrument?: string;
  actions: RecommendedAction[];
  codes: CodeSuggestion[];
  /** The language to draft in (a BCP 47 tag; the closest shipped catalog is used). English by default. */
  language?: string;
}

export interface NoteSection {
  title: string;
  lines: string[];
}

export interface NoteDraft {
  /** May appear in the portal or be copied into other notes: no safety plan, hotline or report details. */
  portalSafe: NoteSection[];
  /** For the EHR's restricted or sensitive note only. */
  sensitive: NoteSection[];
}

/** The placeholder the clinician replaces with the patient's exact words, in quotation marks, in a language. */
export function patientWordsPlaceholder(language = 'en'): string {
  return translatorFor(language)('respond.note.words.placeholder');
}

/** Drafts the portal-safe and sensitive parts of the encounter note, in the input's language. */
export function draftNote(input: NoteDraftInput): NoteDraft {
  const locale = matchLocale([input.language ?? 'en']);
  const t = createTranslator(locale);
  const portalSafe: NoteSection[] = [
    { title: t('respond.note.objective.title'), lines: input.objectiveFindings.length > 0 ? input.objectiveFindings : [t('respond.note.objective.placeholder')] },
    { title: t('respond.note.words.title'), lines: [t('respond.note.words.line', { words: t('respond.note.words.placeholder') })] },
  ];
  const sensitive: NoteSection[] = [
    { title: t('respond.note.screening.title'), lines: [screenLine(t, input)] },
    { title: t('respond.note.actions.title'), lines: input.actions.map((a) => t('respond.note.actions.line', { action: displayAction(a.code, locale) })) },
  ];
  const reports = reportLines(t, input.actions);
  if (reports.length > 0) sensitive.push({ title: t('respond.note.reports.title'), lines: reports });
  sensitive.push({
    title: t('respond.note.safety.title'),
    lines: [t('respond.note.safety.plan'), t('respond.note.safety.resources')],
  });
  if (input.codes.length > 0) {
    sensitive.push({ title: t('respond.note.codes.title'), lines: input.codes.map((c) => `${c.code} ${c.display}`) });
  }
  return { portalSafe, sensitive };
}

/**
 * Lists lines of supposedly portal-safe text that reveal what must stay in the sensitive note: a
 * national route's number or text code, a safety plan, a report, a hotline or trafficking wording,
 * in English or Spanish.
 */
export function findPortalHazards(text: string, national: NationalRoutes): string[] {
  const numbers = national.routes
    .filter((r) => r.id !== 'emergency')
    .flatMap((r) => [r.phone, r.vanity, r.text?.number, r.web?.url].filter((v): v is string => Boolean(v)))
    .map(digitsOrText);
  const words = new RegExp([
    'safety plan', 'hotline', 'cybertip', 'traffick', 'exploitation', 'reported to', 'police report', 'badge',
    'plan de seguridad', 'l[ií]nea (de ayuda|directa|nacional)', 'trata de (personas|seres)', 'v[ií]ctima de trata', 'explotaci[oó]n',
    'report(e|ado|ó) a', 'denuncia', 'informe policial', 'n[uú]mero de placa',
  ].join('|'), 'i');
  return text.split('\n').filter((line) => {
    const normalized = digitsOrText(line);
    return words.test(line) || numbers.some((n) => n.length > 0 && normalized.includes(n));
  });
}

function screenLine(t: Translate, input: NoteDraftInput): string {
  const meaning: Record<ScreenResultCode, string> = {
    positive: t('respond.note.screening.positive'),
    negative: t('respond.note.screening.negative'),
    declined: t('respond.note.screening.declined'),
    'not-safe-to-screen': t('respond.note.screening.notSafe'),
    'not-screened': t('respond.note.screening.notScreened'),
  };
  return input.instrument
    ? t('respond.note.screening.lineWithInstrument', { instrument: input.instrument, meaning: meaning[input.screen] })
    : t('respond.note.screening.line', { meaning: meaning[input.screen] });
}

// Report details are what a proxy or a trafficker must never read; the police fields follow the
// University of Michigan template (date, time, officer name and badge).
function reportLines(t: Translate, actions: RecommendedAction[]): string[] {
  const lines: string[] = [];
  for (const action of actions) {
    if (action.code === 'report-child-protection') {
      const agency = action.contact?.kind === 'child-protection' ? action.contact.jurisdiction.childProtection.agency : t('respond.note.reports.childProtectionAgency');
      lines.push(t('respond.note.reports.childProtection', { agency }));
    }
    if (action.code === 'notify-ncmec') lines.push(t('respond.note.reports.ncmec'));
    if (action.code === 'law-enforcement-with-consent' || action.code === 'call-security-or-911') {
      lines.push(t('respond.note.reports.lawEnforcement'));
    }
  }
  return [...new Set(lines)];
}

// Phone numbers compare by digits, without the US country code, so "(888) 373-7888" matches 1-888-373-7888.
function digitsOrText(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) return digits.slice(1);
  return digits.length >= 6 ? digits : value.toLowerCase();
}
