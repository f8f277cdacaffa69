/**
 * @module A facility's response protocol as data: the document's types, loading and validation
 * against content/protocols/protocol.schema.json, and (re-exported) its evaluation. A protocol is
 * YAML or JSON, so program leads can read, diff and edit it; every problem is reported with its
 * path, line and reason.
 */
import { readFileSync } from 'node:fs';
import { LanternError } from '../platform/http/errors.ts';
import { formatIssues, parseContentDocument, validateContent, type ContentIssue } from '../platform/content/document.ts';
import type { ResponseAction } from './response-actions.ts';

export { evaluateProtocol, localizeReason } from './protocol-evaluate.ts';
export type { EncounterContext, RecommendedAction, ActionContact } from './protocol-evaluate.ts';

export type ScreenResultCode = 'negative' | 'positive' | 'declined' | 'not-safe-to-screen' | 'not-screened';
export type FindingStatus = 'suspected' | 'confirmed' | 'ruled-out' | 'history';
export type FindingType = 'sex' | 'labor' | 'both';
export type ContactKind = 'child-protection' | 'human-trafficking-hotline' | 'cybertipline' | 'emergency';

/** A condition on the encounter; every property given must hold (see protocol.schema.json). */
export interface StepCondition {
  all?: StepCondition[];
  any?: StepCondition[];
  not?: StepCondition;
  age?: { lt?: number; lte?: number; gt?: number; gte?: number };
  ageKnown?: boolean;
  minor?: boolean;
  screen?: ScreenResultCode[];
  privacyGatePassed?: boolean;
  indicatorsPresent?: boolean;
  alone?: boolean;
  interpreterNeeded?: boolean;
  interpreterAvailable?: boolean;
  safeToTalk?: boolean;
  immediateDanger?: boolean;
  wantsHelp?: boolean;
  consentsToReferral?: boolean;
  consentsToLawEnforcement?: boolean;
  jurisdiction?: string[];
  jurisdictionRequiresAdultReport?: boolean;
  setting?: string[];
  findingStatus?: (FindingStatus | 'none')[];
  findingType?: FindingType[];
}

export interface ProtocolStep {
  id: string;
  action: ResponseAction;
  when?: StepCondition;
  reason: string;
  /** The reason in other languages, keyed by language tag (e.g. es). */
  translations?: Record<string, { reason: string }>;
  contact?: ContactKind;
  sources: string[];
}

export interface Protocol {
  id: string;
  version: string;
  title: string;
  status: 'draft' | 'active' | 'retired';
  date: string;
  publisher?: string;
  description?: string;
  settings: { suggestClaimCodesForSuspected: boolean; adultAgeYears: number };
  steps: ProtocolStep[];
}

export type ProtocolParse = { ok: true; protocol: Protocol } | { ok: false; issues: ContentIssue[] };

const protocolsDir = new URL('../../content/protocols/', import.meta.url);

/** The published JSON Schema of a protocol document. */
export const protocolSchema: object = JSON.parse(readFileSync(new URL('protocol.schema.json', protocolsDir), 'utf8')) as object;

/**
 * Thrown when a protocol cannot be used; `issues` lists each problem with path, line and reason. It is
 * an INVALID LanternError (400) naming the first bad field, so a route can let it through; pass
 * `toProblemErrors(error.issues)` to `toProblem` to return every issue.
 */
export class ProtocolError extends LanternError {
  constructor(
    readonly source: string,
    readonly issues: ContentIssue[],
  ) {
    super('INVALID', `${source} is not a valid protocol:\n${formatIssues(issues)}`, issues[0]?.path || undefined);
    this.name = 'ProtocolError';
  }
}

/** Parses protocol text (YAML or JSON) and validates it; never throws on bad input. */
export function parseProtocol(text: string): ProtocolParse {
  const parsed = parseContentDocument<Protocol>(text, protocolSchema, checkProtocolRules);
  return parsed.ok ? { ok: true, protocol: parsed.value } : parsed;
}

/** Validates an already-parsed protocol (e.g. from the structured editor's request body). */
export function validateProtocol(value: unknown): ProtocolParse {
  const checked = validateContent<Protocol>(value, protocolSchema);
  if (!checked.ok) return checked;
  const issues = checkProtocolRules(checked.value);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, protocol: checked.value };
}

/** Reads and validates a protocol file, throwing a ProtocolError that lists every issue. */
export function loadProtocolFile(path: string | URL): Protocol {
  const parsed = parseProtocol(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new ProtocolError(String(path), parsed.issues);
  return parsed.protocol;
}

/** The path of a shipped protocol by id (content/protocols/<id>.yaml). */
export function shippedProtocolPath(id = 'default'): URL {
  if (!/^[a-z0-9-]+$/.test(id)) throw new ProtocolError(id, [{ path: '', reason: 'a protocol id is lowercase letters, digits and hyphens' }]);
  return new URL(`${id}.yaml`, protocolsDir);
}

/** Loads Lantern's default protocol (content/protocols/default.yaml). */
export function loadDefaultProtocol(): Protocol {
  return loadProtocolFile(shippedProtocolPath('default'));
}

// Rules the schema cannot express: step ids are unique (cases and audit entries refer to them),
// and a child-protection contact only makes sense on a step that reports to child protection.
function checkProtocolRules(protocol: Protocol): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const seen = new Set<string>();
  protocol.steps.forEach((step, i) => {
    if (seen.has(step.id)) issues.push({ path: `/steps/${i}/id`, reason: `duplicate step id "${step.id}"` });
    seen.add(step.id);
    if (step.contact === 'child-protection' && step.action !== 'report-child-protection') {
      issues.push({ path: `/steps/${i}/contact`, reason: 'the child-protection contact belongs on a report-child-protection step' });
    }
  });
  return issues;
}
