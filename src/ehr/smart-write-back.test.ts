import { describe, expect, test } from 'vitest';
import { ehrObservationCopy, ehrResponseCopy } from './smart-write-back.ts';

describe('write-back copies', () => {
  const response: fhir4.QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse', id: 'lantern-qr', meta: { lastUpdated: '2026-01-01T00:00:00Z' }, status: 'completed',
    questionnaire: 'https://example.org/Questionnaire/q|1', authored: '2026-01-01T00:00:00Z', item: [{ linkId: 'a', answer: [{ valueBoolean: true }] }],
  };
  const observation: fhir4.Observation = {
    resourceType: 'Observation', id: 'lantern-obs', meta: { lastUpdated: '2026-01-01T00:00:00Z' }, status: 'final', code: { text: 'screen' },
    derivedFrom: [{ reference: 'QuestionnaireResponse/lantern-qr' }], valueInteger: 3,
  };

  test('binds the response to the EHR patient and leaves Lantern ids behind', () => {
    const copy = ehrResponseCopy(response, 'p-9');
    expect(copy).toEqual({ resourceType: 'QuestionnaireResponse', status: 'completed', questionnaire: response.questionnaire, authored: response.authored, item: response.item, subject: { reference: 'Patient/p-9' } });
    expect(JSON.stringify(copy)).not.toContain('lantern-qr');
  });

  test("points the Observation at the EHR's own copy of the response", () => {
    const copy = ehrObservationCopy(observation, 'p-9', 'ehr-qr-1');
    expect(copy.subject).toEqual({ reference: 'Patient/p-9' });
    expect(copy.derivedFrom).toEqual([{ reference: 'QuestionnaireResponse/ehr-qr-1' }]);
    expect(copy.valueInteger).toBe(3);
    expect(JSON.stringify(copy)).not.toMatch(/lantern-(qr|obs)/);
    expect(ehrObservationCopy(observation, 'p-9', undefined).derivedFrom).toBeUndefined();
  });
});
