/**
 * @module What changed between two protocol versions, step by step, so a program lead reviewing a
 * new version sees exactly which recommendations differ.
 */
import type { Protocol, ProtocolStep } from './protocol.ts';

export interface StepChange {
  stepId: string;
  /** Top-level fields of the step that differ (`when`, `reason`, `action`, `contact`, `sources`). */
  fields: string[];
  before: ProtocolStep;
  after: ProtocolStep;
}

export interface ProtocolDiff {
  added: ProtocolStep[];
  removed: ProtocolStep[];
  changed: StepChange[];
  /** Step ids whose order changed (present in both, at a different relative position). */
  reordered: string[];
  settings: { field: string; before: unknown; after: unknown }[];
}

// Key order inside a YAML mapping is not meaningful; compare canonical JSON.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Compares two protocol versions. */
export function diffProtocols(before: Protocol, after: Protocol): ProtocolDiff {
  const beforeById = new Map(before.steps.map((s) => [s.id, s]));
  const afterById = new Map(after.steps.map((s) => [s.id, s]));
  const added = after.steps.filter((s) => !beforeById.has(s.id));
  const removed = before.steps.filter((s) => !afterById.has(s.id));
  const changed: StepChange[] = [];
  for (const step of after.steps) {
    const old = beforeById.get(step.id);
    if (!old) continue;
    const keys = new Set([...Object.keys(old), ...Object.keys(step)]);
    const fields = [...keys].filter((k) => canonical((old as unknown as Record<string, unknown>)[k]) !== canonical((step as unknown as Record<string, unknown>)[k]));
    if (fields.length > 0) changed.push({ stepId: step.id, fields: fields.sort(), before: old, after: step });
  }
  const commonBefore = before.steps.map((s) => s.id).filter((id) => afterById.has(id));
  const commonAfter = after.steps.map((s) => s.id).filter((id) => beforeById.has(id));
  const reordered = commonAfter.filter((id, i) => commonBefore[i] !== id);
  const settings = (Object.keys({ ...before.settings, ...after.settings }) as (keyof Protocol['settings'])[])
    .filter((k) => canonical(before.settings[k]) !== canonical(after.settings[k]))
    .map((field) => ({ field, before: before.settings[field], after: after.settings[field] }));
  return { added, removed, changed, reordered, settings };
}
