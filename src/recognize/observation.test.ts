import { describe, expect, test } from 'vitest';
import { answerFirstN } from './answers.ts';
import { loadShippedInstruments } from './instruments.ts';
import { deriveObservation } from './observation.ts';
import { evaluateScreen } from './scoring.ts';
import { facilityInstrument } from './test-instrument.ts';

const instruments = loadShippedInstruments();

describe('deriveObservation', () => {
  test('records score, result, source response, patient and time', () => {
    const questionnaire = instruments.get('lantern-youth-screen')!;
    const response: fhir4.QuestionnaireResponse = {
      ...answerFirstN(questionnaire, 2), id: 'qr-1', subject: { reference: 'Patient/p1' }, authored: '2026-11-28T01:00:00Z',
    };
    const observation = deriveObservation({ response, evaluation: evaluateScreen(questionnaire, response), id: 'obs-1', language: 'es' });
    expect(observation).toMatchObject({
      resourceType: 'Observation',
      id: 'obs-1',
      status: 'final',
      code: { coding: [{ system: 'http://lantern.example.org/fhir/CodeSystem/recognize-observation', code: 'youth-screen-score' }],
        text: 'Puntuación de la evaluación de trata para jóvenes' },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2026-11-28T01:00:00Z',
      valueInteger: 2,
      interpretation: [{ coding: [{ system: 'http://lantern.example.org/fhir/CodeSystem/screen-result', code: 'positive', display: 'Positive screen' }], text: 'Evaluación positiva' }],
      method: { text: `${questionnaire.url}|${questionnaire.version}` },
      derivedFrom: [{ reference: 'QuestionnaireResponse/qr-1' }],
    });
    expect(observation.category?.[0]?.coding?.[0]?.code).toBe('survey');
  });

  test('an explicit reference wins; a fractional score becomes valueQuantity; no code falls back to a generic one', () => {
    const questionnaire = facilityInstrument();
    expect(questionnaire.item!.at(-1)!.code).toBeUndefined(); // this instrument's score item declares no code
    questionnaire.item![0]!.item![0]!.answerOption![1]!.extension![0]!.valueDecimal = 0.5;
    const response = answerFirstN(questionnaire, 0);
    response.item![0]!.item![0]!.answer = [{ valueCoding: { system: 'http://example.org/freq', code: 'sometimes' } }];
    const observation = deriveObservation({ response, evaluation: evaluateScreen(questionnaire, response), responseReference: 'QuestionnaireResponse/abc' });
    expect(observation.valueQuantity).toEqual({ value: 0.5 });
    expect(observation.valueInteger).toBeUndefined();
    expect(observation.code.coding?.[0]?.code).toBe('screen-score');
    expect(observation.derivedFrom).toEqual([{ reference: 'QuestionnaireResponse/abc' }]);
  });
});
