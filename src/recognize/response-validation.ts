/**
 * @module Validates a QuestionnaireResponse against its Questionnaire before anything is stored or
 * scored: every item must exist where it appears, answers must have the item's type and be one of its
 * options, disabled items must have no answer, and enabled required items must be answered.
 */
import { collectAnswers, isEnabled, type AnswersByLinkId } from './enable-when.ts';
import type { ValidationIssue } from './issues.ts';
import { listItems, isQuestion, type ItemEntry } from './item-walk.ts';

export type ResponseRule =
  | 'resource-type'
  | 'questionnaire-mismatch'
  | 'status-not-completed'
  | 'unknown-link-id'
  | 'item-repeated'
  | 'answer-to-non-question'
  | 'wrong-answer-type'
  | 'answer-not-in-options'
  | 'answers-repeated'
  | 'answer-to-disabled-item'
  | 'required-item-missing';

export type ResponseIssue = ValidationIssue<ResponseRule>;

export interface ResponseValidationOptions {
  /** Check completion (status and required items). True for a submitted screen; false for a draft. */
  requireComplete?: boolean;
}

/** Validates a response against a Questionnaire and returns every broken rule. */
export function validateResponse(
  questionnaire: fhir4.Questionnaire,
  response: fhir4.QuestionnaireResponse,
  { requireComplete = true }: ResponseValidationOptions = {},
): ResponseIssue[] {
  const issues: ResponseIssue[] = [];
  if ((response as { resourceType?: unknown }).resourceType !== 'QuestionnaireResponse') {
    return [{ severity: 'error', rule: 'resource-type', expression: 'QuestionnaireResponse', message: 'The resource must be a QuestionnaireResponse.' }];
  }
  if (!refersTo(response.questionnaire, questionnaire)) {
    issues.push({ severity: 'error', rule: 'questionnaire-mismatch', expression: 'QuestionnaireResponse.questionnaire',
      message: `The response must name the Questionnaire it answers (${questionnaire.url ?? 'its url'}).` });
  }
  if (requireComplete && response.status !== 'completed' && response.status !== 'amended') {
    issues.push({ severity: 'error', rule: 'status-not-completed', expression: 'QuestionnaireResponse.status',
      message: 'A submitted screen must have status completed (or amended).' });
  }
  const answers = collectAnswers(response);
  const present = new Set<string>();
  checkLevel(questionnaire.item ?? [], response.item ?? [], 'QuestionnaireResponse', undefined, { answers, issues, present });
  if (requireComplete) checkRequired(questionnaire, answers, present, issues);
  return issues;
}

interface Walk {
  answers: AnswersByLinkId;
  issues: ResponseIssue[];
  /** linkIds of response items that appear at all (for required groups). */
  present: Set<string>;
}

/** Whether the response's canonical names this Questionnaire (a version, when given, must match). */
function refersTo(reference: string | undefined, questionnaire: fhir4.Questionnaire): boolean {
  if (!reference || !questionnaire.url) return false;
  const [url, version] = reference.split('|');
  return url === questionnaire.url && (version === undefined || version === questionnaire.version);
}

function checkLevel(
  definitions: fhir4.QuestionnaireItem[],
  items: fhir4.QuestionnaireResponseItem[],
  basePath: string,
  parentEntry: ItemEntry | undefined,
  walk: Walk,
): void {
  const entries = entriesOf(definitions, parentEntry);
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const path = `${basePath}.item[${index}]`;
    const entry = entries.get(item.linkId);
    const issue = (rule: ResponseRule, message: string, expression = path): void => {
      walk.issues.push({ severity: 'error', rule, linkId: item.linkId, expression, message });
    };
    if (!entry) {
      issue('unknown-link-id', parentEntry
        ? `No item "${item.linkId}" is defined inside "${parentEntry.item.linkId}".`
        : `No top-level item "${item.linkId}" is defined in the Questionnaire.`);
      return;
    }
    walk.present.add(item.linkId);
    if (seen.has(item.linkId) && !entry.item.repeats) issue('item-repeated', 'This item appears more than once but does not repeat.');
    seen.add(item.linkId);
    const answers = item.answer ?? [];
    if (answers.length > 0) {
      if (!isEnabled(entry, walk.answers)) issue('answer-to-disabled-item', 'This item is disabled by its enableWhen conditions and must not be answered.');
      if (!isQuestion(entry.item)) issue('answer-to-non-question', `A ${entry.item.type} item cannot have answers.`);
      else {
        if (answers.length > 1 && !entry.item.repeats) issue('answers-repeated', 'This item takes one answer.');
        answers.forEach((answer, answerIndex) => checkAnswer(entry.item, answer, `${path}.answer[${answerIndex}]`, issue));
      }
    }
    checkLevel(entry.item.item ?? [], item.item ?? [], path, entry, walk);
    answers.forEach((answer, answerIndex) => checkLevel(entry.item.item ?? [], answer.item ?? [], `${path}.answer[${answerIndex}]`, entry, walk));
  });
}

