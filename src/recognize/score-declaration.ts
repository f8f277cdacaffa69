/**
 * @module Reads the scoring a Questionnaire declares: its score item (the one carrying result bands),
 * that item's SDC calculatedExpression, and the bands. Scoring needs nothing else, so a new instrument
 * needs no code. Problems are returned as issues for import validation to report.
 */
import { fhirExtension, lanternExtension } from './extension-urls.ts';
import type { ValidationIssue } from './issues.ts';
import { listItems } from './item-walk.ts';

/** A string together with the element that carries its translations (`_display`, `_valueString`, …). */
export interface LocalizableText {
  text: string;
  element?: fhir4.Element;
}

/** One declared result: the score range it covers and how it reads. */
export interface ResultBand {
  code: string;
  /** Inclusive lower bound; undefined on the floor band, which takes every score below the others. */
  minScore?: number;
  display: LocalizableText;
  meaning: LocalizableText;
  action: LocalizableText;
}

/** Everything scoring reads from a Questionnaire. */
export interface ScoreDeclaration {
  linkId: string;
  expression: string;
  /** Ascending: the floor band first. */
  bands: ResultBand[];
  /** The score item's code, used as Observation.code. */
  code?: fhir4.Coding;
}

export type ScoreRule =
  | 'score-item-missing'
  | 'score-item-multiple'
  | 'score-item-type'
  | 'score-item-repeats'
  | 'score-item-not-read-only'
  | 'score-expression-missing'
  | 'score-expression-language'
  | 'band-code-missing'
  | 'band-code-duplicate'
  | 'band-threshold-invalid'
  | 'band-threshold-duplicate'
  | 'band-floor-missing'
  | 'band-floor-duplicate'
  | 'band-text-missing'
  | 'band-action-not-consider';

type Issue = ValidationIssue<ScoreRule>;

/** Reads the score declaration; `declaration` is present only when no error was found. */
export function readScoreDeclaration(questionnaire: fhir4.Questionnaire): { declaration?: ScoreDeclaration; issues: Issue[] } {
  const scoreEntries = listItems(questionnaire).filter((entry) =>
    (entry.item.extension ?? []).some((ext) => ext.url === lanternExtension.resultBand));
  const first = scoreEntries[0];
  if (!first) {
    return { issues: [{ severity: 'error', rule: 'score-item-missing', expression: 'Questionnaire',
      message: `No item declares result bands (${lanternExtension.resultBand}), so the instrument cannot be scored.` }] };
  }
  const issues: Issue[] = scoreEntries.slice(1).map((entry) => ({
    severity: 'error', rule: 'score-item-multiple', linkId: entry.item.linkId, expression: entry.path,
    message: 'Only one item may declare result bands; a screen has one result.',
  }));
  const { item, path } = first;
  const at = (rule: ScoreRule, message: string, expression = path, severity: Issue['severity'] = 'error'): void => {
    issues.push({ severity, rule, linkId: item.linkId, expression, message });
  };
  if (item.type !== 'integer' && item.type !== 'decimal') at('score-item-type', `The score item must be of type integer or decimal, not ${String(item.type)}.`);
  if (item.repeats) at('score-item-repeats', 'The score item must not repeat.');
  if (item.readOnly !== true) at('score-item-not-read-only', 'The score item should be readOnly: it is calculated, not answered.', path, 'warning');

  const calculated = (item.extension ?? []).find((ext) => ext.url === fhirExtension.calculatedExpression);
  const expression = calculated?.valueExpression?.expression;
  if (!calculated || typeof expression !== 'string' || expression.trim() === '') {
    at('score-expression-missing', `The score item needs an SDC calculatedExpression (${fhirExtension.calculatedExpression}) with a FHIRPath expression.`);
  } else if (calculated.valueExpression?.language !== 'text/fhirpath') {
    at('score-expression-language', 'The score expression must be in language text/fhirpath.');
  }

  const bands = readBands(item, path, issues);
  if (issues.some((issue) => issue.severity === 'error') || typeof expression !== 'string') return { issues };
  const code = item.code?.[0];
  return { declaration: { linkId: item.linkId, expression, bands, ...(code ? { code } : {}) }, issues };
}

function readBands(item: fhir4.QuestionnaireItem, itemPath: string, issues: Issue[]): ResultBand[] {
  const bands: ResultBand[] = [];
  const seenCodes = new Set<string>();
  const seenThresholds = new Set<number>();
  let floors = 0;
  (item.extension ?? []).forEach((ext, index) => {
    if (ext.url !== lanternExtension.resultBand) return;
    const path = `${itemPath}.extension[${index}]`;
    const report = (rule: ScoreRule, message: string, severity: Issue['severity'] = 'error'): void => {
      issues.push({ severity, rule, linkId: item.linkId, expression: path, message });
    };
    const part = (name: string): fhir4.Extension | undefined => (ext.extension ?? []).find((sub) => sub.url === name);
    const code = part('code')?.valueCode;
    if (!code) report('band-code-missing', 'Each result band needs a code (valueCode).');
    else if (seenCodes.has(code)) report('band-code-duplicate', `Result code "${code}" is declared twice.`);
    else seenCodes.add(code);

    const threshold = part('minScore');
    let minScore: number | undefined;
    if (!threshold) floors += 1;
    else {
      const value = threshold.valueDecimal ?? threshold.valueInteger;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        report('band-threshold-invalid', `The minScore of band "${code ?? '?'}" must be a number (valueDecimal).`);
      } else if (seenThresholds.has(value)) {
        report('band-threshold-duplicate', `Two bands start at ${value}; each score must have one result.`);
      } else {
        seenThresholds.add(value);
        minScore = value;
      }
    }
    const text = (name: string): LocalizableText | undefined => {
      const sub = part(name);
      if (typeof sub?.valueString !== 'string' || sub.valueString.trim() === '') {
        report('band-text-missing', `Band "${code ?? '?'}" needs a ${name} (valueString).`);
        return undefined;
      }
      return { text: sub.valueString, ...(sub._valueString ? { element: sub._valueString } : {}) };
    };
    const display = text('display');
    const meaning = text('meaning');
    const action = text('action');
    // Results are worded as something to consider, never as a label on the patient.
    if (action && !/^consider\b/i.test(action.text)) {
      report('band-action-not-consider', `The action of band "${code ?? '?'}" should start with "Consider".`, 'warning');
    }
    if (code && display && meaning && action) bands.push({ code, ...(minScore === undefined ? {} : { minScore }), display, meaning, action });
  });
  if (floors === 0) {
    issues.push({ severity: 'error', rule: 'band-floor-missing', linkId: item.linkId, expression: itemPath,
      message: 'One band must have no minScore, so that every score has a result.' });
  } else if (floors > 1) {
    issues.push({ severity: 'error', rule: 'band-floor-duplicate', linkId: item.linkId, expression: itemPath,
      message: 'Only one band may have no minScore.' });
  }
  return bands.sort((a, b) => (a.minScore ?? -Infinity) - (b.minScore ?? -Infinity));
}

/** Picks the band a score falls in: the one with the highest minScore not above the score. */
export function pickBand(bands: readonly ResultBand[], score: number): ResultBand {
  let chosen = bands[0];
  for (const band of bands) if (band.minScore === undefined || band.minScore <= score) chosen = band;
  if (!chosen) throw new Error('A score declaration has no bands.');
  return chosen;
}
