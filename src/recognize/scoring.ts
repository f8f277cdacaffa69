/**
 * @module Scores a completed screen using only what its Questionnaire declares: the score item's
 * SDC calculatedExpression, run with fhirpath.js (`weight()` reads each answer option's itemWeight),
 * and the Lantern result bands on that item. A new instrument needs no code here.
 */
import { invalid, LanternError } from '../platform/http/errors.ts';
import { evaluateOnResponse } from './fhirpath-engine.ts';
import { hasErrors } from './issues.ts';
import { validateResponse } from './response-validation.ts';
import { pickBand, readScoreDeclaration, type LocalizableText, type ScoreDeclaration } from './score-declaration.ts';

/** The result of a screen, with texts still carrying their translations (see localize.ts). */
export interface ResultInterpretation {
  code: string;
  display: LocalizableText;
  meaning: LocalizableText;
  action: LocalizableText;
}

/** Which instrument produced an evaluation. */
export interface InstrumentRef {
  url: string;
  version?: string;
  id?: string;
  title?: string;
}

/** What a screen evaluates to. */
export interface ScreenEvaluation {
  score: number;
  /** e.g. 'positive' | 'negative', or 'consider-private-screen' | 'no-indicators' for the checklist. */
  resultCode: string;
  interpretation: ResultInterpretation;
  instrument: InstrumentRef;
  /** The score item's linkId and code (the Observation's code). */
  scoreLinkId: string;
  scoreCode?: fhir4.Coding;
}

// Questionnaires are immutable once loaded or imported; read each declaration once.
const declarations = new WeakMap<fhir4.Questionnaire, ScoreDeclaration>();

/**
 * Validates the response against the Questionnaire, then scores it. Throws an INVALID LanternError
 * naming the first broken rule's linkId (call validateResponse first to report all of them).
 */
export function evaluateScreen(questionnaire: fhir4.Questionnaire, response: fhir4.QuestionnaireResponse): ScreenEvaluation {
  const problems = validateResponse(questionnaire, response);
  const first = problems.find((issue) => issue.severity === 'error');
  if (first) throw invalid(`${first.rule}: ${first.message}`, first.linkId ?? first.expression);
  const declaration = declarationOf(questionnaire);
  const score = computeScore(declaration, questionnaire, response);
  const band = pickBand(declaration.bands, score);
  return {
    score,
    resultCode: band.code,
    interpretation: { code: band.code, display: band.display, meaning: band.meaning, action: band.action },
    instrument: {
      url: questionnaire.url ?? '',
      ...(questionnaire.version ? { version: questionnaire.version } : {}),
      ...(questionnaire.id ? { id: questionnaire.id } : {}),
      ...(questionnaire.title ? { title: questionnaire.title } : {}),
    },
    scoreLinkId: declaration.linkId,
    ...(declaration.code ? { scoreCode: declaration.code } : {}),
  };
}

function declarationOf(questionnaire: fhir4.Questionnaire): ScoreDeclaration {
  const cached = declarations.get(questionnaire);
  if (cached) return cached;
  const { declaration, issues } = readScoreDeclaration(questionnaire);
  if (!declaration || hasErrors(issues)) {
    const first = issues.find((issue) => issue.severity === 'error');
    throw invalid(`The Questionnaire cannot be scored: ${first?.message ?? 'no score declaration'}`, first?.linkId);
  }
  declarations.set(questionnaire, declaration);
  return declaration;
}

function computeScore(declaration: ScoreDeclaration, questionnaire: fhir4.Questionnaire, response: fhir4.QuestionnaireResponse): number {
  let result: unknown[];
  try {
    result = evaluateOnResponse(declaration.expression, response, questionnaire);
  } catch (error) {
    throw new LanternError('INTERNAL', 'The score expression failed to run.', declaration.linkId, { cause: error });
  }
  // FHIRPath sum() of an empty collection is empty: no weighted answer means a score of 0.
  if (result.length === 0) return 0;
  const [value] = result;
  if (result.length > 1 || typeof value !== 'number' || !Number.isFinite(value)) {
    throw new LanternError('INTERNAL', 'The score expression did not give a single number.', declaration.linkId);
  }
  return value;
}
