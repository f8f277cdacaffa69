/**
 * Validates CDS Hooks documents against the schemas in test/fixtures/standards/cds-hooks-2.0
 * (written from the 2.0 specification; see SOURCE.md there).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();

export function cdsSchemaErrors(kind: 'discovery' | 'response', document: unknown): string[] {
  let validate = validators.get(kind);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(new URL(`../fixtures/standards/cds-hooks-2.0/${kind}.schema.json`, import.meta.url), 'utf8')) as object);
    validators.set(kind, validate);
  }
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
