/**
 * @module Chooses the screening instrument from the patient's age and the care setting: adults (18+)
 * the adult screen, adolescents (12–17) the youth screen, under 12 the indicators checklist and
 * clinician assessment only. A clinician may override with a reason, which is kept. Sources: RAFT
 * (adult ED), SSCST (ages 12–17, high-risk settings), domain facts §1.1–1.2.
 */
import { invalid } from '../platform/http/errors.ts';

/** The care settings Lantern knows; protocol conditions and the case API use the same list. */
export const SCREENING_SETTINGS = [
  'emergency', 'urgent-care', 'primary-care', 'teen-clinic', 'child-advocacy-center', 'prenatal', 'behavioral-health', 'inpatient', 'other',
] as const;
export type ScreeningSetting = (typeof SCREENING_SETTINGS)[number];

export interface InstrumentChoiceInput {
  /** Age in whole years; undefined when not known. */
  ageYears?: number;
  setting: ScreeningSetting;
  override?: { instrumentId: string; reason: string };
  /** Instruments that can be chosen by override (shipped and imported ids). */
  availableInstruments?: ReadonlySet<string>;
}

export type ChoiceBasis = 'adult' | 'youth' | 'under-12' | 'age-unknown' | 'override';

export interface InstrumentChoice {
  instrumentId: string;
  /** Under 12 or age unknown: observation and clinician assessment, no patient questionnaire. */
  clinicianAssessmentOnly: boolean;
  basis: ChoiceBasis;
  /** The setting differs from those the published instrument was studied in. */
  outsideStudiedSetting: boolean;
  override?: { from: string; reason: string };
}

export const INDICATORS_ID = 'lantern-indicators';
export const ADULT_SCREEN_ID = 'lantern-adult-screen';
export const YOUTH_SCREEN_ID = 'lantern-youth-screen';

// RAFT was studied in emergency departments; SSCST in pediatric EDs, child advocacy centers and teen clinics.
const STUDIED_SETTINGS: Record<string, readonly ScreeningSetting[]> = {
  [ADULT_SCREEN_ID]: ['emergency'],
  [YOUTH_SCREEN_ID]: ['emergency', 'child-advocacy-center', 'teen-clinic'],
};

/** Chooses the instrument, applying an override only when it names an instrument and gives a reason. */
export function chooseInstrument({ ageYears, setting, override, availableInstruments }: InstrumentChoiceInput): InstrumentChoice {
  if (ageYears !== undefined && (!Number.isFinite(ageYears) || ageYears < 0 || ageYears > 130)) {
    throw invalid('Age must be a number of years between 0 and 130.', 'ageYears');
  }
  const byAge = chooseByAge(ageYears, setting);
  if (!override) return byAge;
  const reason = override.reason.trim();
  if (reason === '') throw invalid('An override needs a reason.', 'override.reason');
  const known = availableInstruments ?? new Set([INDICATORS_ID, ADULT_SCREEN_ID, YOUTH_SCREEN_ID]);
  if (!known.has(override.instrumentId)) throw invalid(`Unknown instrument "${override.instrumentId}".`, 'override.instrumentId');
  return {
    instrumentId: override.instrumentId,
    clinicianAssessmentOnly: override.instrumentId === INDICATORS_ID,
    basis: 'override',
    outsideStudiedSetting: isOutsideStudied(override.instrumentId, setting),
    override: { from: byAge.instrumentId, reason },
  };
}

function chooseByAge(ageYears: number | undefined, setting: ScreeningSetting): InstrumentChoice {
  if (ageYears === undefined) return { instrumentId: INDICATORS_ID, clinicianAssessmentOnly: true, basis: 'age-unknown', outsideStudiedSetting: false };
  if (ageYears < 12) return { instrumentId: INDICATORS_ID, clinicianAssessmentOnly: true, basis: 'under-12', outsideStudiedSetting: false };
  const instrumentId = ageYears >= 18 ? ADULT_SCREEN_ID : YOUTH_SCREEN_ID;
  return { instrumentId, clinicianAssessmentOnly: false, basis: ageYears >= 18 ? 'adult' : 'youth', outsideStudiedSetting: isOutsideStudied(instrumentId, setting) };
}

function isOutsideStudied(instrumentId: string, setting: ScreeningSetting): boolean {
  const studied = STUDIED_SETTINGS[instrumentId];
  return studied !== undefined && !studied.includes(setting);
}
