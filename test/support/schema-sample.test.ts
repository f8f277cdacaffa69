import { describe, expect, test } from 'vitest';
import { Type } from 'typebox';
import { sampleValue } from './schema-sample.ts';
import { fits, type JsonSchema } from './routes.ts';

const asJson = (schema: unknown): JsonSchema => JSON.parse(JSON.stringify(schema)) as JsonSchema;

describe('sampleValue', () => {
  const shapes: Record<string, unknown> = {
    'required strings with formats and bounds': Type.Object({
      email: Type.String({ format: 'email' }), id: Type.String({ format: 'uuid' }), when: Type.String({ format: 'date-time' }),
      password: Type.String({ minLength: 12, maxLength: 200 }), note: Type.Optional(Type.String()),
    }, { additionalProperties: false }),
    'ids, locales and codes by pattern': Type.Object({
      organizationId: Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 64 }), code: Type.String({ pattern: '^[0-9]{6}$' }),
      jurisdiction: Type.String({ pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$' }), locale: Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' }),
    }, { additionalProperties: false }),
    'unions, literals, numbers and lists': Type.Object({
      outcome: Type.Union([Type.Literal('accepted'), Type.Literal('overridden')]), days: Type.Integer({ minimum: 30, maximum: 3650 }),
      roles: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }), nested: Type.Object({ flag: Type.Boolean(), maybe: Type.Union([Type.String(), Type.Null()]) }),
    }, { additionalProperties: false }),
  };

  for (const [name, schema] of Object.entries(shapes)) {
    test(`satisfies its schema: ${name}`, () => {
      const json = asJson(schema);
      const value = sampleValue(json);
      expect(fits(json, value), JSON.stringify(value)).toBe(true);
    });
  }

  test('a uuid field takes the value the hints give for its name', () => {
    const schema = asJson(Type.Object({ organizationId: Type.String({ format: 'uuid' }), userId: Type.String() }));
    const value = sampleValue(schema, { uuid: (field) => (field === 'organizationId' ? '11111111-1111-4111-8111-111111111111' : '22222222-2222-4222-8222-222222222222') });
    expect(value).toEqual({ organizationId: '11111111-1111-4111-8111-111111111111', userId: '22222222-2222-4222-8222-222222222222' });
  });

  test('leaves optional properties out', () => {
    const schema = asJson(Type.Object({ a: Type.String(), b: Type.Optional(Type.String()) }));
    expect(Object.keys(sampleValue(schema) as object)).toEqual(['a']);
  });
});
