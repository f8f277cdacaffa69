/**
 * @module Password hashing with argon2id (OWASP's recommended parameters: 19 MiB, 2 passes).
 */
import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../http/errors.ts';

const options = { algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable here) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

/** Rejects passwords too short to resist guessing (NIST SP 800-63B asks for length, not symbols). */
export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalid(`Use a password of at least ${MIN_PASSWORD_LENGTH} characters.`, field);
  if (password.length > 256) throw invalid('Use a password of at most 256 characters.', field);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
