/**
 * @module Hostile inputs as fast-check arbitraries: what a careless client or an attacker sends.
 * Each case says whether the platform must refuse it whatever the route (broken JSON, a content
 * type no parser takes, a body over the limit) or only where the route declares a schema.
 */
import fc from 'fast-check';
import type { JsonSchema } from './routes.ts';

/** Strings that have broken parsers, databases and logs. */
export const oddStrings = fc.oneof(
  fc.constantFrom(
    '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\u202eevil\u202c', '\u200b\u200d\u2060', 'e\u0301\u0301\u0301', '\ufeff',
    '😀'.repeat(40), '𝕃𝕒𝕟𝕥𝕖𝕣𝕟', 'مرحبا'.repeat(10), '\u0085\u2028\u2029', '%00', '${7*7}', '{{7*7}}', "' OR 1=1 --",
    '"; drop table platform_user; --', '<script>alert(1)</script>', '\\', '\r\n\r\nX-Injected: 1', ' ', '',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Path segments every run tries: NUL (PostgreSQL text refuses it), over-long, broken escapes, traversal. */
export const worstIds: [string, boolean][] = [['\u0000', false], ['a'.repeat(3000), false], ['%%32%65', true], ['../../etc/passwd', false], ['\ud800', false]];

/** Path segments that try to leave their folder or confuse the router. */
export const hostileIds = fc.oneof(
  fc.constantFrom(
    '../../etc/passwd', '..%2f..%2fetc%2fpasswd', '..\\..\\windows\\win.ini', '%2e%2e%2f%2e%2e', '/etc/passwd', '....//....//',
    '..;/', '%00', '\u0000', ' ', '%', '%%32%65', 'NaN', '-1', '0', '1e309', '[]', '{}', 'null', 'undefined', '__proto__',
    'constructor', 'prototype', '*', '?', '#', '😀', '\ud800', 'a'.repeat(3000), "1' or '1'='1", '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
);

/** A path segment as a client would put it in a URL, including the ones that cannot be encoded. */
export function encodeSegment(value: string, raw: boolean): string {
  if (raw) return value.replace(/[?#\s]/g, encodeURIComponent);
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate: the bytes no UTF-8 decoder accepts
  }
}

/** Query strings every run tries: numbers no integer schema should take, prototype keys, NUL, a huge value. */
export const worstQueries = ['limit=Infinity', 'limit=1e309', '__proto__[admin]=1&constructor[prototype][admin]=1', 'id=%00', `x=${'a'.repeat(10_000)}`];

/** Query strings with prototype keys, odd values and unknown names. */
export const hostileQuery = fc.array(fc.tuple(
  fc.oneof(fc.constantFrom('__proto__', '__proto__[admin]', 'constructor[prototype][admin]', 'limit', 'cursor', 'from', 'id', 'x[]', 'a[b][c]'), fc.string({ minLength: 1, maxLength: 12 })),
  fc.oneof(oddStrings, fc.constantFrom('-1', '1e309', 'NaN', 'a'.repeat(10_000), 'true', '[object Object]')),
), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(v)}`).join('&'));

function encodeQuery(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** A body as sent: its bytes, its content type, and whether any route must refuse it. */
export interface HostileBody {
  kind: string;
  payload: string;
  contentType: string | undefined;
  /** True when the platform refuses it before any handler runs, whatever the route. */
  alwaysRefused: boolean;
}

const invalidJson = fc.constantFrom('{', '{"a":', '[1,2', '{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":undefined}', '\u0000', '{"a":1}}', '{"a" 1}', '\ud800', '}{', '{"a":"\\x41"}');
const unparsedTypes = fc.constantFrom('application/xml', 'multipart/form-data; boundary=xyz', 'application/x-www-form-urlencoded', 'application/octet-stream', 'image/png', 'application/jsonx');

/** Hostile values of one kind: random ones, and the worst known ones, which every run tries first. */
export interface HostileKind<T> {
  arbitrary: fc.Arbitrary<T>;
  examples: T[];
}

/** A kind built from inputs (random and known) by one function. */
export function kindOf<I, T>(inputs: fc.Arbitrary<I>, examples: I[], build: (input: I) => T): HostileKind<T> {
  return { arbitrary: inputs.map(build), examples: examples.map(build) };
}

/** The same kind with each value turned into something else (e.g. a call). */
export function mapKind<T, U>(kind: HostileKind<T>, change: (value: T) => U): HostileKind<U> {
  return { arbitrary: kind.arbitrary.map(change), examples: kind.examples.map(change) };
}

/** Bodies no route may accept, by kind: broken JSON, content types without a parser, over the size limit. */
export function alwaysRefusedBodies(bodyLimit: number): HostileKind<HostileBody>[] {
  const body = (kind: string, payload: string, contentType: string): HostileBody => ({ kind, payload, contentType, alwaysRefused: true });
  return [
    kindOf(invalidJson, ['{"a":NaN}', '{'], (payload) => body('invalid JSON', payload, 'application/json')),
    kindOf<[string, string], HostileBody>(fc.tuple(unparsedTypes, fc.constantFrom('{"a":1}', '<a>1</a>', 'a=1&b=2')), [['application/xml', '<a>1</a>']],
      ([contentType, payload]) => body(`content type ${contentType}`, payload, contentType)),
    kindOf(fc.constant(bodyLimit + 10), [], (size) => body('too large', JSON.stringify({ a: 'x'.repeat(size) }), 'application/json')),
  ];
}

/**
 * Bodies a route with a body schema must refuse, built from a valid body, by kind: wrong types,
 * unknown fields, prototype-pollution keys, deep nesting, the wrong shape, JSON as plain text.
 */
export function schemaRefusedBodies(schema: JsonSchema, valid: Record<string, unknown>): HostileKind<HostileBody>[] {
  const properties = Object.keys((schema.properties ?? {}) as Record<string, unknown>);
  const known = new Set(properties);
  const first = properties[0] ?? 'deep';
  const json = (kind: string, value: unknown): HostileBody => ({ kind, payload: JSON.stringify(value), contentType: 'application/json', alwaysRefused: false });
  const raw = (kind: string, payload: string, contentType = 'application/json'): HostileBody => ({ kind, payload, contentType, alwaysRefused: false });
  const kinds: HostileKind<HostileBody>[] = [
    kindOf<[string, unknown], HostileBody>(fc.tuple(fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !known.has(k) && k !== '__proto__'), fc.jsonValue({ maxDepth: 2 })),
      [['isAdmin', true]], ([key, value]) => json('unknown field', { ...valid, [key]: value })),
    kindOf<[string, string], HostileBody>(fc.tuple(oddStrings.filter((k) => k.length > 0 && !known.has(k)), fc.string()), [['\u0000', 'x'], ['\u202eadmin', 'x']],
      ([key, value]) => json('odd unicode field name', { ...valid, [key]: value })),
    kindOf(fc.constantFrom('__proto__', 'constructor'), ['__proto__', 'constructor'], (key) => raw(`prototype key ${key}`,
      `{${Object.entries(valid).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`).join('')}"${key}":{"isAdmin":true,"prototype":{"isAdmin":true}}}`)),
    kindOf(fc.integer({ min: 500, max: 120_000 }), [100_000], (depth) => raw(`nesting ${depth} deep`, `{${JSON.stringify(first)}:${'['.repeat(depth)}${']'.repeat(depth)}}`)),
    kindOf(fc.constantFrom<unknown>(null, [], [valid], 'text', 42, true), [null, [valid]], (shape) => json(`body ${JSON.stringify(shape).slice(0, 20)}`, shape)),
    kindOf(fc.constant(null), [], () => raw('JSON as text/plain', JSON.stringify(valid), 'text/plain')),
  ];
  if (properties.length > 0) {
    // Objects never coerce to scalars or lists, so this is a wrong type for any scalar or list field.
    const wrong = (key: string, bad: unknown): HostileBody => {
      const property = (schema.properties as Record<string, JsonSchema>)[key]!;
      return json(`wrong type for ${key}`, { ...valid, [key]: property.type === 'object' ? 'not an object' : bad });
    };
    kinds.unshift(kindOf(fc.tuple(fc.constantFrom(...properties), fc.constantFrom<unknown>({ $gt: '' }, { $ne: null }, { toString: 'x' })),
      properties.map((key) => [key, { $gt: '' }] as [string, unknown]), ([key, bad]) => wrong(key, bad)));
  }
  return kinds;
}
