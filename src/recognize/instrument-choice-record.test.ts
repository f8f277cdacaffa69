import { describe, expect, test } from 'vitest';
import { answerFirstN } from './answers.ts';
import { chooseInstrument } from './instrument-choice.ts';
import { checkInstrumentChoice, readInstrumentChoice, withInstrumentChoice } from './instrument-choice-record.ts';
import { shippedInstruments } from './instrument-catalog.ts';
import { lanternExtension } from './extension-urls.ts';

const adult = shippedInstruments().get('lantern-adult-screen')!;
const youth = shippedInstruments().get('lantern-youth-screen')!;

describe('the instrument choice kept with the screen', () => {
  test('a choice by age records its basis and the instrument, and no reason', () => {
    const choice = chooseInstrument({ ageYears: 34, setting: 'emergency' });
    const response = withInstrumentChoice(answerFirstN(adult, 1), choice, adult);
    expect(readInstrumentChoice(response)).toEqual({ basis: 'adult', instrument: `${adult.url}|${adult.version}` });
    expect(checkInstrumentChoice(adult, response)).toEqual([]);
  });

  test('an override records what age suggested and the trimmed reason', () => {
    const choice = chooseInstrument({ ageYears: 19, setting: 'teen-clinic', override: { instrumentId: 'lantern-youth-screen', reason: '  Developmental age; teen clinic  ' } });
    const response = withInstrumentChoice(answerFirstN(youth, 0), choice, youth);
    expect(readInstrumentChoice(response)).toEqual({
      basis: 'override', instrument: `${youth.url}|${youth.version}`, suggested: adult.url, reason: 'Developmental age; teen clinic',
    });
    expect(checkInstrumentChoice(youth, response)).toEqual([]);
    // Recording again replaces the earlier record rather than adding a second.
    const again = withInstrumentChoice(response, chooseInstrument({ ageYears: 15, setting: 'emergency' }), youth);
    expect(again.extension?.filter((e) => e.url === lanternExtension.instrumentChoice)).toHaveLength(1);
    expect(readInstrumentChoice(again)?.basis).toBe('youth');
  });

  test('a response without a record is accepted as it is', () => {
    expect(readInstrumentChoice(answerFirstN(adult, 0))).toBeUndefined();
    expect(checkInstrumentChoice(adult, answerFirstN(adult, 0))).toEqual([]);
  });

  const withParts = (parts: fhir4.Extension[], extra: fhir4.Extension[] = []): fhir4.QuestionnaireResponse =>
    ({ ...answerFirstN(adult, 0), extension: [{ url: lanternExtension.instrumentChoice, extension: parts }, ...extra] });
  const rulesOf = (response: fhir4.QuestionnaireResponse): string[] => checkInstrumentChoice(adult, response).map((i) => i.rule);
  const instrument = { url: 'instrument', valueCanonical: adult.url! };

  test.each([
    ['an override without a reason', [{ url: 'basis', valueCode: 'override' }, instrument], ['instrument-choice-reason']],
    ['an override with a blank reason', [{ url: 'basis', valueCode: 'override' }, instrument, { url: 'reason', valueString: '   ' }], ['instrument-choice-reason']],
    ['an override with an over-long reason', [{ url: 'basis', valueCode: 'override' }, instrument, { url: 'reason', valueString: 'x'.repeat(501) }], ['instrument-choice-reason']],
    ['a reason without an override', [{ url: 'basis', valueCode: 'adult' }, instrument, { url: 'reason', valueString: 'because' }], ['instrument-choice-reason']],
    ['an unknown basis', [{ url: 'basis', valueCode: 'guess' }, instrument], ['instrument-choice-basis']],
    ['another instrument than the one answered', [{ url: 'basis', valueCode: 'youth' }, { url: 'instrument', valueCanonical: youth.url! }], ['instrument-choice-instrument']],
    ['another version of it', [{ url: 'basis', valueCode: 'adult' }, { url: 'instrument', valueCanonical: `${adult.url}|0.0.1` }], ['instrument-choice-instrument']],
    ['an unknown part', [{ url: 'basis', valueCode: 'adult' }, instrument, { url: 'mood', valueString: 'fine' }], ['instrument-choice-part']],
  ] as const)('%s is refused', (_name, parts, rules) => {
    expect(rulesOf(withParts([...parts] as fhir4.Extension[]))).toEqual(rules);
  });

  test('two records are refused', () => {
    const parts = [{ url: 'basis', valueCode: 'adult' }, instrument];
    expect(rulesOf(withParts(parts, [{ url: lanternExtension.instrumentChoice, extension: parts }]))).toEqual(['instrument-choice-repeated']);
  });
});
