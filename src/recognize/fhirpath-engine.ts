/**
 * @module Runs the FHIRPath expressions a Questionnaire declares (SDC calculatedExpression) with
 * fhirpath.js and its R4 model. `weight()` looks answer options up in `%questionnaire`, so the
 * Questionnaire is always passed in the environment. Synchronous on purpose: an expression that
 * would need a terminology server fails instead of fetching anything.
 */
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';

type Evaluator = (resource: unknown, env: Record<string, unknown>) => unknown[];

const compiled = new Map<string, Evaluator>();
// Distinct expressions come from shipped and imported instruments: few, but bound the cache anyway.
const CACHE_LIMIT = 500;

/** Compiles a FHIRPath expression (cached); throws with the parser's message when it does not parse. */
export function compileFhirPath(expression: string): Evaluator {
  const cached = compiled.get(expression);
  if (cached) return cached;
  const evaluator = fhirpath.compile(expression, r4Model, { async: false }) as unknown as Evaluator;
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(expression, evaluator);
  return evaluator;
}

/**
 * Evaluates an expression against a QuestionnaireResponse, with `%resource` the response and
 * `%questionnaire` its Questionnaire. The response is copied first because fhirpath.js may annotate
 * the object it evaluates.
 */
export function evaluateOnResponse(
  expression: string,
  response: fhir4.QuestionnaireResponse,
  questionnaire: fhir4.Questionnaire,
): unknown[] {
  const copy = structuredClone(response);
  return compileFhirPath(expression)(copy, { resource: copy, questionnaire });
}
