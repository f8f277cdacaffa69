/**
 * @module Boundary types of the referral routes (TypeBox): every body closed to unknown fields.
 */
import { Type } from 'typebox';
import { shareableFields } from './referral-model.ts';

const Id = Type.String({ pattern: '^[A-Za-z0-9\\-]{1,64}$' });
const ShareableField = Type.Union(shareableFields.map((f) => Type.Literal(f)));

export const IdParams = Type.Object({ id: Id });
export const CaseParams = Type.Object({ caseId: Id });

export const CreateReferralBody = Type.Object({
  serviceId: Type.String({ minLength: 1, maxLength: 200 }),
  consent: Type.Object({
    fields: Type.Array(ShareableField, { maxItems: shareableFields.length, uniqueItems: true }),
    partnerOrganizationId: Type.Union([Id, Type.Null()]),
    until: Type.String({ format: 'date-time' }),
  }, { additionalProperties: false }),
  shared: Type.Object({
    firstName: Type.Optional(Type.String({ maxLength: 100 })),
    initials: Type.Optional(Type.String({ maxLength: 10 })),
    preferredLanguage: Type.Optional(Type.String({ maxLength: 50 })),
    callbackNumber: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+()\\-. ]*$' })),
    needs: Type.Optional(Type.String({ maxLength: 1000 })),
  }, { additionalProperties: false }),
}, { additionalProperties: false });

export const AddPartnerBody = Type.Object({ organizationId: Id, name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const CancelBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

export const LinkBody = Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })) }, { additionalProperties: false });

export const AnswerBody = Type.Object({
  status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('completed')]),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

export const NotificationsQuery = Type.Object({ unread: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const HandoutQuery = Type.Object({
  service: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 6 }),
  language: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })),
}, { additionalProperties: false });

/** The header a signed partner link travels in (never the URL path, which lands in logs). */
export const LINK_HEADER = 'x-referral-link';
