/**
 * @module Boundary types of the session, single sign-on and admin API: each schema gives the type,
 * the validation and the OpenAPI document. Every body object refuses unknown fields.
 */
import { Type, type Static } from 'typebox';
import { roles } from '../policy.ts';
import { LOCALE_PATTERN } from './session-context.ts';

const strict = { additionalProperties: false } as const;

// Control characters have no place in names, emails or ids, and PostgreSQL refuses NUL in text:
// refusing them here turns a would-be 500 into a 400 that names the field.
const printable = '^[^\\u0000-\\u001F\\u007F]*$';
const Text = (options: { minLength: number; maxLength: number }) => Type.String({ ...options, pattern: printable });

export const RoleName = Type.Union(roles.map((role) => Type.Literal(role)));
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const Email = Text({ minLength: 3, maxLength: 320 });

export const SignInBody = Type.Object({
  email: Email,
  password: Type.String({ minLength: 1, maxLength: 256 }),
}, strict);
export type SignInBody = Static<typeof SignInBody>;

export const CodeBody = Type.Object({ code: Text({ minLength: 6, maxLength: 12 }) }, strict);
export type CodeBody = Static<typeof CodeBody>;

/** Proof that the signed-in person is still at the device: their password, and their TOTP code if they use one. */
export const ConfirmIdentityBody = Type.Object({
  password: Type.String({ minLength: 1, maxLength: 256 }),
  code: Type.Optional(Text({ minLength: 6, maxLength: 12 })),
}, strict);
export type ConfirmIdentityBody = Static<typeof ConfirmIdentityBody>;

export const ContextBody = Type.Object({
  organizationId: Id,
  facilityId: Type.Optional(Type.Union([Id, Type.Null()])),
}, strict);
export type ContextBody = Static<typeof ContextBody>;

export const LocaleBody = Type.Object({ locale: Type.String({ pattern: LOCALE_PATTERN, maxLength: 35 }) }, strict);
export type LocaleBody = Static<typeof LocaleBody>;

export const SessionViewReply = Type.Object({
  status: Type.Union([Type.Literal('signed-in'), Type.Literal('mfa-required'), Type.Literal('mfa-enrolment-required')]),
  user: Type.Object({ id: Type.String(), email: Type.String(), displayName: Type.String(), locale: Type.String() }),
  csrfToken: Type.String(),
  organizationId: Type.Union([Type.String(), Type.Null()]),
  facilityId: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  organizations: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), roles: Type.Array(Type.String()),
    facilities: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  })),
  permissions: Type.Record(Type.String(), Type.Array(Type.String())),
});

export const EnrolmentReply = Type.Object({ secret: Type.String(), otpauthUri: Type.String() });

export const SsoOptionsReply = Type.Array(Type.Object({ organizationId: Type.String(), organizationName: Type.String() }));

export const OrganizationParams = Type.Object({ organizationId: Id }, strict);
export const IdParams = Type.Object({ id: Id }, strict);

export const SsoCallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 2048 })),
  state: Type.Optional(Type.String({ maxLength: 512 })),
  error: Type.Optional(Type.String({ maxLength: 256 })),
  error_description: Type.Optional(Type.String({ maxLength: 2048 })),
  iss: Type.Optional(Type.String({ maxLength: 2048 })),
  session_state: Type.Optional(Type.String({ maxLength: 512 })),
});

export const UserReply = Type.Object({
  id: Type.String(), email: Type.String(), displayName: Type.String(), roles: Type.Array(Type.String()),
  disabled: Type.Boolean(), totpEnabled: Type.Boolean(), lockedUntil: Type.Union([Type.String(), Type.Null()]),
});

export const CreateUserBody = Type.Object({
  email: Email,
  displayName: Text({ minLength: 1, maxLength: 200 }),
  roles: Type.Array(RoleName, { minItems: 1, maxItems: roles.length, uniqueItems: true }),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
}, strict);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object({
  displayName: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
  roles: Type.Optional(Type.Array(RoleName, { minItems: 1, maxItems: roles.length, uniqueItems: true })),
  disabled: Type.Optional(Type.Boolean()),
  unlock: Type.Optional(Type.Literal(true)),
  /** Beyond the contract's minimum: a lost phone. The person sets up a new authenticator at the next sign-in. */
  resetSecondFactor: Type.Optional(Type.Literal(true)),
}, strict);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ApiTokenReply = Type.Object({
  id: Type.String(), name: Type.String(), userEmail: Type.String(), createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]), revokedAt: Type.Union([Type.String(), Type.Null()]),
});

export const CreateApiTokenBody = Type.Object({
  name: Text({ minLength: 1, maxLength: 100 }),
  userId: Type.Optional(Id),
}, strict);
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>;

export const OrganizationReply = Type.Object({
  id: Type.String(), name: Type.String(), retentionDays: Type.Integer(),
  sso: Type.Union([Type.Object({ issuer: Type.String(), clientId: Type.String() }), Type.Null()]),
});

export const RetentionBody = Type.Object({ retentionDays: Type.Integer({ minimum: 1, maximum: 36_500 }) }, strict);
export type RetentionBody = Static<typeof RetentionBody>;

export const SsoConfigBody = Type.Object({
  issuer: Text({ minLength: 8, maxLength: 2048 }),
  clientId: Text({ minLength: 1, maxLength: 512 }),
  clientSecret: Type.String({ minLength: 1, maxLength: 2048 }),
}, strict);
export type SsoConfigBody = Static<typeof SsoConfigBody>;
