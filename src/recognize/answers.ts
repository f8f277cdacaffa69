/**
 * @module Builds QuestionnaireResponses for tests and protocol cases: any instrument, any number of
 * positive answers, without knowing the instrument's questions.
 */
import { collectAnswers, isEnabled } from './enable-when.ts';
import { invalid } from '../platform/http/errors.ts';
import { listItems } from './item-walk.ts';
import { isScoredItem, optionWeight } from './option-weight.ts';

/**
 * Answers the first N enabled scored items with their highest-weight option ("yes") and every other
 * enabled scored item with its lowest-weight option ("no"). Unscored items stay unanswered, so items
 * they would enable stay disabled, and required unscored items are left for the caller to answer.
 * Throws when fewer than N scored items are enabled.
 */
export function answerFirstN(questionnaire: fhir4.Questionnaire, positiveAnswers: number): fhir4.QuestionnaireResponse {
  if (!Number.isInteger(positiveAnswers) || positiveAnswers < 0) {
    throw invalid('positiveAnswers must be a whole number of 0 or more.', 'positiveAnswers');
  }
  const scored = listItems(questionnaire).filter((entry) => isScoredItem(entry.item));
  const chosen = new Map<string, fhir4.QuestionnaireItemAnswerOption>();
  let given = 0;
  for (const entry of scored) {
    // Enablement is re-checked as answers accrue, so an item enabled by an earlier answer counts.
    if (!isEnabled(entry, answersFrom(chosen))) continue;
    const byWeight = [...(entry.item.answerOption ?? [])].sort((a, b) => (optionWeight(b) ?? 0) - (optionWeight(a) ?? 0));
    const option = given < positiveAnswers ? byWeight[0] : byWeight[byWeight.length - 1];
    if (option) chosen.set(entry.item.linkId, option);
    if (given < positiveAnswers) given += 1;
  }
  if (given < positiveAnswers) {
    throw invalid(`${questionnaire.id ?? 'The instrument'} has only ${given} enabled scored items; cannot answer ${positiveAnswers} positively.`, 'positiveAnswers');
  }
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    ...(questionnaire.url ? { questionnaire: questionnaire.version ? `${questionnaire.url}|${questionnaire.version}` : questionnaire.url } : {}),
    item: buildItems(questionnaire.item ?? [], chosen),
  };
}

function answersFrom(chosen: Map<string, fhir4.QuestionnaireItemAnswerOption>): Map<string, fhir4.QuestionnaireResponseItemAnswer[]> {
  return collectAnswers({ item: [...chosen].map(([linkId, option]) => ({ linkId, answer: [toAnswer(option)] })) });
}

/** Mirrors the Questionnaire's nesting, keeping only groups that contain an answer. */
function buildItems(items: fhir4.QuestionnaireItem[], chosen: Map<string, fhir4.QuestionnaireItemAnswerOption>): fhir4.QuestionnaireResponseItem[] {
  const built: fhir4.QuestionnaireResponseItem[] = [];
  for (const item of items) {
    const option = chosen.get(item.linkId);
    if (option) {
      built.push({ linkId: item.linkId, ...(item.text ? { text: item.text } : {}), answer: [toAnswer(option)] });
    } else if (item.type === 'group') {
      const children = buildItems(item.item ?? [], chosen);
      if (children.length > 0) built.push({ linkId: item.linkId, ...(item.text ? { text: item.text } : {}), item: children });
    }
  }
  return built;
}

/** Turns an answer option into the answer that selects it (value[x] only, without extensions). */
export function toAnswer(option: fhir4.QuestionnaireItemAnswerOption): fhir4.QuestionnaireResponseItemAnswer {
  if (option.valueCoding) {
    const { system, code, display } = option.valueCoding;
    return { valueCoding: { ...(system ? { system } : {}), ...(code ? { code } : {}), ...(display ? { display } : {}) } };
  }
  if (option.valueInteger !== undefined) return { valueInteger: option.valueInteger };
  if (option.valueString !== undefined) return { valueString: option.valueString };
  if (option.valueDate !== undefined) return { valueDate: option.valueDate };
  if (option.valueTime !== undefined) return { valueTime: option.valueTime };
  if (option.valueReference) return { valueReference: option.valueReference };
  throw invalid('An answer option has no value.');
}
