/**
 * @module ICD-10-CM suggestions for a trafficking finding (FY2019 codes, effective 1 Oct 2018).
 * Sources (domain facts §3): healtrafficking.org and 3M Inside Angle for the codes and 7th characters;
 * icd10codingpro.com quoting the Official Guidelines for Z04.81/Z04.82 when suspicion is ruled out;
 * med.report (secondary) for adding the perpetrator code Y07.- to confirmed cases.
 * The split is by code title: .x1 adult, .x2 child (T74.51 adult sexual, T74.52 child sexual,
 * T74.61 adult labor, T74.62 child labor; the same for T76). The age at which the child codes stop is
 * not stated in the sources; Lantern uses the protocol's age of majority (18 by default).
 * Codes and their official titles are data (English, as published); the reasons and notes come from
 * the respond catalogs in the caller's language.
 */
import { type Translate, translatorFor } from '../platform/i18n/format.ts';
import type { FindingStatus, FindingType } from './protocol.ts';

export const ICD10CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';

export type EncounterType = 'initial' | 'subsequent' | 'sequela';

/** What the clinician concluded, which drives the codes. */
export interface Finding {
  status: FindingStatus;
  /** Required for suspected, confirmed and ruled-out findings. */
  type?: FindingType;
  encounterType?: EncounterType;
  /** For a history finding: the exploitation happened in childhood (Z62.813 rather than Z91.42). */
  historyInChildhood?: boolean;
  /** Several perpetrators are known (Y07.6, with a confirmed finding). */
  multiplePerpetrators?: boolean;
}

export interface CodeSuggestion {
  system: typeof ICD10CM_SYSTEM;
  code: string;
  display: string;
  /** Why this code was suggested, for the clinician and the coder. */
  reason: string;
}

export interface CodingResult {
  codes: CodeSuggestion[];
  /** Codes that would apply but were not suggested because of a facility setting. */
  withheld: string[];
  /** What the clinician should know (missing facts, the claims caution). */
  notes: string[];
}

export interface CodingInput {
  finding: Finding;
  ageYears?: number;
  /** The facility's choice: suggest claim-visible codes for suspected (unconfirmed) trafficking? */
  suggestClaimCodesForSuspected: boolean;
  adultAgeYears?: number;
  /** The language of the reasons and notes (a BCP 47 tag; the closest shipped catalog). English by default. */
  language?: string;
}

const seventhCharacter: Record<EncounterType, { char: string; words: string }> = {
  initial: { char: 'A', words: 'initial encounter' },
  subsequent: { char: 'D', words: 'subsequent encounter' },
  sequela: { char: 'S', words: 'sequela' },
};

// Subcategories without the placeholder and 7th character, with their official long titles.
const subcategories = {
  confirmed: {
    sex: { adult: ['T74.51', 'Adult forced sexual exploitation, confirmed'], child: ['T74.52', 'Child sexual exploitation, confirmed'] },
    labor: { adult: ['T74.61', 'Adult forced labor exploitation, confirmed'], child: ['T74.62', 'Child forced labor exploitation, confirmed'] },
  },
  suspected: {
    sex: { adult: ['T76.51', 'Adult forced sexual exploitation, suspected'], child: ['T76.52', 'Child sexual exploitation, suspected'] },
    labor: { adult: ['T76.61', 'Adult forced labor exploitation, suspected'], child: ['T76.62', 'Child forced labor exploitation, suspected'] },
  },
} as const;

const fixedCodes = {
  ruledOutSex: ['Z04.81', 'Encounter for examination and observation of victim following forced sexual exploitation'],
  ruledOutLabor: ['Z04.82', 'Encounter for examination and observation of victim following forced labor exploitation'],
  history: ['Z91.42', 'Personal history of forced labor or sexual exploitation'],
  historyChildhood: ['Z62.813', 'Personal history of forced labor or sexual exploitation in childhood'],
  multiplePerpetrators: ['Y07.6', 'Multiple perpetrators of maltreatment and neglect'],
} as const;

/** Suggests the ICD-10-CM codes for a finding; pure, and never guesses a missing fact. */
export function suggestCodes(input: CodingInput): CodingResult {
  const { finding } = input;
  const t = translatorFor(input.language ?? 'en');
  const result: CodingResult = { codes: [], withheld: [], notes: [] };
  const kinds = kindsOf(finding.type);
  if (finding.status !== 'history' && kinds.length === 0) {
    result.notes.push(t('respond.codes.note.chooseType'));
    return result;
  }
  switch (finding.status) {
    case 'ruled-out':
      for (const kind of kinds) {
        const [code, display] = kind === 'sex' ? fixedCodes.ruledOutSex : fixedCodes.ruledOutLabor;
        result.codes.push(suggestion(code, display, t('respond.codes.reason.ruledOut')));
      }
      return result;
    case 'history': {
      const inChildhood = finding.historyInChildhood ?? isMinor(input);
      const [code, display] = inChildhood ? fixedCodes.historyChildhood : fixedCodes.history;
      result.codes.push(suggestion(code, display, inChildhood ? t('respond.codes.reason.historyChildhood') : t('respond.codes.reason.history')));
      return result;
    }
    case 'suspected':
    case 'confirmed':
      return suggestExploitationCodes(t, input, finding.status, kinds, result);
  }
}

function suggestExploitationCodes(
  t: Translate,
  input: CodingInput,
  status: 'suspected' | 'confirmed',
  kinds: ('sex' | 'labor')[],
  result: CodingResult,
): CodingResult {
  const minor = isMinor(input);
  if (minor === undefined) {
    result.notes.push(t('respond.codes.note.recordAge'));
    return result;
  }
  const seventh = seventhCharacter[input.finding.encounterType ?? 'initial'];
  const codes = kinds.map((kind) => {
    const [base, title] = subcategories[status][kind][minor ? 'child' : 'adult'];
    // The subcategory has five characters, so the placeholder X fills the sixth (e.g. T74.51XA).
    return suggestion(`${base}X${seventh.char}`, `${title}, ${seventh.words}`,
      t('respond.codes.reason.exploitation', { status, kind, age: minor ? 'child' : 'adult' }));
  });
  if (status === 'suspected' && !input.suggestClaimCodesForSuspected) {
    result.withheld.push(...codes.map((c) => c.code));
    result.notes.push(t('respond.codes.note.withheld'));
    return result;
  }
  result.codes.push(...codes);
  if (status === 'confirmed' && input.finding.multiplePerpetrators) {
    const [code, display] = fixedCodes.multiplePerpetrators;
    result.codes.push(suggestion(code, display, t('respond.codes.reason.multiplePerpetrators')));
  }
  result.notes.push(t('respond.codes.note.claims'));
  return result;
}

function kindsOf(type: FindingType | undefined): ('sex' | 'labor')[] {
  if (type === 'both') return ['sex', 'labor'];
  return type ? [type] : [];
}

function isMinor(input: CodingInput): boolean | undefined {
  return input.ageYears === undefined ? undefined : input.ageYears < (input.adultAgeYears ?? 18);
}

function suggestion(code: string, display: string, reason: string): CodeSuggestion {
  return { system: ICD10CM_SYSTEM, code, display, reason };
}
