/**
 * @module What the Questionnaire renderer shows and what it produces, as plain functions: the tree
 * of visible items for a language and a set of answers (enableWhen applied; hidden and calculated
 * items left out; `help` display items attached to their question), the required items still
 * unanswered, and the QuestionnaireResponse the answers make. No React here, so it is unit tested.
 */
import { collectAnswers, isEnabled } from '../enable-when.ts';
import { fhirExtension, ITEM_CONTROL_SYSTEM } from '../extension-urls.ts';
import type { ItemEntry } from '../item-walk.ts';
import { pickText } from '../localize.ts';

/** Answers given so far, by linkId (what the form holds in its state). */
export type FormAnswers = ReadonlyMap<string, readonly fhir4.QuestionnaireResponseItemAnswer[]>;

/** One answer a question offers, with its label in the reader's language. */
export interface FormOption {
  /** Stable key of the value (system|code for codings), for input values and comparisons. */
  key: string;
  label: string;
  answer: fhir4.QuestionnaireResponseItemAnswer;
}

export type FormNode =
  | { kind: 'group'; linkId: string; text: string; help?: string; children: FormNode[] }
  | { kind: 'display'; linkId: string; text: string }
  | {
      kind: 'question'; linkId: string; text: string; help?: string; required: boolean;
      /** `single`: radio group; `multiple`: checkboxes; `text` / `number`: typed input. */
      control: 'single' | 'multiple' | 'text' | 'number';
      options: FormOption[]; children: FormNode[];
    };

export type QuestionNode = Extract<FormNode, { kind: 'question' }>;

/** The labels of a boolean item's two answers, in the reader's language (from the UI catalog). */
export interface BooleanLabels {
  yes: string;
  no: string;
}

/** The key of an answer's value, as FormOption.key. */
export function answerKey(answer: fhir4.QuestionnaireResponseItemAnswer): string {
  if (answer.valueCoding) return `${answer.valueCoding.system ?? ''}|${answer.valueCoding.code ?? ''}`;
  if (answer.valueBoolean !== undefined) return `boolean|${answer.valueBoolean}`;
  const [name, value] = Object.entries(answer).find(([k]) => k.startsWith('value')) ?? ['', ''];
  return `${name}|${JSON.stringify(value)}`;
}

/** Whether an item is one the person never sees: hidden, or calculated (a score). */
export function isHiddenItem(item: fhir4.QuestionnaireItem): boolean {
  return (item.extension ?? []).some((ext) =>
    (ext.url === fhirExtension.hidden && ext.valueBoolean === true) || ext.url === fhirExtension.calculatedExpression);
}

/** Whether a display item is a help text for its parent (itemControl `help`). */
export function isHelpItem(item: fhir4.QuestionnaireItem): boolean {
  return item.type === 'display' && (item.extension ?? []).some((ext) => ext.url === fhirExtension.itemControl &&
    (ext.valueCodeableConcept?.coding ?? []).some((c) => c.code === 'help' && (c.system === undefined || c.system === ITEM_CONTROL_SYSTEM)));
}

/** Builds the visible item tree for a language and the answers given so far. */
export function buildFormTree(questionnaire: fhir4.Questionnaire, language: string, answers: FormAnswers, labels: BooleanLabels): FormNode[] {
  const visit = (items: fhir4.QuestionnaireItem[] | undefined, parent: ItemEntry | undefined, path: string): FormNode[] => {
    const nodes: FormNode[] = [];
    (items ?? []).forEach((item, index) => {
      const entry: ItemEntry = { item, path: `${path}.item[${index}]`, ...(parent ? { parent } : {}) };
      if (isHiddenItem(item) || isHelpItem(item) || !isEnabled(entry, answers)) return;
      const text = pickText(item.text ?? '', item._text, language);
      const helpItem = (item.item ?? []).find(isHelpItem);
      const help = helpItem ? pickText(helpItem.text ?? '', helpItem._text, language) : undefined;
      const children = visit(item.item, entry, entry.path);
      if (item.type === 'group') nodes.push({ kind: 'group', linkId: item.linkId, text, ...(help ? { help } : {}), children });
      else if (item.type === 'display') nodes.push({ kind: 'display', linkId: item.linkId, text });
      else {
        nodes.push({
          kind: 'question', linkId: item.linkId, text, ...(help ? { help } : {}), required: item.required === true,
          control: controlOf(item), options: optionsOf(item, language, labels), children,
        });
      }
    });
    return nodes;
  };
  return visit(questionnaire.item, undefined, 'Questionnaire');
}

function controlOf(item: fhir4.QuestionnaireItem): QuestionNode['control'] {
  if (item.type === 'boolean') return 'single';
  if (item.answerOption?.length) return item.repeats ? 'multiple' : 'single';
  return item.type === 'integer' || item.type === 'decimal' ? 'number' : 'text';
}

function optionsOf(item: fhir4.QuestionnaireItem, language: string, labels: BooleanLabels): FormOption[] {
  if (item.type === 'boolean') {
    return [{ key: 'boolean|true', label: labels.yes, answer: { valueBoolean: true } }, { key: 'boolean|false', label: labels.no, answer: { valueBoolean: false } }];
  }
  return (item.answerOption ?? []).map((option) => {
    const answer = optionAnswer(option);
    const coding = option.valueCoding;
    const label = coding ? pickText(coding.display ?? coding.code ?? '', coding._display, language)
      : option.valueString !== undefined ? pickText(option.valueString, option._valueString, language)
      : String(Object.entries(answer)[0]?.[1] ?? '');
    return { key: answerKey(answer), label, answer };
  });
}

