/**
 * @module Protocol test cases: the YAML format (content/protocols/protocol-cases.schema.json), its
 * validation, and running each case through the privacy gate and screening (Recognize), the protocol
 * and coding, reporting which expectation failed. The same runner backs `npx lantern protocol test`
 * and the check that a protocol's own cases pass before it is published.
 */
import { readFileSync } from 'node:fs';
import { compileSchema, parseContentDocument, type ContentIssue } from '../platform/content/document.ts';
import { resolveCaseIndicators, resolveCaseScreen, type CaseIndicators, type CaseScreen, type ScreeningEngine } from './case-screening.ts';
import { suggestCodes, type Finding } from './icd10.ts';
import { jurisdictionsSchema, withJurisdictions, type Jurisdiction, type RespondReference } from './jurisdictions.ts';
import { evaluateProtocol, type EncounterContext, type RecommendedAction } from './protocol-evaluate.ts';
import type { Protocol, ScreenResultCode } from './protocol.ts';
import { isResponseAction, type ResponseAction } from './response-actions.ts';

export { runProtocolTestCommand } from './protocol-test-command.ts';

export interface ProtocolCase {
  name: string;
  patient?: { ageYears?: number };
  encounter: {
    setting?: string;
    jurisdiction?: string;
    alone: boolean;
    interpreterNeeded?: boolean;
    interpreterAvailable?: boolean;
    confidentialityExplained?: boolean;
    safeToTalk: boolean;
    immediateDanger?: boolean;
    indicatorsPresent?: boolean;
  };
  screen?: CaseScreen;
  /** The indicator checklist instead of encounter.indicatorsPresent: N indicators observed. */
  indicators?: CaseIndicators;
  choices?: EncounterContext['choices'];
  finding?: Finding;
  facility?: { suggestClaimCodesForSuspected?: boolean };
  expect: {
    screen?: ScreenResultCode;
    actions?: string[];
    notActions?: string[];
    steps?: string[];
    order?: string[];
    codes?: string[];
    withheldCodes?: string[];
    childProtection?: { jurisdiction?: string; isFallback?: boolean; needsLocalLookup?: boolean };
  };
}

export interface ProtocolCaseSuite {
  protocol?: string;
  jurisdictions?: Jurisdiction[];
  cases: ProtocolCase[];
}

export interface CaseResult {
  name: string;
  passed: boolean;
  /** One line per failed expectation, naming it. */
  failures: string[];
  /** What the case produced; `steps` are the protocol step ids that applied. */
  actual: { screen?: ScreenResultCode; actions: ResponseAction[]; steps: string[]; codes: string[]; withheldCodes: string[] };
}

export interface SuiteResult {
  protocol: { id: string; version: string };
  total: number;
  passed: number;
  failed: number;
  cases: CaseResult[];
}

/** The published JSON Schema of a protocol test case file. */
export const protocolCasesSchema = JSON.parse(
  readFileSync(new URL('../../content/protocols/protocol-cases.schema.json', import.meta.url), 'utf8'),
) as object;

/** Parses and validates a cases document (YAML or JSON); every issue has a path, line and reason. */
export function parseProtocolCases(text: string): { ok: true; suite: ProtocolCaseSuite } | { ok: false; issues: ContentIssue[] } {
  // The cases schema refers to the jurisdiction schema by $id, so that one must be registered first.
  compileSchema(jurisdictionsSchema);
  const parsed = parseContentDocument<ProtocolCaseSuite>(text, protocolCasesSchema, checkCaseRules);
  return parsed.ok ? { ok: true, suite: parsed.value } : parsed;
}

/** Runs every case of a suite against a protocol; pure apart from what the screening engine does. */
export function runProtocolCases(
  suite: ProtocolCaseSuite,
  protocol: Protocol,
  reference: RespondReference,
  engine: ScreeningEngine,
): SuiteResult {
  const data = suite.jurisdictions
    ? { ...reference, jurisdictions: withJurisdictions(reference.jurisdictions, suite.jurisdictions) }
    : reference;
  const cases = suite.cases.map((c) => runCase(c, protocol, data, engine));
  const passed = cases.filter((c) => c.passed).length;
  return { protocol: { id: protocol.id, version: protocol.version }, total: cases.length, passed, failed: cases.length - passed, cases };
}

function runCase(testCase: ProtocolCase, protocol: Protocol, reference: RespondReference, engine: ScreeningEngine): CaseResult {
  // The case format's documented defaults: no interpreter needed unless said, and the limits of
  // confidentiality explained (explaining them is itself a protocol step).
  const encounter = { interpreterNeeded: false, confidentialityExplained: true, ...testCase.encounter };
  const screen = resolveCaseScreen(testCase.screen, encounter, engine);
  if (!screen.ok) return failedCase(testCase.name, screen.error);
  const indicators = testCase.indicators ? resolveCaseIndicators(testCase.indicators, engine) : undefined;
  if (indicators && !indicators.ok) return failedCase(testCase.name, indicators.error, screen.result);
  const context: EncounterContext = {
    ...encounter,
    ...(indicators ? { indicatorsPresent: indicators.present } : {}),
    ageYears: testCase.patient?.ageYears,
    screen: screen.result,
    choices: testCase.choices,
    finding: testCase.finding ? { status: testCase.finding.status, type: testCase.finding.type } : undefined,
  };
  const actions = evaluateProtocol(protocol, context, reference);
  const coding =
    testCase.finding && actions.some((a) => a.code === 'suggest-codes')
      ? suggestCodes({
          finding: testCase.finding,
          ageYears: testCase.patient?.ageYears,
          adultAgeYears: protocol.settings.adultAgeYears,
          suggestClaimCodesForSuspected: testCase.facility?.suggestClaimCodesForSuspected ?? protocol.settings.suggestClaimCodesForSuspected,
        })
      : { codes: [], withheld: [] };
  const actual = {
    screen: screen.result,
    actions: actions.map((a) => a.code),
    steps: actions.map((a) => a.stepId),
    codes: coding.codes.map((c) => c.code),
    withheldCodes: coding.withheld,
  };
  const failures = checkExpectations(testCase.expect, actual, actions);
  return { name: testCase.name, passed: failures.length === 0, failures, actual };
}

