/**
 * @module Signed partner links: `<payload>.<HMAC-SHA256>` in base64url, the HMAC key derived
 * (HKDF) from the platform's active data key for this one purpose, so a link cannot be replayed
 * as anything else. The payload names the key, the referral, its organization, the link id
 * (revocation clears it on the referral) and the expiry. Verification is constant-time.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { KeyRing } from '../platform/crypto/keys.ts';
import { LanternError } from '../platform/http/errors.ts';

const PURPOSE = 'lantern/referral-partner-link/v1';

export interface LinkClaims {
  referralId: string;
  organizationId: string;
  linkId: string;
  /** Expiry, ISO date-time. */
  expiresAt: string;
}

interface Payload { p: string; k: string; r: string; o: string; l: string; e: number }

function linkKey(key: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), PURPOSE, 32));
}

/** Signs a link token with the active key. */
export function signLink(ring: KeyRing, claims: LinkClaims): string {
  const payload: Payload = { p: PURPOSE, k: ring.active.id, r: claims.referralId, o: claims.organizationId, l: claims.linkId, e: Math.floor(Date.parse(claims.expiresAt) / 1000) };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const mac = createHmac('sha256', linkKey(ring.active.key)).update(body).digest('base64url');
  return `${body}.${mac}`;
}

const refused = (): LanternError => new LanternError('UNAUTHENTICATED', 'This referral link is not valid, has expired or was withdrawn.');

/** Verifies a token's signature, purpose and expiry; throws one generic error for every failure. */
export function verifyLink(ring: KeyRing, token: string, now = new Date()): LinkClaims {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) throw refused();
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
  } catch {
    throw refused();
  }
  const key = typeof payload.k === 'string' ? ring.all.get(payload.k) : undefined;
  if (!key || payload.p !== PURPOSE) throw refused();
  const expected = createHmac('sha256', linkKey(key.key)).update(body).digest();
  const sent = Buffer.from(mac, 'base64url');
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) throw refused();
  if (typeof payload.e !== 'number' || payload.e * 1000 <= now.getTime()) throw refused();
  return { referralId: payload.r, organizationId: payload.o, linkId: payload.l, expiresAt: new Date(payload.e * 1000).toISOString() };
}
