/**
 * @module Validates a Questionnaire before Lantern ships or imports it: R4 structure rules (que-1,
 * que-4, que-6, que-12 and unique linkIds), enableWhen references, the declared scoring (weights,
 * score item, result bands) and its FHIRPath expressions, which must compile and run on sample
 * responses without a terminology server. Each issue names the item and the rule.
 */
import { answerFirstN, toAnswer } from './answers.ts';
import { ENABLE_WHEN_ANSWER_KEYS } from './enable-when.ts';
import { fhirExtension } from './extension-urls.ts';
import { compileFhirPath, evaluateOnResponse } from './fhirpath-engine.ts';
import { hasErrors, type ValidationIssue } from './issues.ts';
import { indexItems, isQuestion, listItems, type ItemEntry } from './item-walk.ts';
import { isScoredItem, weightExtensions } from './option-weight.ts';
import { readScoreDeclaration, type ScoreRule } from './score-declaration.ts';

export type QuestionnaireRule =
  | ScoreRule
  | 'resource-type'
  | 'status-invalid'
  | 'url-missing'
  | 'link-id-missing'
  | 'link-id-duplicate'
  | 'item-type-invalid'
  | 'item-text-missing'
  | 'group-empty'
  | 'display-has-children'
  | 'display-required-or-repeats'
  | 'answer-option-and-value-set'
  | 'answer-option-type'
  | 'choice-without-options'
  | 'answer-value-set-unsupported'
  | 'enable-when-question-unknown'
  | 'enable-when-self'
  | 'enable-when-question-not-answerable'
  | 'enable-when-operator'
  | 'enable-when-answer'
  | 'enable-behavior-missing'
  | 'enable-when-expression-unsupported'
  | 'weight-not-decimal'
  | 'weight-partial'
  | 'weight-conflict'
  | 'expression-language'
  | 'expression-invalid'
  | 'score-expression-result';

export type QuestionnaireIssue = ValidationIssue<QuestionnaireRule>;

const STATUSES = ['draft', 'active', 'retired', 'unknown'];
const ITEM_TYPES = ['group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text',
  'url', 'choice', 'open-choice', 'attachment', 'reference', 'quantity'];
const OPERATORS = ['exists', '=', '!=', '>', '<', '>=', '<='];
/** R4 que-5: the item types that may offer answerOption (choice, open-choice and the typed lists). */
const OPTION_TYPES = ['choice', 'open-choice', 'integer', 'date', 'time', 'string'];

/** Validates a Questionnaire (parsed JSON of unknown shape) and returns every broken rule. */
export function validateQuestionnaire(input: unknown): QuestionnaireIssue[] {
  if (typeof input !== 'object' || input === null || (input as { resourceType?: unknown }).resourceType !== 'Questionnaire') {
    return [{ severity: 'error', rule: 'resource-type', expression: 'Questionnaire', message: 'The resource must be a Questionnaire.' }];
  }
  const questionnaire = input as fhir4.Questionnaire;
  const issues: QuestionnaireIssue[] = [];
  if (!STATUSES.includes(questionnaire.status)) {
    issues.push({ severity: 'error', rule: 'status-invalid', expression: 'Questionnaire.status', message: `status must be one of ${STATUSES.join(', ')}.` });
  }
  if (typeof questionnaire.url !== 'string' || questionnaire.url === '') {
    issues.push({ severity: 'error', rule: 'url-missing', expression: 'Questionnaire.url',
      message: 'A screening instrument needs a canonical url: scores and Observations cite it.' });
  }
  const entries = listItems(questionnaire);
  checkLinkIds(entries, issues);
  const index = indexItems(questionnaire);
  for (const entry of entries) {
    checkItemShape(entry, issues);
    checkEnableWhen(entry, index, issues);
    checkWeights(entry, issues);
  }
  checkExpressions(questionnaire, entries, issues);
  const { declaration, issues: scoreIssues } = readScoreDeclaration(questionnaire);
  issues.push(...scoreIssues);
  // Dry-run the score only when the structure is sound, so its errors are not noise from earlier ones.
  if (declaration && !hasErrors(issues)) checkScoreRuns(questionnaire, declaration.linkId, declaration.expression, issues);
  return issues;
}

