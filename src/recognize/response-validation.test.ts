import { describe, expect, test } from 'vitest';
import { answerFirstN } from './answers.ts';
import { loadShippedInstruments } from './instruments.ts';
import { validateResponse } from './response-validation.ts';
import { facilityInstrument, frequencyAnswer } from './test-instrument.ts';

const instruments = loadShippedInstruments();
const adult = instruments.get('lantern-adult-screen')!;
const indicators = instruments.get('lantern-indicators')!;
const YES = { valueCoding: { system: 'http://loinc.org', code: 'LA33-6' } };

const rules = (issues: { rule: string; linkId?: string }[]): [string, string | undefined][] => issues.map((issue) => [issue.rule, issue.linkId]);

describe('valid responses', () => {
  test.each([...instruments.keys()])('answerFirstN responses to %s are valid at every count', (id) => {
    const questionnaire = instruments.get(id)!;
    for (const n of [0, 1, 2]) expect(validateResponse(questionnaire, answerFirstN(questionnaire, n))).toEqual([]);
  });

  test('an indicators checklist left blank is complete: no indicator is required', () => {
    expect(validateResponse(indicators, { resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: indicators.url! })).toEqual([]);
  });
});

describe('invalid responses name the item and rule', () => {
  test('unknown linkId, at the top and inside a group', () => {
    const response = answerFirstN(indicators, 1);
    response.item!.push({ linkId: 'made-up', answer: [YES] });
    response.item![0]!.item!.push({ linkId: 'ind-branding', answer: [YES] }); // exists, but in another group
    expect(rules(validateResponse(indicators, response))).toEqual([['unknown-link-id', 'ind-branding'], ['unknown-link-id', 'made-up']]);
  });

  test('wrong answer type and an answer that is not an option', () => {
    const response = answerFirstN(adult, 0);
    response.item![0]!.answer = [{ valueBoolean: true }];
    response.item![1]!.answer = [{ valueCoding: { system: 'http://loinc.org', code: 'LA4489-6' } }];
    response.item![2]!.answer = [{ valueCoding: { system: 'http://loinc.org', code: 'LA33-6' }, valueString: 'yes' } as fhir4.QuestionnaireResponseItemAnswer];
    const issues = validateResponse(adult, response);
    expect(rules(issues)).toEqual([
      ['wrong-answer-type', 'adult-unsafe-place'],
      ['answer-not-in-options', 'adult-tricked-forced'],
      ['wrong-answer-type', 'adult-afraid-to-leave'],
    ]);
    expect(issues[0]!.expression).toBe('QuestionnaireResponse.item[0].answer[0]');
  });

  test('a typed item takes only its value type', () => {
    const instrument = facilityInstrument();
    const response = answerFirstN(instrument, 3);
    response.item!.push({ linkId: 'q1-detail', answer: [{ valueInteger: 3 }] });
    expect(rules(validateResponse(instrument, response))).toEqual([['wrong-answer-type', 'q1-detail']]);
  });

  test('an answer to an item disabled by enableWhen is refused; enabling it makes it valid', () => {
    const response = answerFirstN(indicators, 0);
    response.item!.push({ linkId: 'minors', item: [{ linkId: 'ind-minor-runaway', answer: [YES] }] });
    expect(rules(validateResponse(indicators, response))).toEqual([['answer-to-disabled-item', 'ind-minor-runaway']]);
    response.item!.push({ linkId: 'context-minor', answer: [{ valueBoolean: false }] });
    expect(rules(validateResponse(indicators, response))).toEqual([['answer-to-disabled-item', 'ind-minor-runaway']]);
    response.item!.at(-1)!.answer = [{ valueBoolean: true }];
    expect(validateResponse(indicators, response)).toEqual([]);
  });

  test('a missing required item is reported only while it is enabled', () => {
    const instrument = facilityInstrument();
    const response = answerFirstN(instrument, 0); // q1 "never": q1-detail disabled
    expect(validateResponse(instrument, response)).toEqual([]);
    response.item![0]!.item![0]!.answer = [frequencyAnswer('often')];
    expect(rules(validateResponse(instrument, response))).toEqual([['required-item-missing', 'q1-detail']]);
    expect(validateResponse(instrument, response, { requireComplete: false })).toEqual([]);
  });

  test('each missing required screen question is reported', () => {
    const response = answerFirstN(adult, 2);
    response.item!.splice(1, 2);
    expect(rules(validateResponse(adult, response))).toEqual([
      ['required-item-missing', 'adult-tricked-forced'], ['required-item-missing', 'adult-afraid-to-leave']]);
  });

  test('enableBehavior any and all', () => {
    const instrument = facilityInstrument();
    const detail = instrument.item!.find((item) => item.linkId === 'q1-detail')!;
    detail.enableWhen!.push({ question: 'q3', operator: '=', answerCoding: { system: 'http://example.org/freq', code: 'often' } });
    const response = answerFirstN(instrument, 1); // q1 often, q2 and q3 never
    detail.enableBehavior = 'all';
    expect(validateResponse(instrument, response)).toEqual([]);
    detail.enableBehavior = 'any';
    expect(rules(validateResponse(instrument, response))).toEqual([['required-item-missing', 'q1-detail']]);
  });

  test('two answers to a single-answer item, a repeated item, an answer to a group', () => {
    const response = answerFirstN(adult, 0);
    response.item![0]!.answer!.push(YES);
    response.item!.push(structuredClone(response.item![1]!));
    const groups = answerFirstN(indicators, 1);
    groups.item![0]!.answer = [YES];
    expect(rules(validateResponse(adult, response))).toEqual([['answers-repeated', 'adult-unsafe-place'], ['item-repeated', 'adult-tricked-forced']]);
    expect(rules(validateResponse(indicators, groups))).toEqual([['answer-to-non-question', 'presentation']]);
  });

  test('the response must name this Questionnaire (and its version, if any) and be completed', () => {
    const response = { ...answerFirstN(adult, 0), questionnaire: `${adult.url}|9.9.9`, status: 'in-progress' as const };
    expect(rules(validateResponse(adult, response))).toEqual([['questionnaire-mismatch', undefined], ['status-not-completed', undefined]]);
    expect(validateResponse(adult, { ...response, questionnaire: adult.url!, status: 'completed' })).toEqual([]);
  });
});
