/**
 * @module The shape of a validation finding, shared by Questionnaire and QuestionnaireResponse
 * validation, and its translation to a FHIR OperationOutcome for the FHIR routes.
 */
import { canonical } from '../platform/fhir/canonical.ts';

/** One broken rule: which item, which rule, where, and a message with no patient data. */
export interface ValidationIssue<Rule extends string = string> {
  severity: 'error' | 'warning';
  rule: Rule;
  /** The item the rule is about, when there is one. */
  linkId?: string;
  /** FHIRPath location of the offending element. */
  expression: string;
  message: string;
}

/** Whether any issue is an error (warnings alone do not reject a resource). */
export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

const OUTCOME_CODES: Record<string, fhir4.OperationOutcomeIssue['code']> = {
  'required-item-missing': 'required',
  'unknown-link-id': 'structure',
  'wrong-answer-type': 'value',
  'answer-not-in-options': 'code-invalid',
  'answer-to-disabled-item': 'business-rule',
};

/** Builds an OperationOutcome naming each issue's rule (as a Lantern code), item and location. */
export function toOperationOutcome(issues: readonly ValidationIssue[]): fhir4.OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((issue) => ({
      severity: issue.severity,
      code: OUTCOME_CODES[issue.rule] ?? 'invalid',
      details: {
        coding: [{ system: canonical.codeSystem('validation-rule'), code: issue.rule }],
        text: issue.linkId ? `${issue.linkId}: ${issue.message}` : issue.message,
      },
      expression: [issue.expression],
    })),
  };
}
