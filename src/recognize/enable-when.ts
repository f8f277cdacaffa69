/**
 * @module Decides whether a Questionnaire item is enabled by its enableWhen conditions and
 * enableBehavior (FHIR R4 Questionnaire.item.enableWhen). An item is enabled only if its parent is.
 */
import type { ItemEntry } from './item-walk.ts';

/** The answers given so far, by linkId. */
export type AnswersByLinkId = ReadonlyMap<string, readonly fhir4.QuestionnaireResponseItemAnswer[]>;

/** Collects every answer in a response by linkId, at any depth (including answers' nested items). */
export function collectAnswers(response: Pick<fhir4.QuestionnaireResponse, 'item'>): Map<string, fhir4.QuestionnaireResponseItemAnswer[]> {
  const answers = new Map<string, fhir4.QuestionnaireResponseItemAnswer[]>();
  const visit = (items: fhir4.QuestionnaireResponseItem[] | undefined): void => {
    for (const item of items ?? []) {
      if (item.answer?.length) answers.set(item.linkId, [...(answers.get(item.linkId) ?? []), ...item.answer]);
      visit(item.item);
      for (const answer of item.answer ?? []) visit(answer.item);
    }
  };
  visit(response.item);
  return answers;
}

/** Whether an item and all its ancestors are enabled given the answers. */
export function isEnabled(entry: ItemEntry, answers: AnswersByLinkId): boolean {
  if (entry.parent && !isEnabled(entry.parent, answers)) return false;
  const conditions = entry.item.enableWhen ?? [];
  if (conditions.length === 0) return true;
  const results = conditions.map((condition) => meetsCondition(condition, answers.get(condition.question) ?? []));
  // R4 requires enableBehavior when there is more than one condition; with one, all and any agree.
  return entry.item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** Evaluates one enableWhen condition against the answers to its question. */
export function meetsCondition(condition: fhir4.QuestionnaireItemEnableWhen, answers: readonly fhir4.QuestionnaireResponseItemAnswer[]): boolean {
  if (condition.operator === 'exists') return (answers.length > 0) === (condition.answerBoolean === true);
  const expected = conditionValue(condition);
  if (expected === undefined) return false;
  const compared = answers.map((answer) => compareAnswer(answer, expected));
  switch (condition.operator) {
    case '=': return compared.some((order) => order === 0);
    // R4: "True if at least one answer has a value that is not equal to the enableWhen answer."
    case '!=': return compared.some((order) => order !== 0);
    case '>': return compared.some((order) => order !== undefined && order !== 'unequal' && order > 0);
    case '<': return compared.some((order) => order !== undefined && order !== 'unequal' && order < 0);
    case '>=': return compared.some((order) => order !== undefined && order !== 'unequal' && order >= 0);
    case '<=': return compared.some((order) => order !== undefined && order !== 'unequal' && order <= 0);
    default: return false;
  }
}

type Comparable = { kind: 'number' | 'text' | 'boolean'; value: number | string | boolean } | { kind: 'coding'; value: fhir4.Coding };

/** The name of the answer[x] element an enableWhen carries, e.g. `answerCoding`. */
export const ENABLE_WHEN_ANSWER_KEYS = ['answerBoolean', 'answerDecimal', 'answerInteger', 'answerDate', 'answerDateTime',
  'answerTime', 'answerString', 'answerCoding', 'answerQuantity', 'answerReference'] as const;

function conditionValue(condition: fhir4.QuestionnaireItemEnableWhen): Comparable | undefined {
  if (condition.answerBoolean !== undefined) return { kind: 'boolean', value: condition.answerBoolean };
  if (condition.answerDecimal !== undefined) return { kind: 'number', value: condition.answerDecimal };
  if (condition.answerInteger !== undefined) return { kind: 'number', value: condition.answerInteger };
  if (condition.answerQuantity?.value !== undefined) return { kind: 'number', value: condition.answerQuantity.value };
  const text = condition.answerDate ?? condition.answerDateTime ?? condition.answerTime ?? condition.answerString ?? condition.answerReference?.reference;
  if (text !== undefined) return { kind: 'text', value: text };
  if (condition.answerCoding) return { kind: 'coding', value: condition.answerCoding };
  return undefined;
}

function answerValue(answer: fhir4.QuestionnaireResponseItemAnswer): Comparable | undefined {
  if (answer.valueBoolean !== undefined) return { kind: 'boolean', value: answer.valueBoolean };
  if (answer.valueDecimal !== undefined) return { kind: 'number', value: answer.valueDecimal };
  if (answer.valueInteger !== undefined) return { kind: 'number', value: answer.valueInteger };
  if (answer.valueQuantity?.value !== undefined) return { kind: 'number', value: answer.valueQuantity.value };
  const text = answer.valueDate ?? answer.valueDateTime ?? answer.valueTime ?? answer.valueString ?? answer.valueUri ?? answer.valueReference?.reference;
  if (text !== undefined) return { kind: 'text', value: text };
  if (answer.valueCoding) return { kind: 'coding', value: answer.valueCoding };
  return undefined;
}

/** Orders an answer against the expected value: a number, or 'unequal' for unordered kinds. */
function compareAnswer(answer: fhir4.QuestionnaireResponseItemAnswer, expected: Comparable): number | 'unequal' | undefined {
  const actual = answerValue(answer);
  if (!actual || actual.kind !== expected.kind) return undefined;
  if (actual.kind === 'coding' && expected.kind === 'coding') {
    const sameSystem = expected.value.system === undefined || expected.value.system === actual.value.system;
    return sameSystem && expected.value.code === actual.value.code ? 0 : 'unequal';
  }
  if (actual.kind === 'boolean') return actual.value === expected.value ? 0 : 'unequal';
  if (actual.kind === 'number') return (actual.value as number) - (expected.value as number);
  // ISO dates and times of one precision order as strings.
  const a = String(actual.value);
  const b = String(expected.value);
  return a === b ? 0 : a < b ? -1 : 1;
}
