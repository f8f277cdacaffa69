/**
 * @module Time-based one-time passwords (RFC 6238): 30-second steps, 6 digits, HMAC-SHA1 — what
 * every authenticator app understands. Pure functions; storage lives in second-factor.ts.
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side absorbs clock drift between phone and server (RFC 6238 §5.2). */
export const TOTP_WINDOW = 1;

function totpFor(secret: string, account: string): TOTP {
  return new TOTP({ issuer: 'Lantern', label: account, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** A new random secret (160 bits, the RFC 4226 recommendation), base32-encoded. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app reads from a QR code. */
export function totpUri(secret: string, account: string): string {
  return totpFor(secret, account).toString();
}

/** The time step a code belongs to (within the window), or null when it matches none. */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret, 'check').validate({ token, timestamp: now, window: TOTP_WINDOW });
  if (delta === null) return null;
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** The code for a secret at a time: for tests and the CLI, never sent by the server. */
export function generateTotpCode(secret: string, now = Date.now()): string {
  return totpFor(secret, 'check').generate({ timestamp: now });
}
