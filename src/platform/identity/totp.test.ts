import { describe, expect, test } from 'vitest';
import { generateTotpCode, matchTotpStep, newTotpSecret, totpUri } from './totp.ts';

describe('totp', () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 10, 28, 12, 0, 15);
  const step = Math.floor(now / 30_000);

  test('a code from the current step matches that step', () => {
    expect(matchTotpStep(secret, generateTotpCode(secret, now), now)).toBe(step);
  });

  test('codes one step early or late still match, two steps away do not', () => {
    expect(matchTotpStep(secret, generateTotpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotpStep(secret, generateTotpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(matchTotpStep(secret, generateTotpCode(secret, now - 90_000), now)).toBeNull();
  });

  test('malformed codes and another secret do not match', () => {
    expect(matchTotpStep(secret, 'abcdef', now)).toBeNull();
    expect(matchTotpStep(secret, '12345', now)).toBeNull();
    expect(matchTotpStep(newTotpSecret(), generateTotpCode(secret, now), now)).toBeNull();
  });

  test('the RFC 6238 appendix B vector for SHA-1 at 59 s gives 287082 (6-digit)', () => {
    // Secret "12345678901234567890" in base32.
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(generateTotpCode(rfcSecret, 59_000)).toBe('287082');
  });

  test('the enrolment URI names the issuer and carries the secret', () => {
    const uri = totpUri(secret, 'ana@example.org');
    expect(uri.startsWith('otpauth://totp/Lantern:ana%40example.org?')).toBe(true);
    expect(uri).toContain(`secret=${secret}`);
  });
});