function checkLinkIds(entries: ItemEntry[], issues: QuestionnaireIssue[]): void {
  const seen = new Set<string>();
  for (const { item, path } of entries) {
    if (typeof item.linkId !== 'string' || item.linkId.trim() === '') {
      issues.push({ severity: 'error', rule: 'link-id-missing', expression: `${path}.linkId`, message: 'Every item needs a linkId.' });
    } else if (seen.has(item.linkId)) {
      issues.push({ severity: 'error', rule: 'link-id-duplicate', linkId: item.linkId, expression: `${path}.linkId`,
        message: `linkId "${item.linkId}" is used by more than one item; linkIds must be unique in the Questionnaire.` });
    } else seen.add(item.linkId);
  }
}

function checkItemShape({ item, path }: ItemEntry, issues: QuestionnaireIssue[]): void {
  const report = (rule: QuestionnaireRule, message: string, severity: QuestionnaireIssue['severity'] = 'error'): void => {
    issues.push({ severity, rule, linkId: item.linkId, expression: path, message });
  };
  if (!ITEM_TYPES.includes(item.type)) {
    report('item-type-invalid', `type must be one of ${ITEM_TYPES.join(', ')}.`);
    return;
  }
  if (item.type === 'group' && !(item.item?.length)) report('group-empty', 'A group must contain items (que-1).');
  if (item.type === 'display' && item.item?.length) report('display-has-children', 'A display item cannot contain items (que-1).');
  if (item.type === 'display' && (item.required || item.repeats)) report('display-required-or-repeats', 'A display item cannot be required or repeat (que-6).');
  if (isQuestion(item) && !item.text) report('item-text-missing', 'A question should have text.', 'warning');
  if (item.answerOption?.length && item.answerValueSet) report('answer-option-and-value-set', 'An item cannot have both answerOption and answerValueSet (que-4).');
  if ((item.answerOption?.length || item.answerValueSet) && !OPTION_TYPES.includes(item.type)) {
    report('answer-option-type', `A ${item.type} item cannot offer answer options (que-5).`);
  }
  if ((item.type === 'choice' || item.type === 'open-choice') && !item.answerOption?.length && !item.answerValueSet) {
    report('choice-without-options', 'A choice item needs answerOption.');
  }
  if (item.answerValueSet) {
    report('answer-value-set-unsupported', 'answerValueSet needs a terminology server, which Lantern does not call; list the options in answerOption.');
  }
  (item.answerOption ?? []).forEach((option, index) => {
    const values = Object.keys(option).filter((key) => key.startsWith('value'));
    if (values.length !== 1) {
      issues.push({ severity: 'error', rule: 'answer-option-type', linkId: item.linkId, expression: `${path}.answerOption[${index}]`,
        message: 'Each answer option needs exactly one value[x].' });
    }
  });
}

