/**
 * @module Several capabilities publish FHIR Tasks under one `/fhir/Task/{id}` route (Respond's case
 * actions, Refer's referrals). The route's owner asks each registered source in turn; a source
 * answers with the Task it holds under that id, or undefined. Sources are keyed by name, so
 * registering again (a second app in the same process) replaces rather than duplicates.
 */
import type { OrgScope } from '../db/scope.ts';

/** Finds a Task by id in the caller's organization, or undefined when the id is not this source's. */
export type TaskSource = (scope: OrgScope, id: string) => Promise<fhir4.Task | undefined>;

const sources = new Map<string, TaskSource>();

/** Adds (or replaces) a named Task source. */
export function registerTaskSource(name: string, source: TaskSource): void {
  sources.set(name, source);
}

/** The Task with this id from the first source that has it, or undefined. */
export async function resolveRegisteredTask(scope: OrgScope, id: string): Promise<fhir4.Task | undefined> {
  for (const source of sources.values()) {
    const task = await source(scope, id);
    if (task) return task;
  }
  return undefined;
}
