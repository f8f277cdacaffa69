/**
 * @module Turns an API error into words a person can act on, in their language, by the problem's
 * `code` (the server's English detail is for logs and API clients).
 */
import type { MessageKey } from '../platform/i18n/catalogs.ts';
import type { Translate } from '../platform/i18n/format.ts';
import { messageKey } from './i18n.tsx';
import { ApiError } from './api.ts';

const byCode: Record<string, MessageKey> = {
  INVALID: messageKey('error.invalid'),
  UNAUTHENTICATED: messageKey('error.unauthenticated'),
  MFA_REQUIRED: messageKey('error.mfaRequired'),
  FORBIDDEN: messageKey('error.forbidden'),
  CSRF: messageKey('error.csrf'),
  NOT_FOUND: messageKey('error.notFound'),
  CONFLICT: messageKey('error.conflict'),
  LOCKED: messageKey('error.locked'),
  RATE_LIMITED: messageKey('error.rateLimited'),
  NETWORK: messageKey('error.network'),
  PAYLOAD_TOO_LARGE: messageKey('error.invalid'),
  UNSUPPORTED_MEDIA_TYPE: messageKey('error.invalid'),
};

/** A sentence for an error of any kind. */
export function describeError(t: Translate, error: unknown): string {
  if (error instanceof ApiError) return t(byCode[error.code] ?? messageKey('error.internal'));
  return t('error.internal');
}

/** The names of the fields an error points at (the main field and any per-field errors). */
export function fieldsOf(error: unknown): Set<string> {
  if (!(error instanceof ApiError)) return new Set();
  return new Set([...(error.field ? [error.field] : []), ...error.errors.map((e) => e.field)]);
}
