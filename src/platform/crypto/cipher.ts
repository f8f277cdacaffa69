/**
 * @module Field encryption with AES-256-GCM. A sealed value is `v1.<keyId>.<iv>.<ciphertext>.<tag>`
 * (base64url parts), so the key that sealed it travels with it and rotation can find old values.
 * The associated data binds a value to its place (table, column, row): a ciphertext copied to
 * another row does not decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from './keys.ts';

const PREFIX = 'v1';

export interface Cipher {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  /** The key id a sealed value names, or undefined when it is not a sealed value. */
  keyIdOf(sealed: string): string | undefined;
  activeKeyId(): string;
}

export function createCipher(getRing: () => KeyRing): Cipher {
  return {
    seal(plaintext, context) {
      const { active } = getRing();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', active.key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [PREFIX, active.id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    open(sealed, context) {
      const parts = sealed.split('.');
      if (parts.length !== 5 || parts[0] !== PREFIX) throw new Error('not an encrypted value');
      const [, keyId, iv, body, tag] = parts as [string, string, string, string, string];
      const key = getRing().all.get(keyId);
      if (!key) throw new Error(`encryption key "${keyId}" is not configured`);
      const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    keyIdOf(sealed) {
      const parts = sealed.split('.');
      return parts.length === 5 && parts[0] === PREFIX ? parts[1] : undefined;
    },
    activeKeyId() {
      return getRing().active.id;
    },
  };
}
