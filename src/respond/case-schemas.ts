/**
 * @module Boundary schemas for the case API: each gives the handler's type, the validation and the
 * OpenAPI description at once.
 */
import { Type, type Static } from 'typebox';
import { SCREENING_SETTINGS } from '../recognize/index.ts';

const Id = Type.String({ format: 'uuid' });
const Bool = Type.Boolean();

export const EncounterContextBody = Type.Object({
  ageYears: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
  screen: Type.Union([Type.Literal('negative'), Type.Literal('positive'), Type.Literal('declined'), Type.Literal('not-safe-to-screen'), Type.Literal('not-screened')]),
  indicatorsPresent: Type.Optional(Bool),
  alone: Type.Optional(Bool),
  interpreterNeeded: Type.Optional(Bool),
  interpreterAvailable: Type.Optional(Bool),
  confidentialityExplained: Type.Optional(Bool),
  safeToTalk: Type.Optional(Bool),
  immediateDanger: Type.Optional(Bool),
  choices: Type.Optional(Type.Object({
    wantsHelp: Type.Optional(Bool),
    consentsToReferral: Type.Optional(Bool),
    consentsToLawEnforcement: Type.Optional(Bool),
  }, { additionalProperties: false })),
  jurisdiction: Type.Optional(Type.String({ pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$' })),
  setting: Type.Optional(Type.Union(SCREENING_SETTINGS.map((s) => Type.Literal(s)))),
  finding: Type.Optional(Type.Object({
    status: Type.Union([Type.Literal('suspected'), Type.Literal('confirmed'), Type.Literal('ruled-out'), Type.Literal('history')]),
    type: Type.Optional(Type.Union([Type.Literal('sex'), Type.Literal('labor'), Type.Literal('both')])),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export const OpenCaseBody = Type.Object({
  source: Type.Union([Type.Literal('screen'), Type.Literal('indicators'), Type.Literal('clinician')]),
  screeningId: Type.Optional(Id),
  facilityId: Type.Optional(Id),
  /** The EHR patient the case is about (from a SMART launch); stored encrypted, never listed. */
  ehrPatient: Type.Optional(Type.Object({
    iss: Type.String({ format: 'uri', maxLength: 500 }),
    patientId: Type.String({ minLength: 1, maxLength: 200 }),
  }, { additionalProperties: false })),
  context: EncounterContextBody,
}, { additionalProperties: false });
export type OpenCaseBody = Static<typeof OpenCaseBody>;

export const CaseParams = Type.Object({ id: Id }, { additionalProperties: false });
export const CaseActionParams = Type.Object({ id: Id, actionId: Id }, { additionalProperties: false });
export const CaseTaskParams = Type.Object({ id: Id, taskId: Id }, { additionalProperties: false });

export const ListCasesQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
}, { additionalProperties: false });

export const ActionStatusBody = Type.Object({
  status: Type.Union([Type.Literal('done'), Type.Literal('skipped'), Type.Literal('not-applicable')]),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });

export const AddTaskBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 500 }),
  assigneeId: Id,
  dueDate: Type.String({ format: 'date' }),
}, { additionalProperties: false });

export const AddNoteBody = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 20_000 }),
  sensitive: Bool,
}, { additionalProperties: false });

export const DocumentationBody = Type.Object({
  finding: Type.Object({
    status: Type.Union([Type.Literal('suspected'), Type.Literal('confirmed'), Type.Literal('ruled-out'), Type.Literal('history')]),
    type: Type.Optional(Type.Union([Type.Literal('sex'), Type.Literal('labor'), Type.Literal('both')])),
    encounterType: Type.Optional(Type.Union([Type.Literal('initial'), Type.Literal('subsequent'), Type.Literal('sequela')])),
    historyInChildhood: Type.Optional(Bool),
    multiplePerpetrators: Type.Optional(Bool),
  }, { additionalProperties: false }),
  objectiveFindings: Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 50 }),
}, { additionalProperties: false });