function checkEnableWhen({ item, path }: ItemEntry, index: Map<string, ItemEntry>, issues: QuestionnaireIssue[]): void {
  const conditions = item.enableWhen ?? [];
  conditions.forEach((condition, i) => {
    const at = `${path}.enableWhen[${i}]`;
    const report = (rule: QuestionnaireRule, message: string): void => {
      issues.push({ severity: 'error', rule, linkId: item.linkId, expression: at, message });
    };
    const target = index.get(condition.question);
    if (condition.question === item.linkId) report('enable-when-self', 'An item cannot be enabled by its own answer.');
    else if (!target) report('enable-when-question-unknown', `enableWhen refers to question "${condition.question}", which does not exist.`);
    else if (!isQuestion(target.item)) report('enable-when-question-not-answerable', `enableWhen refers to "${condition.question}", a ${target.item.type} item that has no answers.`);
    if (!OPERATORS.includes(condition.operator)) report('enable-when-operator', `operator must be one of ${OPERATORS.join(' ')}.`);
    const answerKeys = ENABLE_WHEN_ANSWER_KEYS.filter((key) => condition[key] !== undefined);
    if (answerKeys.length !== 1) report('enable-when-answer', 'enableWhen needs exactly one answer[x].');
    else if (condition.operator === 'exists' && answerKeys[0] !== 'answerBoolean') report('enable-when-answer', 'The exists operator takes answerBoolean.');
    else if (target && condition.operator !== 'exists' && !answerFits(target.item, answerKeys[0] ?? '')) {
      report('enable-when-answer', `${answerKeys[0]} cannot match the answers of the ${target.item.type} item "${condition.question}".`);
    }
  });
  if (conditions.length > 1 && !item.enableBehavior) {
    issues.push({ severity: 'error', rule: 'enable-behavior-missing', linkId: item.linkId, expression: path,
      message: 'An item with more than one enableWhen needs enableBehavior (all or any) (que-12).' });
  }
  if ((item.extension ?? []).some((ext) => ext.url === fhirExtension.enableWhenExpression)) {
    issues.push({ severity: 'error', rule: 'enable-when-expression-unsupported', linkId: item.linkId, expression: path,
      message: 'enableWhenExpression is not supported; express the condition with enableWhen.' });
  }
}

const ANSWER_FOR_TYPE: Record<string, readonly string[]> = {
  boolean: ['answerBoolean'], decimal: ['answerDecimal', 'answerInteger'], integer: ['answerInteger', 'answerDecimal'],
  date: ['answerDate'], dateTime: ['answerDateTime', 'answerDate'], time: ['answerTime'], string: ['answerString'],
  text: ['answerString'], choice: ['answerCoding', 'answerString', 'answerInteger', 'answerDate', 'answerTime'],
  'open-choice': ['answerCoding', 'answerString', 'answerInteger', 'answerDate', 'answerTime'],
  quantity: ['answerQuantity'], reference: ['answerReference'], url: ['answerString'],
};

function answerFits(target: fhir4.QuestionnaireItem, key: string): boolean {
  return (ANSWER_FOR_TYPE[target.type] ?? []).includes(key);
}

function checkWeights({ item, path }: ItemEntry, issues: QuestionnaireIssue[]): void {
  const options = item.answerOption ?? [];
  let weighted = 0;
  options.forEach((option, i) => {
    const extensions = weightExtensions(option);
    if (extensions.length === 0) return;
    weighted += 1;
    const at = `${path}.answerOption[${i}].extension`;
    if (extensions.some((ext) => typeof ext.valueDecimal !== 'number')) {
      issues.push({ severity: 'error', rule: 'weight-not-decimal', linkId: item.linkId, expression: at,
        message: 'itemWeight and ordinalValue take valueDecimal; other value types are not read by weight().' });
    }
    const values = new Set(extensions.map((ext) => ext.valueDecimal));
    if (values.size > 1) {
      issues.push({ severity: 'error', rule: 'weight-conflict', linkId: item.linkId, expression: at, message: 'The option declares two different weights.' });
    }
  });
  if (weighted > 0 && weighted < options.length) {
    issues.push({ severity: 'error', rule: 'weight-partial', linkId: item.linkId, expression: path,
      message: 'Either every answer option of an item has a weight or none does.' });
  }
}

