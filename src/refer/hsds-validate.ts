/**
 * @module Validators for HSDS 3.0 records, compiled with ajv from the shipped schemas. HSDS schemas
 * carry their own keywords (core, constraints, datapackage_metadata), so ajv runs non-strict, with
 * ajv-formats for uuid, uri, email and date-time. Nested documents resolve `$ref: "phone.json"`
 * against the other table schemas, as the compiled schemas of the specification inline them.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { hsdsTables, type HsdsTable } from './hsds-tables.ts';
import { loadHsdsSpec, type HsdsSpec } from './hsds-spec.ts';

/** The nested JSON documents HSDS publishes (compiled schemas and API responses). */
export const documentKinds = ['service', 'organization', 'location', 'service_at_location', 'taxonomy', 'taxonomy_term'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** One reason a record is invalid: where (a JSON pointer inside the record) and why. */
export interface ValidationIssue {
  field: string;
  reason: string;
}

/** Validates HSDS records; each method returns every issue found (empty when valid). */
export interface HsdsValidator {
  /** A nested JSON document (a compiled service, organization, …) as the HSDS API returns it. */
  validateDocument(kind: DocumentKind, document: unknown): ValidationIssue[];
  /** A flat row of one table, as in the tabular datapackage (`tabular_required` columns required). */
  validateRow(table: HsdsTable, row: unknown): ValidationIssue[];
}

const schemaKey = (table: string): string => `${table}.json`;

/** Compiles validators for every HSDS table and document kind from the given (or shipped) spec. */
export function createHsdsValidator(spec: HsdsSpec = loadHsdsSpec()): HsdsValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: under NodeNext its function is the `default` of the module object.
  addFormats.default(ajv);
  for (const table of hsdsTables) ajv.addSchema(spec.schemas[table], schemaKey(table));

  const documents = new Map<DocumentKind, ValidateFunction>();
  const rows = new Map<HsdsTable, ValidateFunction>();
  const documentValidator = (kind: DocumentKind): ValidateFunction => {
    let validate = documents.get(kind);
    if (!validate) {
      validate = ajv.compile(documentSchema(kind));
      documents.set(kind, validate);
    }
    return validate;
  };
  const rowValidator = (table: HsdsTable): ValidateFunction => {
    let validate = rows.get(table);
    if (!validate) {
      const tabularRequired = spec.schemas[table].tabular_required ?? [];
      validate = ajv.compile({ allOf: [{ $ref: schemaKey(table) }], required: tabularRequired });
      rows.set(table, validate);
    }
    return validate;
  };
  return {
    validateDocument: (kind, document) => runValidator(documentValidator(kind), document),
    validateRow: (table, row) => runValidator(rowValidator(table), row),
  };
}

// The compiled organization document adds its services, and the compiled service_at_location its
// service, to what the per-table schemas describe (schema/compiled/*.json in HSDS 3.0).
function documentSchema(kind: DocumentKind): object {
  if (kind === 'organization') {
    return {
      allOf: [{ $ref: schemaKey('organization') }],
      properties: { services: { type: 'array', items: { $ref: schemaKey('service') } } },
    };
  }
  if (kind === 'service_at_location') {
    return { allOf: [{ $ref: schemaKey('service_at_location') }], properties: { service: { $ref: schemaKey('service') } } };
  }
  return { $ref: schemaKey(kind) };
}

function runValidator(validate: ValidateFunction, value: unknown): ValidationIssue[] {
  if (validate(value)) return [];
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const error of validate.errors ?? []) {
    const issue = describeError(error);
    const key = `${issue.field}\u0000${issue.reason}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function describeError(error: ErrorObject): ValidationIssue {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: `${error.instancePath}/${String(params.missingProperty)}`, reason: 'is required' };
    case 'type':
      return { field: error.instancePath || '/', reason: `must be of type ${String(params.type)}` };
    case 'format':
      return { field: error.instancePath, reason: `must be a valid ${String(params.format)}` };
    case 'enum':
      return {
        field: error.instancePath,
        reason: `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`,
      };
    default:
      return { field: error.instancePath || '/', reason: error.message ?? error.keyword };
  }
}