/** The answer that selects an option: its value[x], without the option's extensions (weights). */
export function optionAnswer(option: fhir4.QuestionnaireItemAnswerOption): fhir4.QuestionnaireResponseItemAnswer {
  if (option.valueCoding) {
    const { system, code, display } = option.valueCoding;
    return { valueCoding: { ...(system ? { system } : {}), ...(code ? { code } : {}), ...(display ? { display } : {}) } };
  }
  const [name, value] = Object.entries(option).find(([k]) => k.startsWith('value')) ?? [];
  return name ? { [name]: value } as fhir4.QuestionnaireResponseItemAnswer : {};
}

/** Every question node in document order (groups opened), for one-question-per-screen. */
export function listQuestions(nodes: readonly FormNode[]): QuestionNode[] {
  return nodes.flatMap((node) => node.kind === 'question' ? [node, ...listQuestions(node.children)]
    : node.kind === 'group' ? listQuestions(node.children) : []);
}

/** The text of the group a question sits in, if any (shown above it one question at a time). */
export function groupTextOf(nodes: readonly FormNode[], linkId: string, inGroup?: string): string | undefined {
  for (const node of nodes) {
    if (node.kind === 'question' && node.linkId === linkId) return inGroup;
    if (node.kind === 'group' || node.kind === 'question') {
      const found = groupTextOf(node.children, linkId, node.kind === 'group' ? node.text : inGroup);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The linkIds of required questions, among those visible, that have no answer. */
export function findMissingRequired(questions: readonly QuestionNode[], answers: FormAnswers): string[] {
  return questions.filter((q) => q.required && !(answers.get(q.linkId)?.length)).map((q) => q.linkId);
}

/** Keeps only the answers to items still enabled (an answer to a disabled item is invalid FHIR). */
export function pruneAnswers(questionnaire: fhir4.Questionnaire, answers: FormAnswers, labels: BooleanLabels): Map<string, fhir4.QuestionnaireResponseItemAnswer[]> {
  const visible = new Set(listQuestions(buildFormTree(questionnaire, questionnaire.language ?? 'en', answers, labels)).map((q) => q.linkId));
  return new Map([...answers].filter(([linkId, list]) => visible.has(linkId) && list.length > 0).map(([k, v]) => [k, [...v]]));
}

export interface ResponseOptions {
  /** When the response was completed (ISO dateTime). */
  authored: string;
  /** The language the questions were read in. */
  language: string;
  /** meta.tag to mark the response with (a self-screen). */
  tags?: fhir4.Coding[];
}

/**
 * Builds the completed QuestionnaireResponse: the Questionnaire's nesting mirrored, answers only to
 * enabled items, item texts in the Questionnaire's base language (the record reads the same whatever
 * language the patient used; `language` says which that was).
 */
export function buildResponse(questionnaire: fhir4.Questionnaire, answers: FormAnswers, options: ResponseOptions): fhir4.QuestionnaireResponse {
  const given = collectAnswers({ item: [...answers].map(([linkId, answer]) => ({ linkId, answer: [...answer] })) });
  const build = (items: fhir4.QuestionnaireItem[] | undefined, parent: ItemEntry | undefined, path: string): fhir4.QuestionnaireResponseItem[] => {
    const built: fhir4.QuestionnaireResponseItem[] = [];
    (items ?? []).forEach((item, index) => {
      const entry: ItemEntry = { item, path: `${path}.item[${index}]`, ...(parent ? { parent } : {}) };
      if (item.type === 'display' || isHiddenItem(item) || !isEnabled(entry, given)) return;
      const base = { linkId: item.linkId, ...(item.text ? { text: item.text } : {}) };
      const children = build(item.item, entry, entry.path);
      if (item.type === 'group') {
        if (children.length > 0) built.push({ ...base, item: children });
        return;
      }
      const answer = given.get(item.linkId);
      if (!answer?.length) return;
      built.push({ ...base, answer: answer.map((a, i) => (i === 0 && children.length > 0 ? { ...a, item: children } : { ...a })) });
    });
    return built;
  };
  const canonicalRef = questionnaire.url ? (questionnaire.version ? `${questionnaire.url}|${questionnaire.version}` : questionnaire.url) : undefined;
  return {
    resourceType: 'QuestionnaireResponse',
    ...(options.tags?.length ? { meta: { tag: options.tags } } : {}),
    language: options.language,
    ...(canonicalRef ? { questionnaire: canonicalRef } : {}),
    status: 'completed',
    authored: options.authored,
    item: build(questionnaire.item, undefined, 'Questionnaire'),
  };
}

/** The languages a Questionnaire can be read in: its base language and every translation it carries. */
export function listQuestionnaireLanguages(questionnaire: fhir4.Questionnaire): string[] {
  const languages = new Set<string>([questionnaire.language ?? 'en']);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.url === fhirExtension.translation) {
      const lang = (record.extension as fhir4.Extension[] | undefined)?.find((e) => e.url === 'lang')?.valueCode;
      if (lang) languages.add(lang.toLowerCase());
      return;
    }
    Object.values(record).forEach(visit);
  };
  visit(questionnaire);
  return [...languages];
}
