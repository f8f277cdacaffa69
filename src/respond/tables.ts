/**
 * @module Respond's tables, added to the platform's `Database` type (see platform/db/schema.ts).
 */
import type { Bool } from '../platform/db/schema.ts';

export interface RespondCaseTable {
  id: string;
  organization_id: string;
  facility_id: string | null;
  /** A short code people can say aloud (e.g. `C-7F3K2Q9M`); never derived from the patient. */
  pseudonym: string;
  status: 'open' | 'closed';
  source: 'screen' | 'indicators' | 'ehr' | 'clinician';
  screening_id: string | null;
  /** Sealed JSON: the encounter context the protocol was evaluated with. */
  context: string;
  /** Sealed EHR patient reference, when the case was opened from an EHR launch. */
  ehr_patient: string | null;
  protocol_id: string;
  protocol_version: string;
  opened_by: string;
  opened_at: string;
  /** The latest change to the case or anything in it: retention dates the case by it. */
  last_activity_at: string;
  closed_at: string | null;
}

export interface RespondCaseActionTable {
  id: string;
  organization_id: string;
  case_id: string;
  position: number;
  /** Response-action code (content/respond/response-actions.codesystem.json). */
  code: string;
  step_id: string;
  /** JSON: the protocol's reason, sources and contact for this action (no patient data). */
  recommendation: string;
  status: 'pending' | 'done' | 'skipped' | 'not-applicable';
  /** Sealed: why an action was skipped or not applicable. */
  status_reason: string | null;
  acted_by: string | null;
  acted_at: string | null;
  updated_at: string;
}

export interface RespondCaseTaskTable {
  id: string;
  organization_id: string;
  case_id: string;
  /** Sealed. */
  title: string;
  assignee_id: string;
  due_date: string;
  status: 'open' | 'done';
  created_by: string;
  created_at: string;
  completed_at: string | null;
}

export interface RespondCaseNoteTable {
  id: string;
  organization_id: string;
  case_id: string;
  author_id: string;
  /** Sealed. */
  body: string;
  /** 1 for a sensitive note, kept out of patient-visible records and handoffs by default. */
  sensitive: Bool;
  created_at: string;
}

export interface RespondCaseEventTable {
  id: string;
  organization_id: string;
  case_id: string;
  at: string;
  actor_id: string | null;
  /** e.g. `opened`, `action-done`, `action-skipped`, `task-added`, `note-added`, `referral-accepted`, `closed`. */
  kind: string;
  /** Sealed JSON with what the event needs to be shown. */
  detail: string;
}

/** A published version of a facility's protocol. Protocols are policy, not patient data. */
export interface RespondProtocolVersionTable {
  id: string;
  organization_id: string;
  protocol_id: string;
  version: string;
  /** JSON: the protocol document as published. */
  document: string;
  /** JSON: the protocol's own test cases, which passed when it was published. */
  cases: string;
  published_by: string;
  published_at: string;
}

/** An organization's edited copy of one jurisdiction's data. */
export interface RespondJurisdictionOverrideTable {
  organization_id: string;
  /** ISO 3166-2 code, e.g. US-TX. */
  code: string;
  /** JSON: a whole jurisdiction entry, valid against content/jurisdictions/jurisdictions.schema.json. */
  document: string;
  updated_by: string;
  updated_at: string;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    respond_jurisdiction_override: RespondJurisdictionOverrideTable;
    respond_protocol_version: RespondProtocolVersionTable;
    respond_case: RespondCaseTable;
    respond_case_action: RespondCaseActionTable;
    respond_case_task: RespondCaseTaskTable;
    respond_case_note: RespondCaseNoteTable;
    respond_case_event: RespondCaseEventTable;
  }
}
