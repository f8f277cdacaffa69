/**
 * @module Reads a content document (YAML or JSON) and checks it against its JSON Schema, reporting
 * every problem with the JSON Pointer of the bad value, the line it sits on and the reason, so a
 * program lead editing a protocol sees "line 42, /steps/3/action: must be one of …", not a stack trace.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';

/** One problem found in a content document. */
export interface ContentIssue {
  /** JSON Pointer to the offending value ('' for the whole document). */
  path: string;
  /** 1-based line of the value in the source text, when known. */
  line?: number;
  reason: string;
}

export type ContentParse<T> = { ok: true; value: T } | { ok: false; issues: ContentIssue[] };

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv, ['date', 'uri', 'email']);

const compiled = new Map<object, ValidateFunction>();

/** Returns the (cached) validator for a JSON Schema. */
export function compileSchema(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Checks a schema-valid value for rules a JSON Schema cannot say (unique ids…); returns issues without lines. */
export type ContentRules<T> = (value: T) => ContentIssue[];

/**
 * Parses YAML or JSON text (JSON is read by the YAML parser, which keeps line positions) and
 * validates it against a schema, then against `rules`. Never throws on bad input: the issues come
 * back as data, each with the line it points at.
 */
export function parseContentDocument<T>(text: string, schema: object, rules?: ContentRules<T>): ContentParse<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({ path: '', line: e.linePos?.[0]?.line, reason: firstLine(e.message) })),
    };
  }
  const locate = (pointer: string): number | undefined => lineOf(doc, lineCounter, pointer);
  const checked = validateContent<T>(doc.toJS(), schema, locate);
  if (!checked.ok || !rules) return checked;
  const issues = rules(checked.value).map((i) => ({ ...i, line: i.line ?? locate(i.path) }));
  return issues.length > 0 ? { ok: false, issues } : checked;
}

/** Validates an already-parsed value (e.g. a request body); issues carry no line numbers. */
export function validateContent<T>(
  value: unknown,
  schema: object,
  locate: (pointer: string) => number | undefined = () => undefined,
): ContentParse<T> {
  const validate = compileSchema(schema);
  if (validate(value)) return { ok: true, value: value as T };
  const issues = (validate.errors ?? []).map((error) => {
    const path = pointerOf(error);
    return { path, line: locate(path) ?? locate(error.instancePath), reason: reasonOf(error) };
  });
  return { ok: false, issues: dedupe(issues) };
}

/** Formats issues one per line: `line 12, /steps/3/action: must be one of …`. */
export function formatIssues(issues: ContentIssue[]): string {
  return issues
    .map((i) => `${i.line !== undefined ? `line ${i.line}, ` : ''}${i.path === '' ? '(document)' : i.path}: ${i.reason}`)
    .join('\n');
}

/** Issues in the shape of a problem+json `errors` member (field = JSON Pointer, message = line and reason). */
export function toProblemErrors(issues: ContentIssue[]): { field: string; message: string }[] {
  return issues.map((i) => ({ field: i.path, message: `${i.line !== undefined ? `line ${i.line}: ` : ''}${i.reason}` }));
}

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `${error.instancePath}/${String(params.additionalProperty)}`;
  return error.instancePath;
}

function reasonOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `missing required property "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return 'is not an allowed property here';
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? error.keyword;
  }
}

function lineOf(doc: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  const keys = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  // Walk up until a node exists: a missing property is reported on its parent's line.
  for (let depth = keys.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(keys.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    // A scalar key whose value is null has no node; find the key's own position in its parent map.
    if (depth > 0) {
      const parent = depth === 1 ? doc.contents : doc.getIn(keys.slice(0, depth - 1), true);
      const line = keyLine(parent, keys[depth - 1], lineCounter);
      if (line !== undefined) return line;
    }
  }
  return undefined;
}

function keyLine(parent: unknown, key: string | number | undefined, lineCounter: LineCounter): number | undefined {
  if (!parent || typeof parent !== 'object' || !('items' in parent) || !Array.isArray(parent.items)) return undefined;
  for (const item of parent.items as unknown[]) {
    if (item && typeof item === 'object' && 'key' in item) {
      const k = (item as { key: unknown }).key;
      if (isNode(k) && k.range && String((k as { value?: unknown }).value) === String(key)) {
        return lineCounter.linePos(k.range[0]).line;
      }
    }
  }
  return undefined;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function dedupe(issues: ContentIssue[]): ContentIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}|${i.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
