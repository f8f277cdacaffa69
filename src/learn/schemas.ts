/**
 * @module Boundary types of the Learn API (TypeBox; every body object refuses unknown members).
 */
import { Type, type Static } from 'typebox';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 100 });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Language = Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' });

export const LanguageQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });
export const CourseParams = Type.Object({ courseId: Slug }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const OwnerQuery = Type.Object({
  userId: Type.Optional(Type.String({ format: 'uuid' })),
  all: Type.Optional(Type.Boolean({ description: 'educators: every learner in the organization' })),
}, { additionalProperties: false });

export const EnrolBody = Type.Object({
  courseId: Slug,
  language: Type.Optional(Language),
  userId: Type.Optional(Type.String({ format: 'uuid', description: 'educators: assign the course to this user' })),
  dueDate: Type.Optional(Day),
}, { additionalProperties: false });
export type EnrolBody = Static<typeof EnrolBody>;

export const StepBody = Type.Union([
  Type.Object({ kind: Type.Literal('lesson'), moduleId: Id, lessonId: Id }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('check'), moduleId: Id, questionId: Id, optionIds: Type.Array(Id, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('case'), caseId: Id, sceneId: Id, choiceId: Id }, { additionalProperties: false }),
]);
export type StepBody = Static<typeof StepBody>;

export const AttemptBody = Type.Object({
  answers: Type.Array(Type.Object({ questionId: Id, optionIds: Type.Array(Id, { maxItems: 20 }) }, { additionalProperties: false }), { maxItems: 200 }),
}, { additionalProperties: false });
export type AttemptBody = Static<typeof AttemptBody>;

export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

export const ProfileBody = Type.Object({
  profession: Slug,
  jurisdiction: Type.String({ pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$', description: 'ISO 3166-2, e.g. US-TX' }),
  facilityId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  licenseRenewalDate: Type.Optional(Type.Union([Day, Type.Null()])),
  licenseIssuedDate: Type.Optional(Type.Union([Day, Type.Null()])),
}, { additionalProperties: false });
export type ProfileBody = Static<typeof ProfileBody>;

export const ComplianceQuery = Type.Object({
  facilityId: Type.Optional(Type.String({ format: 'uuid' })),
  role: Type.Optional(Slug),
  status: Type.Optional(Type.Union([Type.Literal('compliant'), Type.Literal('due-soon'), Type.Literal('overdue'), Type.Literal('not-applicable'), Type.Literal('no-profile')])),
}, { additionalProperties: false });
export type ComplianceQuery = Static<typeof ComplianceQuery>;

export const SeriesQuery = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  facilityId: Type.Optional(Type.String({ format: 'uuid' })),
  role: Type.Optional(Slug),
}, { additionalProperties: false });
export type SeriesQuery = Static<typeof SeriesQuery>;

// Four groups of five Crockford base32 characters (any case, dashes optional): anything else is not a code.
export const VerifyParams = Type.Object({ code: Type.String({ pattern: '^[0-9A-Za-z]{5}(-?[0-9A-Za-z]{5}){3}$' }) }, { additionalProperties: false });
