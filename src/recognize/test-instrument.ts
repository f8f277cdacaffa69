/**
 * @module A small facility instrument built in tests: proves that scoring, validation and answers
 * work from declarations alone, for an instrument no code knows about.
 */
import { fhirExtension, lanternExtension } from './extension-urls.ts';

const weight = (value: number, url: string = fhirExtension.itemWeight): fhir4.Extension => ({ url, valueDecimal: value });

/** A band as the Lantern result-band extension declares it. */
export function resultBand(code: string, minScore?: number, action = `Consider ${code}.`): fhir4.Extension {
  return {
    url: lanternExtension.resultBand,
    extension: [
      { url: 'code', valueCode: code },
      ...(minScore === undefined ? [] : [{ url: 'minScore', valueDecimal: minScore }]),
      { url: 'display', valueString: `${code} display` },
      { url: 'meaning', valueString: `${code} meaning` },
      { url: 'action', valueString: action },
    ],
  };
}

/**
 * A facility instrument: three frequency questions weighted 0/1/2 (one through ordinalValue), a
 * follow-up required only when the first is answered "often", and bands low (<2.5), moderate, high (≥5).
 */
export function facilityInstrument(): fhir4.Questionnaire {
  const frequency = (linkId: string, url?: string): fhir4.QuestionnaireItem => ({
    linkId,
    text: `How often: ${linkId}?`,
    type: 'choice',
    required: true,
    answerOption: [
      { valueCoding: { system: 'http://example.org/freq', code: 'never' }, extension: [weight(0, url)] },
      { valueCoding: { system: 'http://example.org/freq', code: 'sometimes' }, extension: [weight(1, url)] },
      { valueCoding: { system: 'http://example.org/freq', code: 'often' }, extension: [weight(2, url)] },
    ],
  });
  return {
    resourceType: 'Questionnaire',
    id: 'facility-screen',
    url: 'http://facility.example.org/Questionnaire/facility-screen',
    version: '3',
    status: 'active',
    item: [
      { linkId: 'part-a', type: 'group', text: 'Part A', item: [frequency('q1'), frequency('q2', fhirExtension.ordinalValue)] },
      {
        linkId: 'q1-detail', text: 'Tell us more', type: 'string', required: true,
        enableWhen: [{ question: 'q1', operator: '=', answerCoding: { system: 'http://example.org/freq', code: 'often' } }],
      },
      frequency('q3'),
      {
        linkId: 'total', text: 'Total', type: 'decimal', readOnly: true,
        extension: [
          { url: fhirExtension.calculatedExpression, valueExpression: { language: 'text/fhirpath', expression: '%resource.repeat(item).answer.value.weight().sum()' } },
          resultBand('moderate', 2.5), resultBand('low'), resultBand('high', 5),
        ],
      },
    ],
  };
}

/** An answer choosing a frequency code of the facility instrument. */
export function frequencyAnswer(code: 'never' | 'sometimes' | 'often'): fhir4.QuestionnaireResponseItemAnswer {
  return { valueCoding: { system: 'http://example.org/freq', code } };
}
