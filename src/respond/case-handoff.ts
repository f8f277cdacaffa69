/**
 * @module The handoff summary: what the next team member needs to continue a case, and nothing
 * more. No notes unless the sender picks them, never a sensitive note, no free-text reasons.
 */
import type { CaseRecord } from './case-store.ts';

export interface Handoff {
  pseudonym: string;
  openedAt: string;
  status: CaseRecord['status'];
  screen: string;
  ageYears?: number;
  jurisdiction?: string;
  actions: { code: string; status: string; contact?: unknown }[];
  openTasks: { title: string; dueDate: string }[];
  notes: { createdAt: string; body: string }[];
}

/** Builds the handoff from a case; `noteIds` are the non-sensitive notes the sender chose to include. */
export function buildHandoff(record: CaseRecord, noteIds: readonly string[] = []): Handoff {
  return {
    pseudonym: record.pseudonym,
    openedAt: record.openedAt,
    status: record.status,
    screen: record.context.screen,
    ...(record.context.ageYears !== undefined ? { ageYears: record.context.ageYears } : {}),
    ...(record.context.jurisdiction ? { jurisdiction: record.context.jurisdiction } : {}),
    actions: record.actions.map((a) => ({ code: a.code, status: a.status, ...(a.recommendation.contact ? { contact: a.recommendation.contact } : {}) })),
    openTasks: record.tasks.filter((t) => t.status === 'open').map((t) => ({ title: t.title, dueDate: t.dueDate })),
    notes: record.notes.filter((n) => !n.sensitive && noteIds.includes(n.id)).map((n) => ({ createdAt: n.createdAt, body: n.body })),
  };
}
