/**
 * @module Pure edits of a protocol draft for the structured editor: move, remove and add steps, and
 * tidy the document before it is published (blank source lines dropped).
 */
import type { Protocol, ProtocolStep } from './respond-types.ts';

/** Moves the step at `index` by one place; out-of-range moves change nothing. */
export function moveStep(protocol: Protocol, index: number, by: -1 | 1): Protocol {
  const target = index + by;
  if (index < 0 || index >= protocol.steps.length || target < 0 || target >= protocol.steps.length) return protocol;
  const steps = [...protocol.steps];
  [steps[index], steps[target]] = [steps[target]!, steps[index]!];
  return { ...protocol, steps };
}

/** Removes the step at `index`. */
export function removeStep(protocol: Protocol, index: number): Protocol {
  return { ...protocol, steps: protocol.steps.filter((_, i) => i !== index) };
}

/** Adds a new follow-up step at the end, with an id no other step has. */
export function addStep(protocol: Protocol): Protocol {
  const ids = new Set(protocol.steps.map((s) => s.id));
  let n = protocol.steps.length + 1;
  while (ids.has(`new-step-${n}`)) n += 1;
  const step: ProtocolStep = { id: `new-step-${n}`, action: 'follow-up', reason: '', sources: [] };
  return { ...protocol, steps: [...protocol.steps, step] };
}

/** Replaces the step at `index`. */
export function replaceStep(protocol: Protocol, index: number, step: ProtocolStep): Protocol {
  return { ...protocol, steps: protocol.steps.map((s, i) => (i === index ? step : s)) };
}

/** The document to publish: trimmed source lines without blanks. */
export function tidyProtocol(protocol: Protocol): Protocol {
  return { ...protocol, steps: protocol.steps.map((s) => ({ ...s, sources: s.sources.map((x) => x.trim()).filter(Boolean) })) };
}

/** The next patch version (1.2.3 → 1.2.4); other forms get "-1" appended. */
export function nextVersion(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return match ? `${match[1]}.${match[2]}.${Number(match[3]) + 1}` : `${version}-1`;
}
