/**
 * @module Cases as FHIR R4 Task resources: one Task per recommended action, coded with Lantern's
 * response-action CodeSystem and grouped by the case's pseudonym (Task.groupIdentifier), so an EHR
 * or another system can follow the response without seeing anything about the patient.
 */
import { canonical } from '../platform/fhir/canonical.ts';
import type { CaseAction, CaseRecord } from './case-store.ts';
import { actionCoding } from './response-actions.ts';

export const CASE_IDENTIFIER_SYSTEM = canonical.namingSystem('case');

// R4 TaskStatus (http://hl7.org/fhir/task-status): a skipped step was cancelled, a step that does
// not apply was rejected by the team; both carry the reason in statusReason.
const taskStatus: Record<CaseAction['status'], fhir4.Task['status']> = {
  pending: 'requested',
  done: 'completed',
  skipped: 'cancelled',
  'not-applicable': 'rejected',
};

/** The Task for one action of a case. */
export function actionToTask(record: Pick<CaseRecord, 'pseudonym' | 'openedAt' | 'status'>, action: CaseAction): fhir4.Task {
  return {
    resourceType: 'Task',
    id: action.id,
    groupIdentifier: { system: CASE_IDENTIFIER_SYSTEM, value: record.pseudonym },
    status: taskStatus[action.status],
    ...(action.statusReason ? { statusReason: { text: action.statusReason } } : {}),
    intent: 'plan',
    priority: action.code === 'call-security-or-911' ? 'stat' : 'routine',
    code: { coding: [actionCoding(action.code)] },
    description: action.recommendation.reason,
    authoredOn: record.openedAt,
    ...(action.actedAt ? { lastModified: action.actedAt } : { lastModified: record.openedAt }),
  };
}

/** Every Task of a case, in the protocol's order. */
export function caseToTasks(record: CaseRecord): fhir4.Task[] {
  return record.actions.map((action) => actionToTask(record, action));
}
