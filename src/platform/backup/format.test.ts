import { describe, expect, test } from 'vitest';
import { decodeValue, encodeValue } from './format.ts';

describe('backup values', () => {
  test('text, numbers and null travel as they are', () => {
    for (const value of ['Zoë "Q"\nO\'Brien ✓', '', 0, -12, 3.5, null]) expect(decodeValue(encodeValue(value))).toEqual(value);
  });

  test('bytes travel as base64 and come back as bytes', () => {
    const bytes = Buffer.from([0, 1, 254, 255]);
    const encoded = encodeValue(bytes);
    expect(encoded).toEqual({ $base64: 'AAH+/w==' });
    expect(decodeValue(JSON.parse(JSON.stringify(encoded)))).toEqual(bytes);
  });

  test('dates become ISO text, booleans 0/1, big integers numbers, objects JSON text', () => {
    expect(encodeValue(new Date('2026-11-28T01:02:03.004Z'))).toBe('2026-11-28T01:02:03.004Z');
    expect(encodeValue(true)).toBe(1);
    expect(encodeValue(false)).toBe(0);
    expect(encodeValue(42n)).toBe(42);
    expect(encodeValue({ a: [1] })).toBe('{"a":[1]}');
    expect(encodeValue(undefined)).toBeNull();
  });
});
