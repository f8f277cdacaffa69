import { describe, expect, test } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { KeyRing } from '../platform/crypto/keys.ts';
import { signLink, verifyLink } from './referral-link.ts';

const ringOf = (...ids: string[]): KeyRing => {
  const keys = ids.map((id) => ({ id, key: randomBytes(32) }));
  return { active: keys[0]!, all: new Map(keys.map((k) => [k.id, k])), source: 'env' };
};
const claims = { referralId: 'r1', organizationId: 'o1', linkId: 'l1', expiresAt: '2030-01-01T00:00:00.000Z' };

describe('signed referral links', () => {
  test('a link verifies with its claims until it expires', () => {
    const ring = ringOf('k1');
    const token = signLink(ring, claims);
    expect(verifyLink(ring, token, new Date('2029-12-31T00:00:00Z'))).toEqual(claims);
    expect(() => verifyLink(ring, token, new Date('2030-01-01T00:00:01Z'))).toThrow(/not valid/);
  });

  test('a link signed with a retired key still verifies while that key is in the ring; an unknown key does not', () => {
    const old = ringOf('k1');
    const token = signLink(old, claims);
    const rotated: KeyRing = { active: { id: 'k2', key: randomBytes(32) }, all: new Map([...old.all, ['k2', { id: 'k2', key: randomBytes(32) }]]), source: 'env' };
    expect(verifyLink(rotated, token, new Date('2029-01-01T00:00:00Z')).referralId).toBe('r1');
    expect(() => verifyLink(ringOf('k1'), token, new Date('2029-01-01T00:00:00Z'))).toThrow();
  });

  test('changed claims, a changed signature, or another shape are refused', () => {
    const ring = ringOf('k1');
    const token = signLink(ring, claims);
    const [body, mac] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const at = new Date('2029-01-01T00:00:00Z');
    for (const forged of [
      `${Buffer.from(JSON.stringify({ ...payload, o: 'o2' })).toString('base64url')}.${mac}`,
      `${Buffer.from(JSON.stringify({ ...payload, e: (payload.e as number) + 1000 })).toString('base64url')}.${mac}`,
      `${Buffer.from(JSON.stringify({ ...payload, p: 'other-purpose' })).toString('base64url')}.${mac}`,
      `${body}.${Buffer.from('nope').toString('base64url')}`, body, `${token}.x`, '', '..',
    ]) {
      expect(() => verifyLink(ring, forged, at)).toThrow(/not valid/);
    }
  });
});
