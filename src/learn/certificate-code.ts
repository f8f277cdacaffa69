/**
 * @module Certificate verification codes: 100 random bits in Crockford base32 (no I, L, O, U, so a
 * code read aloud or retyped is unambiguous), grouped as `XXXXX-XXXXX-XXXXX-XXXXX`. Only the SHA-256
 * of a code is looked up, so a database listing of hashes is no list of valid codes.
 */
import { randomBytes } from 'node:crypto';
import { sha256 } from '../platform/auth/principal.ts';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new unguessable code. */
export function newCertificateCode(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b & 31]).join('');
  return chars.match(/.{5}/g)!.slice(0, 4).join('-');
}

/** Normalizes what a person typed (case, spaces, look-alike letters) to the canonical code, or null. */
export function normalizeCertificateCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{20}$/.test(cleaned)) return null;
  return cleaned.match(/.{5}/g)!.join('-');
}

/** The lookup key of a code. */
export function certificateCodeHash(code: string): string {
  return sha256(`lantern-certificate:${code}`);
}
