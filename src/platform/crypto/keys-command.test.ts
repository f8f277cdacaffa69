import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { parseKeyList } from './keys.ts';
import { newEnvironmentKey } from './keys-command.ts';
import { createCipher } from './cipher.ts';

describe('a new key for LANTERN_KEYS', () => {
  test('the printed value puts the new key first and keeps every old key, so old values still open', () => {
    const old = parseKeyList(`a1:${randomBytes(32).toString('base64')},b2:${randomBytes(32).toString('base64')}`);
    const sealed = createCipher(() => old).seal('kept secret', 'ctx');
    const created = newEnvironmentKey(old);
    const next = parseKeyList(created.lanternKeys);
    expect(next.active.id).toBe(created.id);
    expect(next.active.key.toString('base64')).toBe(created.key);
    expect([...next.all.keys()]).toEqual([created.id, 'a1', 'b2']);
    const cipher = createCipher(() => next);
    expect(cipher.open(sealed, 'ctx')).toBe('kept secret');
    expect(cipher.keyIdOf(cipher.seal('new', 'ctx'))).toBe(created.id);
  });
});
