/**
 * @module Boundary schemas for CDS Hooks 2.0 requests (§HTTP Request, §Feedback), so a malformed
 * request gets 400 with the field named.
 */
import { Type, type Static } from 'typebox';

const Coding = Type.Object({ system: Type.Optional(Type.String()), code: Type.String(), display: Type.Optional(Type.String()) }, { additionalProperties: true });

export const HookRequest = Type.Object({
  hook: Type.String({ minLength: 1 }),
  hookInstance: Type.String({ minLength: 1, maxLength: 100 }),
  fhirServer: Type.Optional(Type.String({ format: 'uri' })),
  fhirAuthorization: Type.Optional(Type.Object({
    access_token: Type.String({ minLength: 1 }),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer({ minimum: 0 }),
    scope: Type.String(),
    subject: Type.String(),
    patient: Type.Optional(Type.String()),
  }, { additionalProperties: false })),
  context: Type.Object({}, { additionalProperties: true }),
  prefetch: Type.Optional(Type.Object({}, { additionalProperties: true })),
  extension: Type.Optional(Type.Object({}, { additionalProperties: true })),
}, { additionalProperties: false });
export type HookRequest = Static<typeof HookRequest>;

export const FeedbackRequest = Type.Object({
  feedback: Type.Array(Type.Object({
    card: Type.String({ minLength: 1 }),
    outcome: Type.Union([Type.Literal('accepted'), Type.Literal('overridden')]),
    acceptedSuggestions: Type.Optional(Type.Array(Type.Object({ id: Type.String() }, { additionalProperties: false }))),
    overrideReason: Type.Optional(Type.Object({
      reason: Type.Optional(Coding),
      userComment: Type.Optional(Type.String({ maxLength: 2000 })),
    }, { additionalProperties: false })),
    outcomeTimestamp: Type.String({ format: 'date-time' }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
}, { additionalProperties: false });
export type FeedbackRequest = Static<typeof FeedbackRequest>;
