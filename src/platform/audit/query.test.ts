import { describe, expect, test } from 'vitest';
import { decodeCursor, encodeCursor } from './query.ts';

describe('audit cursors', () => {
  test('a cursor carries the sequence number it was made from', () => {
    for (const seq of [1, 50, 123_456_789]) expect(decodeCursor(encodeCursor(seq))).toBe(seq);
  });

  test.each(['', 'seq:12', Buffer.from('seq:-1').toString('base64url'), Buffer.from('seq:1; drop').toString('base64url')])('a forged cursor %j is refused as invalid input', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'INVALID', field: 'cursor' }));
  });
});
