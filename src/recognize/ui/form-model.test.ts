import { describe, expect, test } from 'vitest';
import { loadShippedInstruments } from '../instruments.ts';
import { validateResponse } from '../response-validation.ts';
import { evaluateScreen } from '../scoring.ts';
import { buildFormTree, buildResponse, findMissingRequired, listQuestionnaireLanguages, listQuestions, pruneAnswers, groupTextOf, type FormAnswers } from './form-model.ts';

const instruments = loadShippedInstruments();
const labels = { yes: 'Yes', no: 'No' };
const adult = instruments.get('lantern-adult-screen')!;
const indicators = instruments.get('lantern-indicators')!;
const authored = '2026-11-28T10:00:00Z';

function answerAll(questionnaire: fhir4.Questionnaire, pick: 'first' | 'last', extra: FormAnswers = new Map()): Map<string, fhir4.QuestionnaireResponseItemAnswer[]> {
  const answers = new Map(extra as Map<string, fhir4.QuestionnaireResponseItemAnswer[]>);
  for (const question of listQuestions(buildFormTree(questionnaire, 'en', answers, labels))) {
    if (answers.has(question.linkId)) continue;
    const option = pick === 'first' ? question.options[0] : question.options[question.options.length - 1];
    if (option) answers.set(question.linkId, [option.answer]);
  }
  return answers;
}

describe('the form tree', () => {
  test('shows questions with their help text, and never the calculated score', () => {
    const questions = listQuestions(buildFormTree(adult, 'en', new Map(), labels));
    expect(questions.map((q) => q.linkId)).toEqual(['adult-unsafe-place', 'adult-tricked-forced', 'adult-afraid-to-leave', 'adult-exchange-sex']);
    expect(questions.every((q) => q.required && q.control === 'single' && q.help && q.options.length === 2)).toBe(true);
    expect(questions[0]!.children).toEqual([]);
  });

  test('picks the language at run time from the translation extensions', () => {
    const [first] = listQuestions(buildFormTree(adult, 'es', new Map(), labels));
    const [english] = listQuestions(buildFormTree(adult, 'en', new Map(), labels));
    expect(first!.text).not.toBe(english!.text);
    expect(first!.options.map((o) => o.label)).toEqual(['Sí', 'No']);
    // A language without translations reads the base text.
    expect(listQuestions(buildFormTree(adult, 'vi', new Map(), labels))[0]!.text).toBe(english!.text);
    expect(listQuestionnaireLanguages(adult).sort()).toEqual(['en', 'es']);
  });

  test('applies enableWhen: the minors group appears only once "under 18" is answered yes', () => {
    const before = listQuestions(buildFormTree(indicators, 'en', new Map(), labels)).map((q) => q.linkId);
    expect(before).not.toContain('ind-minor-runaway');
    const after = listQuestions(buildFormTree(indicators, 'en', new Map([['context-minor', [{ valueBoolean: true }]]]), labels));
    expect(after.map((q) => q.linkId)).toContain('ind-minor-runaway');
    expect(groupTextOf(buildFormTree(indicators, 'en', new Map([['context-minor', [{ valueBoolean: true }]]]), labels), 'ind-minor-runaway')).toBe('Minors');
  });

  test('lists required questions still unanswered', () => {
    const questions = listQuestions(buildFormTree(adult, 'en', new Map(), labels));
    const answers = new Map([['adult-unsafe-place', [questions[0]!.options[1]!.answer]]]);
    expect(findMissingRequired(questions, answers)).toEqual(['adult-tricked-forced', 'adult-afraid-to-leave', 'adult-exchange-sex']);
  });
});

describe('the QuestionnaireResponse the form produces', () => {
  test.each([...instruments.keys()])('%s: valid, and scores as the answers say', (id) => {
    const questionnaire = instruments.get(id)!;
    const none = buildResponse(questionnaire, answerAll(questionnaire, 'last'), { authored, language: 'es' });
    expect(validateResponse(questionnaire, none).filter((i) => i.severity === 'error')).toEqual([]);
    expect(evaluateScreen(questionnaire, none).score).toBe(0);
    const all = buildResponse(questionnaire, answerAll(questionnaire, 'first'), { authored, language: 'en' });
    expect(validateResponse(questionnaire, all).filter((i) => i.severity === 'error')).toEqual([]);
    expect(evaluateScreen(questionnaire, all).score).toBeGreaterThan(0);
  });

  test('drops answers to items that became disabled', () => {
    const answers = answerAll(indicators, 'first', new Map([['context-minor', [{ valueBoolean: true }]]]));
    expect(answers.has('ind-minor-runaway')).toBe(true);
    answers.set('context-minor', [{ valueBoolean: false }]);
    const pruned = pruneAnswers(indicators, answers, labels);
    expect(pruned.has('ind-minor-runaway')).toBe(false);
    const response = buildResponse(indicators, pruned, { authored, language: 'en', tags: [{ system: 'x', code: 'self' }] });
    expect(validateResponse(indicators, response).filter((i) => i.severity === 'error')).toEqual([]);
    expect(response.meta?.tag).toEqual([{ system: 'x', code: 'self' }]);
    expect(JSON.stringify(response)).not.toContain('ind-minor-runaway');
  });
});