// A case that could not run (unknown instrument, impossible answers) fails with the reason.
function failedCase(name: string, error: string, screen?: ScreenResultCode): CaseResult {
  return { name, passed: false, failures: [error], actual: { ...(screen ? { screen } : {}), actions: [], steps: [], codes: [], withheldCodes: [] } };
}

function checkExpectations(expect: ProtocolCase['expect'], actual: CaseResult['actual'], actions: RecommendedAction[]): string[] {
  const failures: string[] = [];
  const got = actual.actions as string[];
  if (expect.screen !== undefined && expect.screen !== actual.screen) {
    failures.push(`screen: expected ${expect.screen}, got ${actual.screen}`);
  }
  for (const code of expect.actions ?? []) {
    if (!got.includes(code)) failures.push(`actions: expected ${code}, which was not recommended (got ${list(got)})`);
  }
  for (const code of expect.notActions ?? []) {
    const found = actions.find((a) => a.code === code);
    if (found) failures.push(`notActions: ${code} was recommended by step "${found.stepId}" but must not be`);
  }
  for (const stepId of expect.steps ?? []) {
    if (!actions.some((a) => a.stepId === stepId)) {
      failures.push(`steps: expected step "${stepId}" to apply (applied: ${list(actions.map((a) => a.stepId))})`);
    }
  }
  if (expect.order) {
    const positions = expect.order.map((code) => got.indexOf(code));
    const inOrder = positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] ?? -1)));
    if (!inOrder) failures.push(`order: expected ${list(expect.order)} in that order, got ${list(got)}`);
  }
  if (expect.codes && !sameSet(expect.codes, actual.codes)) {
    failures.push(`codes: expected exactly ${list(expect.codes)}, got ${list(actual.codes)}`);
  }
  if (expect.withheldCodes && !sameSet(expect.withheldCodes, actual.withheldCodes)) {
    failures.push(`withheldCodes: expected exactly ${list(expect.withheldCodes)}, got ${list(actual.withheldCodes)}`);
  }
  if (expect.childProtection) failures.push(...checkChildProtection(expect.childProtection, actions));
  return failures;
}

function checkChildProtection(expected: NonNullable<ProtocolCase['expect']['childProtection']>, actions: RecommendedAction[]): string[] {
  const contact = actions.find((a) => a.code === 'report-child-protection')?.contact;
  if (contact?.kind !== 'child-protection') return ['childProtection: no report-child-protection action with a contact was recommended'];
  const failures: string[] = [];
  if (expected.jurisdiction !== undefined && expected.jurisdiction !== contact.jurisdiction.code) {
    failures.push(`childProtection.jurisdiction: expected ${expected.jurisdiction}, got ${contact.jurisdiction.code}`);
  }
  if (expected.isFallback !== undefined && expected.isFallback !== contact.isFallback) {
    failures.push(`childProtection.isFallback: expected ${expected.isFallback}, got ${contact.isFallback}`);
  }
  if (expected.needsLocalLookup !== undefined && expected.needsLocalLookup !== contact.needsLocalLookup) {
    failures.push(`childProtection.needsLocalLookup: expected ${expected.needsLocalLookup}, got ${contact.needsLocalLookup}`);
  }
  return failures;
}

// Rules the schema leaves to code: action names must be real codes (a typo in notActions would
// otherwise pass silently), names unique (reports refer to cases by name), and exactly one way to screen.
function checkCaseRules(suite: ProtocolCaseSuite): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const names = new Set<string>();
  suite.cases.forEach((c, i) => {
    const at = `/cases/${i}`;
    if (names.has(c.name)) issues.push({ path: `${at}/name`, reason: `duplicate case name "${c.name}"` });
    names.add(c.name);
    for (const key of ['actions', 'notActions', 'order'] as const) {
      (c.expect[key] ?? []).forEach((code, j) => {
        if (!isResponseAction(code)) issues.push({ path: `${at}/expect/${key}/${j}`, reason: `"${code}" is not a response action code` });
      });
    }
    if (c.indicators && c.encounter.indicatorsPresent !== undefined) {
      issues.push({ path: `${at}/indicators`, reason: 'give either indicators or encounter.indicatorsPresent, not both' });
    }
    if (c.screen) {
      const ways = [c.screen.positiveAnswers !== undefined, c.screen.declined === true, c.screen.questionnaireResponse !== undefined];
      if (ways.filter(Boolean).length !== 1) {
        issues.push({ path: `${at}/screen`, reason: 'give exactly one of positiveAnswers, declined: true or questionnaireResponse' });
      }
      if (!c.screen.instrument && !c.screen.questionnaireResponse) {
        issues.push({ path: `${at}/screen`, reason: 'missing required property "instrument"' });
      }
    }
  });
  return issues;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function list(values: string[]): string {
  return values.length === 0 ? '(none)' : values.join(', ');
}
