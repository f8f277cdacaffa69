/**
 * @module A minimal valid value for a JSON Schema (as TypeBox writes it): the policy walk sends
 * bodies that pass validation so that the answer reflects authorization, and the hostile-input test
 * starts from a valid body and breaks one thing at a time. Covers the keywords route schemas use;
 * anything it does not know becomes `null`, which validation then refuses (the test says so).
 */
import { randomUUID } from 'node:crypto';
import type { JsonSchema } from './routes.ts';

export interface SampleHints {
  /** A value for a string with `format: uuid`, given the property's name (default: a fresh UUID). */
  uuid?(field: string | undefined): string;
  /** A unique email (default: a fresh address at example.org). */
  email?(): string;
}

/** A value that satisfies `schema`; optional properties are left out. */
export function sampleValue(schema: JsonSchema | undefined, hints: SampleHints = {}, depth = 0, field?: string): unknown {
  if (!schema || depth > 12) return undefined;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('default' in schema && schema.default !== undefined) return schema.default;
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(options) && options.length > 0) {
    const notNull = options.find((o) => o.type !== 'null') ?? options[0]!;
    return sampleValue(notNull, hints, depth + 1, field);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...(schema.allOf as JsonSchema[]).map((s) => sampleValue(s, hints, depth + 1) as object));
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : schema.type as string | undefined;
  switch (type) {
    case 'object': return sampleObject(schema, hints, depth);
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: min }, () => sampleValue(schema.items as JsonSchema, hints, depth + 1));
    }
    case 'string': return sampleString(schema, hints, field);
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum
        : typeof schema.exclusiveMinimum === 'number' ? Math.floor(schema.exclusiveMinimum) + 1 : 1;
      const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
      return max !== undefined && max < min ? max : min;
    }
    case 'boolean': return false;
    case 'null': return null;
    default: return schema.properties ? sampleObject(schema, hints, depth) : null;
  }
}

function sampleObject(schema: JsonSchema, hints: SampleHints, depth: number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const out: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    if (required.has(key)) out[key] = sampleValue(property, hints, depth + 1, key);
  }
  return out;
}

function sampleString(schema: JsonSchema, hints: SampleHints, field: string | undefined): string {
  const format = schema.format as string | undefined;
  if (format === 'uuid') return hints.uuid?.(field) ?? randomUUID();
  if (format === 'email') return hints.email?.() ?? `walk-${randomUUID().slice(0, 8)}@example.org`;
  if (format === 'date-time') return new Date().toISOString();
  if (format === 'date') return new Date().toISOString().slice(0, 10);
  if (format === 'uri' || format === 'url') return 'https://idp.example.org/realm';
  if (format === 'time') return '12:00:00Z';
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  // Without a format, the field's name says what a valid value looks like (when the pattern agrees).
  const byName = field ? sampleByName(field, hints) : undefined;
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  if (byName !== undefined && byName.length >= min && byName.length <= max && (!pattern || pattern.test(byName))) return byName;
  if (pattern) return samplePattern(pattern, min, max);
  // Long enough for password rules, mixed so strength checks see several character kinds.
  const base = 'Walk sample value 7Qx!walk sample value 9Zy?';
  const length = Math.min(max, Math.max(min, 12));
  return base.repeat(Math.ceil(length / base.length)).slice(0, length);
}

function sampleByName(field: string, hints: SampleHints): string | undefined {
  if (/e-?mail/i.test(field)) return hints.email?.() ?? `walk-${randomUUID().slice(0, 8)}@example.org`;
  if (/(^id$|Id$|_id$)/.test(field)) return hints.uuid?.(field) ?? randomUUID();
  if (/(issuer|url|uri)$/i.test(field)) return 'https://idp.example.org/realm';
  if (/locale|language/i.test(field)) return 'en';
  if (/^code$/i.test(field)) return '123456';
  if (/date$/i.test(field)) return new Date().toISOString().slice(0, 10);
  return undefined;
}

// Patterns in route schemas are simple (codes, locales, digits); try a few shapes that fit.
function samplePattern(re: RegExp, min: number, max: number): string {
  const candidates = ['123456', 'en', 'en-US', 'US-TX', 'a', 'abc', 'A1', 'x'.repeat(Math.max(1, min)), '0'.repeat(Math.max(1, min))];
  return candidates.find((c) => re.test(c) && c.length >= min && c.length <= max) ?? candidates[0]!;
}
