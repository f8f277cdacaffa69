import { describe, expect, test } from 'vitest';
import { answerFirstN } from './answers.ts';
import { loadShippedInstruments } from './instruments.ts';

const instruments = loadShippedInstruments();
const YES = 'LA33-6';
const NO = 'LA32-8';

function codes(response: fhir4.QuestionnaireResponse): string[] {
  const out: string[] = [];
  const visit = (items: fhir4.QuestionnaireResponseItem[] = []): void => {
    for (const item of items) {
      for (const answer of item.answer ?? []) if (answer.valueCoding?.code) out.push(answer.valueCoding.code);
      visit(item.item);
    }
  };
  visit(response.item);
  return out;
}

describe('answerFirstN', () => {
  test.each([
    ['lantern-adult-screen', 4],
    ['lantern-youth-screen', 6],
    ['lantern-indicators', 20],
  ])('%s: the first N scored items "yes", the other %i − N "no", naming the Questionnaire', (id, scored) => {
    const questionnaire = instruments.get(id)!;
    for (const n of [0, 1, scored]) {
      const response = answerFirstN(questionnaire, n);
      expect(response.questionnaire).toBe(`${questionnaire.url}|${questionnaire.version}`);
      expect(codes(response)).toEqual([...Array<string>(n).fill(YES), ...Array<string>(scored - n).fill(NO)]);
    }
  });

  test('the first yes goes to the first question in document order', () => {
    const response = answerFirstN(instruments.get('lantern-adult-screen')!, 1);
    expect(response.item![0]).toMatchObject({ linkId: 'adult-unsafe-place', answer: [{ valueCoding: { code: YES } }] });
  });

  test('items behind enableWhen stay unanswered; asking for more than can be given is refused', () => {
    const indicators = instruments.get('lantern-indicators')!;
    expect(JSON.stringify(answerFirstN(indicators, 20))).not.toMatch(/ind-minor/);
    expect(() => answerFirstN(indicators, 21)).toThrow(/only 20 enabled scored items/);
    expect(() => answerFirstN(indicators, -1)).toThrow(/positiveAnswers/);
  });
});
