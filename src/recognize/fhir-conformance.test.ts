/**
 * Everything Recognize emits must validate under tools no one here wrote: HL7's official FHIR R4
 * JSON Schema (test/fixtures/standards/fhir-r4, see SOURCE.md) with Ajv, and the `fhir` package's
 * structure validator, which checks elements, cardinality and required value sets offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { Fhir } from 'fhir';
import { beforeAll, describe, expect, test } from 'vitest';
import { answerFirstN } from './answers.ts';
import { loadShippedInstruments } from './instruments.ts';
import { toOperationOutcome } from './issues.ts';
import { deriveObservation } from './observation.ts';
import { validateQuestionnaire } from './questionnaire-validation.ts';
import { evaluateScreen } from './scoring.ts';

const require = createRequire(import.meta.url);
const schemaPath = new URL('../../test/fixtures/standards/fhir-r4/fhir.schema.json', import.meta.url);
const instruments = loadShippedInstruments();

let validators: Record<'Questionnaire' | 'QuestionnaireResponse' | 'Observation' | 'OperationOutcome', ValidateFunction>;

beforeAll(() => {
  // HL7's R4 schema is draft-06 but names itself with the draft-04 `id` keyword, which Ajv 8
  // refuses; it is registered under a key instead. `strict: false` lets its OpenAPI `discriminator`
  // annotation pass. Neither changes what validates.
  const { id: _hl7Id, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  ajv.addSchema(schema, 'fhir-r4');
  const compile = (name: string): ValidateFunction => {
    const validate = ajv.getSchema(`fhir-r4#/definitions/${name}`);
    if (!validate) throw new Error(`no definition ${name}`);
    return validate;
  };
  validators = {
    Questionnaire: compile('Questionnaire'),
    QuestionnaireResponse: compile('QuestionnaireResponse'),
    Observation: compile('Observation'),
    OperationOutcome: compile('OperationOutcome'),
  };
}, 60_000);

const structure = new Fhir();

function schemaErrors(kind: keyof typeof validators, resource: unknown): unknown[] {
  const validate = validators[kind];
  return validate(resource) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

function structureErrors(resource: object): unknown[] {
  return structure.validate(resource, { errorOnUnexpected: true }).messages
    .filter((message) => message.severity === 'error').map((message) => `${message.location}: ${message.message}`);
}

function sampleFor(id: string, positives: number): { response: fhir4.QuestionnaireResponse; observation: fhir4.Observation } {
  const questionnaire = instruments.get(id)!;
  const response = {
    ...answerFirstN(questionnaire, positives),
    id: `sample-${id}`,
    subject: { reference: 'Patient/example' },
    authored: '2026-11-28T01:30:00Z',
  };
  const evaluation = evaluateScreen(questionnaire, response);
  return { response, observation: deriveObservation({ response, evaluation, id: `obs-${id}`, language: 'es' }) };
}

describe('FHIR R4 JSON Schema (HL7)', () => {
  test('the validator rejects a broken resource (negative control)', () => {
    expect(schemaErrors('Questionnaire', { resourceType: 'Questionnaire', status: 'bogus', item: [{ linkId: 'a', type: 'choice', surprise: 1 }] })).not.toEqual([]);
    expect(schemaErrors('Observation', { resourceType: 'Observation', status: 'final' })).not.toEqual([]);
    // A misspelt element inside a translation is caught, so the schema does reach `_text`.
    const misspelt = structuredClone(instruments.get('lantern-adult-screen')!);
    misspelt.item![0]!._text = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', valueStrin: 'x' } as fhir4.Extension] };
    expect(schemaErrors('Questionnaire', misspelt)).not.toEqual([]);
  });

  test.each([...instruments.keys()])('shipped Questionnaire %s validates', (id) => {
    expect(schemaErrors('Questionnaire', instruments.get(id))).toEqual([]);
  });

  test.each([...instruments.keys()])('a sample response to %s and its Observation validate', (id) => {
    const { response, observation } = sampleFor(id, 1);
    expect(schemaErrors('QuestionnaireResponse', response)).toEqual([]);
    expect(schemaErrors('Observation', observation)).toEqual([]);
  });

  test('an OperationOutcome built from import issues validates', () => {
    const broken = structuredClone(instruments.get('lantern-adult-screen')!);
    broken.item![1]!.linkId = broken.item![0]!.linkId;
    const outcome = toOperationOutcome(validateQuestionnaire(broken));
    expect(outcome.issue.length).toBeGreaterThan(0);
    expect(schemaErrors('OperationOutcome', outcome)).toEqual([]);
  });
});

describe('fhir package structure validator', () => {
  test('the validator rejects a broken resource (negative control)', () => {
    expect(structureErrors({ resourceType: 'Questionnaire', status: 'bogus', item: [{ linkId: 'a', type: 'choice', surprise: 1 }] })).not.toEqual([]);
  });

  test.each([...instruments.keys()])('shipped Questionnaire %s validates', (id) => {
    expect(structureErrors(instruments.get(id)!)).toEqual([]);
  });

  test.each([...instruments.keys()])('a sample response to %s and its Observation validate', (id) => {
    const { response, observation } = sampleFor(id, 2);
    expect(structureErrors(response)).toEqual([]);
    expect(structureErrors(observation)).toEqual([]);
  });
});
