/**
 * FHIR conformance checks by tools no one here wrote: HL7's official R4 JSON Schema (see
 * test/fixtures/standards/fhir-r4/SOURCE.md) compiled with Ajv, and the `fhir` package's structure
 * validator. Every FHIR resource Lantern serves is checked with both in the tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { Fhir } from 'fhir';

const require = createRequire(import.meta.url);
const schemaPath = new URL('../fixtures/standards/fhir-r4/fhir.schema.json', import.meta.url);

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function validatorFor(resourceType: string): ValidateFunction {
  if (!ajv) {
    // HL7's R4 schema is draft-06 but names itself with the draft-04 `id` keyword, which Ajv 8
    // refuses; it is registered under a key instead. `strict: false` lets its OpenAPI
    // `discriminator` annotation pass. Neither changes what validates.
    const { id: _hl7Id, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
    ajv.addSchema(schema, 'fhir-r4');
  }
  let validate = validators.get(resourceType);
  if (!validate) {
    validate = ajv.getSchema(`fhir-r4#/definitions/${resourceType}`);
    if (!validate) throw new Error(`the FHIR R4 schema has no resource type ${resourceType}`);
    validators.set(resourceType, validate);
  }
  return validate;
}

/** Errors from HL7's R4 JSON Schema for the resource (empty when it validates). */
export function fhirSchemaErrors(resource: { resourceType: string }): string[] {
  const validate = validatorFor(resource.resourceType);
  if (validate(resource)) return [];
  return (validate.errors ?? [])
    // HL7's R4 schema enumerates FHIR versions up to 4.0.0: it predates the 4.0.1 technical
    // correction, the R4 version servers declare. Only that exact value is excused.
    .filter((e) => !(e.keyword === 'enum' && e.instancePath.endsWith('/fhirVersion') && (resource as { fhirVersion?: string }).fhirVersion === '4.0.1'))
    .map((e) => `${e.instancePath} ${e.message}`);
}

const structure = new Fhir();

/** Errors from the `fhir` package's structure validator (elements, cardinality, required value sets). */
export function fhirStructureErrors(resource: object): string[] {
  const result = structure.validate(resource, {}) as { valid: boolean; messages?: { severity: string; location?: string; message: string }[] };
  return (result.messages ?? []).filter((m) => m.severity === 'error').map((m) => `${m.location ?? ''} ${m.message}`);
}