function entriesOf(definitions: fhir4.QuestionnaireItem[], parent: ItemEntry | undefined): Map<string, ItemEntry> {
  const entries = new Map<string, ItemEntry>();
  for (const item of definitions) {
    if (!entries.has(item.linkId)) entries.set(item.linkId, { item, path: '', ...(parent ? { parent } : {}) });
  }
  return entries;
}

/** The answer value[x] each item type takes (R4 Questionnaire.item.type and QuestionnaireResponse answers). */
const VALUE_KEYS: Record<string, readonly string[]> = {
  boolean: ['valueBoolean'], decimal: ['valueDecimal'], integer: ['valueInteger'], date: ['valueDate'],
  dateTime: ['valueDateTime'], time: ['valueTime'], string: ['valueString'], text: ['valueString'], url: ['valueUri'],
  attachment: ['valueAttachment'], reference: ['valueReference'], quantity: ['valueQuantity'],
};

const OPTION_KEYS = ['valueCoding', 'valueInteger', 'valueDate', 'valueTime', 'valueString', 'valueReference'] as const;

function checkAnswer(
  item: fhir4.QuestionnaireItem,
  answer: fhir4.QuestionnaireResponseItemAnswer,
  path: string,
  issue: (rule: ResponseRule, message: string, expression?: string) => void,
): void {
  const keys = Object.keys(answer).filter((key) => key.startsWith('value'));
  const given = keys[0];
  if (keys.length !== 1 || !given) {
    issue('wrong-answer-type', 'Each answer must have exactly one value.', path);
    return;
  }
  if (item.type === 'choice' || item.type === 'open-choice') {
    const options = item.answerOption ?? [];
    const optionKeys = new Set(options.map((option) => OPTION_KEYS.find((key) => option[key] !== undefined)));
    const allowed = options.length > 0 ? optionKeys : new Set(['valueCoding']);
    if (item.type === 'open-choice') allowed.add('valueString');
    if (!allowed.has(given as (typeof OPTION_KEYS)[number])) {
      issue('wrong-answer-type', `A ${item.type} answer must be one of: ${[...allowed].join(', ')}.`, path);
      return;
    }
    const isFreeText = item.type === 'open-choice' && given === 'valueString' && !optionKeys.has('valueString');
    if (options.length > 0 && !isFreeText && !options.some((option) => sameValue(option, answer, given))) {
      issue('answer-not-in-options', 'The answer is not one of the item\'s answer options.', path);
    }
    return;
  }
  const expected = VALUE_KEYS[item.type] ?? [];
  if (!expected.includes(given)) {
    issue('wrong-answer-type', `A ${item.type} item takes ${expected.join(' or ') || 'no'} answers, not ${given}.`, path);
    return;
  }
  if (item.type === 'integer' && !Number.isInteger(answer.valueInteger)) issue('wrong-answer-type', 'valueInteger must be a whole number.', path);
  if (item.type === 'boolean' && typeof answer.valueBoolean !== 'boolean') issue('wrong-answer-type', 'valueBoolean must be true or false.', path);
}

function sameValue(option: fhir4.QuestionnaireItemAnswerOption, answer: fhir4.QuestionnaireResponseItemAnswer, key: string): boolean {
  if (key === 'valueCoding') {
    return option.valueCoding?.code === answer.valueCoding?.code && option.valueCoding?.system === answer.valueCoding?.system;
  }
  if (key === 'valueReference') return option.valueReference?.reference === answer.valueReference?.reference;
  return (option as Record<string, unknown>)[key] === (answer as Record<string, unknown>)[key];
}

/** Reports enabled required items with no answer (questions) or no content (groups). */
function checkRequired(questionnaire: fhir4.Questionnaire, answers: AnswersByLinkId, present: ReadonlySet<string>, issues: ResponseIssue[]): void {
  for (const entry of listItems(questionnaire)) {
    const { item } = entry;
    if (!item.required || !isEnabled(entry, answers)) continue;
    // A required item inside an optional group that was left out is not required (R4 Questionnaire.item.required).
    if (hasAbsentOptionalGroup(entry, present)) continue;
    const missing = isQuestion(item) ? !answers.has(item.linkId) : item.type === 'group' && !present.has(item.linkId);
    if (missing) {
      issues.push({ severity: 'error', rule: 'required-item-missing', linkId: item.linkId, expression: 'QuestionnaireResponse.item',
        message: 'This item is required and enabled, but has no answer.' });
    }
  }
}

function hasAbsentOptionalGroup(entry: ItemEntry, present: ReadonlySet<string>): boolean {
  for (let parent = entry.parent; parent; parent = parent.parent) {
    if (parent.item.type === 'group' && !parent.item.required && !present.has(parent.item.linkId)) return true;
  }
  return false;
}
