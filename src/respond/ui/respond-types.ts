/**
 * @module The shapes the Respond pages read from the API: the server's own types, imported as types
 * only (nothing of the server's code reaches the browser bundle).
 */
export type { CaseAction, CaseEvent, CaseNote, CaseRecord, CaseSummary, CaseTask, ActionStatus } from '../case-store.ts';
export type { Handoff } from '../case-handoff.ts';
export type { CodingResult, CodeSuggestion } from '../icd10.ts';
export type { NoteDraft, NoteSection } from '../note-draft.ts';
export type { Protocol, ProtocolStep, StepCondition, ScreenResultCode } from '../protocol.ts';
export type { ActionContact, RecommendedAction } from '../protocol-evaluate.ts';
export type { ProtocolDiff, StepChange } from '../protocol-diff.ts';
export type { ProtocolVersionSummary } from '../protocol-store.ts';
export type { StatisticsRow } from '../statistics.ts';
export type { Jurisdiction, NationalRoute, NationalRoutes, ReportingPhone } from '../jurisdictions.ts';
export type { Assignee } from '../case-assignees.ts';
export type { ResponseAction } from '../response-actions.ts';

/** One test case that failed when publishing was refused (from the 400 answer's `errors`). */
export interface PublishFailure {
  field: string;
  message: string;
}