/** Every FHIRPath expression in an item extension must parse; other languages are reported. */
function checkExpressions(questionnaire: fhir4.Questionnaire, entries: ItemEntry[], issues: QuestionnaireIssue[]): void {
  const located = [
    ...(questionnaire.extension ?? []).map((ext, i) => ({ ext, path: `Questionnaire.extension[${i}]`, linkId: undefined })),
    ...entries.flatMap(({ item, path }) => (item.extension ?? []).map((ext, i) => ({ ext, path: `${path}.extension[${i}]`, linkId: item.linkId }))),
  ];
  for (const { ext, path, linkId } of located) {
    const expression = ext.valueExpression;
    if (!expression) continue;
    const report = (rule: QuestionnaireRule, message: string): void => {
      issues.push({ severity: 'error', rule, ...(linkId ? { linkId } : {}), expression: `${path}.valueExpression`, message });
    };
    if (expression.language !== 'text/fhirpath') {
      report('expression-language', `Only text/fhirpath expressions are evaluated, not ${String(expression.language)}.`);
      continue;
    }
    try {
      compileFhirPath(expression.expression ?? '');
    } catch (error) {
      report('expression-invalid', `The FHIRPath expression does not compile: ${firstLine(error)}`);
    }
  }
}

/**
 * Runs the score expression on an empty response and on all-lowest and all-highest answers: it must
 * give one number each time (an empty result counts as 0) without needing a terminology server.
 */
function checkScoreRuns(questionnaire: fhir4.Questionnaire, linkId: string, expression: string, issues: QuestionnaireIssue[]): void {
  const scoredCount = listItems(questionnaire).filter((entry) => isScoredItem(entry.item)).length;
  const samples: fhir4.QuestionnaireResponse[] = [
    { resourceType: 'QuestionnaireResponse', status: 'completed', item: [] },
    answerFirstN(questionnaire, 0),
    // Every option-bearing question answered, ignoring enableWhen: reaches unscored coded items too.
    { resourceType: 'QuestionnaireResponse', status: 'completed', item: answerEveryOption(questionnaire.item ?? [], 'first') },
    { resourceType: 'QuestionnaireResponse', status: 'completed', item: answerEveryOption(questionnaire.item ?? [], 'last') },
    answerFirstN(questionnaire, countEnabledScored(questionnaire, scoredCount)),
  ];
  const path = 'Questionnaire.item';
  for (const sample of samples) {
    let result: unknown[];
    try {
      result = evaluateOnResponse(expression, sample, questionnaire);
    } catch (error) {
      issues.push({ severity: 'error', rule: 'expression-invalid', linkId, expression: path,
        message: `The score expression fails on a sample response: ${firstLine(error)}` });
      return;
    }
    if (result.length > 1 || (result.length === 1 && typeof result[0] !== 'number')) {
      issues.push({ severity: 'error', rule: 'score-expression-result', linkId, expression: path,
        message: 'The score expression must give a single number.' });
      return;
    }
  }
}

/** Answers every question that has answer options with its first or last option, mirroring the nesting. */
function answerEveryOption(items: fhir4.QuestionnaireItem[], pick: 'first' | 'last'): fhir4.QuestionnaireResponseItem[] {
  return items.flatMap((item): fhir4.QuestionnaireResponseItem[] => {
    const children = answerEveryOption(item.item ?? [], pick);
    const options = item.answerOption ?? [];
    const option = pick === 'first' ? options[0] : options[options.length - 1];
    if (isQuestion(item) && option && Object.keys(option).some((key) => key.startsWith('value'))) {
      return [{ linkId: item.linkId, answer: [{ ...toAnswer(option), ...(children.length ? { item: children } : {}) }] }];
    }
    return children.length ? [{ linkId: item.linkId, item: children }] : [];
  });
}

/** The largest N for which answerFirstN succeeds (items enabled only by unscored answers stay off). */
function countEnabledScored(questionnaire: fhir4.Questionnaire, upperBound: number): number {
  for (let n = upperBound; n > 0; n -= 1) {
    try {
      answerFirstN(questionnaire, n);
      return n;
    } catch {
      // fewer enabled scored items than n; try one fewer
    }
  }
  return 0;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
