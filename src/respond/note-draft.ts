/**
 * @module Drafts documentation for an encounter in two parts: text safe for the patient portal and
 * copied notes (objective findings, the patient's own words), and what belongs only in a sensitive
 * note (screen result, reports, safety plan, hotline and referral details). Patient portals release
 * notes to patients and proxies, and one disclosure reached a perpetrator through an auto-copied note.
 * Sources: JMIR 2022;24(2):e34085; Pediatrics 2023;152(4):e2022060189; University of Michigan
 * Human Trafficking Clinic template (domain facts §4.10).
 */
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

/** A placeholder the clinician replaces with the patient's exact words, in quotation marks. */
export const PATIENT_WORDS_PLACEHOLDER = '"[patient\'s own words, quoted exactly]"';

/** Drafts the portal-safe and sensitive parts of the encounter note. */
export function draftNote(input: NoteDraftInput): NoteDraft {
  const portalSafe: NoteSection[] = [
    { title: 'Objective findings', lines: input.objectiveFindings.length > 0 ? input.objectiveFindings : ['[objective findings]'] },
    { title: "Patient's own words", lines: [`Patient states: ${PATIENT_WORDS_PLACEHOLDER}`] },
  ];
  const sensitive: NoteSection[] = [
    { title: 'Screening', lines: [screenLine(input)] },
    { title: 'Recommended response', lines: input.actions.map((a) => `${displayAction(a.code)}: [done / skipped with reason / not applicable]`) },
  ];
  const reports = reportLines(input.actions);
  if (reports.length > 0) sensitive.push({ title: 'Reports made', lines: reports });
  sensitive.push({
    title: 'Safety plan and resources given',
    lines: ['[safety plan, if the patient wants one]', '[resources given, and in what form (e.g. memorized, small card)]'],
  });
  if (input.codes.length > 0) {
    sensitive.push({ title: 'Suggested ICD-10-CM codes', lines: input.codes.map((c) => `${c.code} ${c.display}`) });
  }
  return { portalSafe, sensitive };
}

/**
 * Lists lines of supposedly portal-safe text that reveal what must stay in the sensitive note: a
 * national route's number or text code, a safety plan, a report, a hotline or trafficking wording.
 */
export function findPortalHazards(text: string, national: NationalRoutes): string[] {
  const numbers = national.routes
    .filter((r) => r.id !== 'emergency')
    .flatMap((r) => [r.phone, r.vanity, r.text?.number, r.web?.url].filter((v): v is string => Boolean(v)))
    .map(digitsOrText);
  const words = /safety plan|hotline|cybertip|traffick|exploitation|reported to|police report|badge/i;
  return text.split('\n').filter((line) => {
    const normalized = digitsOrText(line);
    return words.test(line) || numbers.some((n) => n.length > 0 && normalized.includes(n));
  });
}

function screenLine(input: NoteDraftInput): string {
  const instrument = input.instrument ? ` (${input.instrument})` : '';
  const meaning: Record<ScreenResultCode, string> = {
    positive: 'positive: consider possible trafficking; a screen result is not a diagnosis',
    negative: 'negative',
    declined: 'declined by the patient',
    'not-safe-to-screen': 'not done: not private or safe enough to ask',
    'not-screened': 'no screen done',
  };
  return `Screen${instrument}: ${meaning[input.screen]}.`;
}

// Report details are what a proxy or a trafficker must never read; the police fields follow the
// University of Michigan template (date, time, officer name and badge).
function reportLines(actions: RecommendedAction[]): string[] {
  const lines: string[] = [];
  for (const action of actions) {
    if (action.code === 'report-child-protection') {
      const agency = action.contact?.kind === 'child-protection' ? action.contact.jurisdiction.childProtection.agency : 'child protection';
      lines.push(`Report to ${agency}: [date, time, intake worker, report number]`);
    }
    if (action.code === 'notify-ncmec') lines.push('CyberTipline report: [date, time, report number]');
    if (action.code === 'law-enforcement-with-consent' || action.code === 'call-security-or-911') {
      lines.push('Law enforcement / security: [date, time, officer name, badge number, report number]');
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
