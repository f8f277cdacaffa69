import { describe, expect, test } from 'vitest';
import { LanternError } from '../platform/http/errors.ts';
import { answerFirstN } from './answers.ts';
import { loadShippedInstruments } from './instruments.ts';
import { localizeText } from './localize.ts';
import { validateResponse } from './response-validation.ts';
import { evaluateScreen } from './scoring.ts';
import { facilityInstrument, frequencyAnswer } from './test-instrument.ts';

const instruments = loadShippedInstruments();
const adult = instruments.get('lantern-adult-screen')!;
const youth = instruments.get('lantern-youth-screen')!;
const indicators = instruments.get('lantern-indicators')!;

describe('shipped thresholds at their boundaries', () => {
  test.each([
    ['lantern-adult-screen', 0, 'negative'],
    ['lantern-adult-screen', 1, 'positive'],
    ['lantern-adult-screen', 4, 'positive'],
    ['lantern-youth-screen', 0, 'negative'],
    ['lantern-youth-screen', 1, 'negative'],
    ['lantern-youth-screen', 2, 'positive'],
    ['lantern-youth-screen', 6, 'positive'],
    ['lantern-indicators', 0, 'no-indicators'],
    ['lantern-indicators', 1, 'consider-private-screen'],
    ['lantern-indicators', 20, 'consider-private-screen'],
  ])('%s with %i "yes" scores that many and reads %s', (id, yes, resultCode) => {
    const questionnaire = instruments.get(id)!;
    const evaluation = evaluateScreen(questionnaire, answerFirstN(questionnaire, yes));
    expect(evaluation.score).toBe(yes);
    expect(evaluation.resultCode).toBe(resultCode);
    expect(evaluation.interpretation.code).toBe(resultCode);
    expect(evaluation.instrument).toMatchObject({ url: questionnaire.url, version: questionnaire.version, id });
  });

  test('which item is answered "yes" does not matter, only how many', () => {
    const response = answerFirstN(youth, 0);
    const yes = answerFirstN(youth, 6);
    // the last two questions "yes", the others "no"
    response.item!.splice(4, 2, yes.item![4]!, yes.item![5]!);
    expect(evaluateScreen(youth, response)).toMatchObject({ score: 2, resultCode: 'positive' });
    response.item!.splice(4, 1, answerFirstN(youth, 0).item![4]!);
    expect(evaluateScreen(youth, response)).toMatchObject({ score: 1, resultCode: 'negative' });
  });

  test('a minor-specific indicator counts once the patient is marked a minor', () => {
    const response = answerFirstN(indicators, 0);
    response.item!.push(
      { linkId: 'context-minor', answer: [{ valueBoolean: true }] },
      { linkId: 'minors', item: [{ linkId: 'ind-minor-runaway', answer: [answerFirstN(indicators, 1).item![0]!.item![0]!.answer![0]!] }] },
    );
    expect(evaluateScreen(indicators, response)).toMatchObject({ score: 1, resultCode: 'consider-private-screen' });
  });

  test('results are worded as something to consider, in English and Spanish', () => {
    for (const questionnaire of [adult, youth, indicators]) {
      for (const yes of [0, 2]) {
        const { interpretation } = evaluateScreen(questionnaire, answerFirstN(questionnaire, yes));
        expect(localizeText(interpretation.action, 'en')).toMatch(/^Consider /);
        expect(localizeText(interpretation.action, 'es')).toMatch(/^Considere /);
        expect(localizeText(interpretation.meaning, 'es')).not.toBe(interpretation.meaning.text);
      }
    }
  });

  test('a total submitted by the client is ignored: the score is recomputed', () => {
    const response = answerFirstN(adult, 0);
    response.item!.push({ linkId: 'adult-score', answer: [{ valueInteger: 4 }] });
    expect(evaluateScreen(adult, response)).toMatchObject({ score: 0, resultCode: 'negative' });
  });
});

describe('a facility instrument needs no code', () => {
  const instrument = facilityInstrument();
  const respond = (q1: 'never' | 'sometimes' | 'often', q2: 'never' | 'sometimes' | 'often', q3: 'never' | 'sometimes' | 'often'): fhir4.QuestionnaireResponse => ({
    resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: instrument.url!,
    item: [
      { linkId: 'part-a', item: [{ linkId: 'q1', answer: [frequencyAnswer(q1)] }, { linkId: 'q2', answer: [frequencyAnswer(q2)] }] },
      ...(q1 === 'often' ? [{ linkId: 'q1-detail', answer: [{ valueString: 'detail' }] }] : []),
      { linkId: 'q3', answer: [frequencyAnswer(q3)] },
    ],
  });

  test.each([
    [['never', 'never', 'never'], 0, 'low'],
    [['sometimes', 'sometimes', 'never'], 2, 'low'],
    [['often', 'sometimes', 'never'], 3, 'moderate'],
    [['often', 'often', 'never'], 4, 'moderate'],
    [['often', 'often', 'sometimes'], 5, 'high'],
    [['often', 'often', 'often'], 6, 'high'],
  ] as const)('answers %j score %i: %s (itemWeight and ordinalValue both read)', (answers, score, resultCode) => {
    expect(evaluateScreen(instrument, respond(answers[0], answers[1], answers[2]))).toMatchObject({ score, resultCode });
  });

  test('answerFirstN answers its scored items; an unscored required follow-up is left to the caller', () => {
    const response = answerFirstN(instrument, 3);
    expect(validateResponse(instrument, response).map((issue) => [issue.rule, issue.linkId])).toEqual([['required-item-missing', 'q1-detail']]);
    response.item!.push({ linkId: 'q1-detail', answer: [{ valueString: 'detail' }] });
    expect(evaluateScreen(instrument, response)).toMatchObject({ score: 6, resultCode: 'high' });
  });
});

describe('refusals', () => {
  test('an invalid response is not scored: the error names the rule and item', () => {
    const response = answerFirstN(adult, 1);
    response.item!.pop();
    const error = (() => { try { evaluateScreen(adult, response); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(LanternError);
    expect(error).toMatchObject({ code: 'INVALID', field: 'adult-exchange-sex' });
    expect((error as Error).message).toMatch(/^required-item-missing/);
  });

  test('a Questionnaire without a score declaration cannot be scored', () => {
    const bare: fhir4.Questionnaire = { ...structuredClone(adult), item: adult.item!.filter((item) => item.linkId !== 'adult-score') };
    expect(() => evaluateScreen(bare, answerFirstN(bare, 1))).toThrow(/cannot be scored/);
  });
});
