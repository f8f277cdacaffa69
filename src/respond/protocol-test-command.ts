/**
 * @module `npx lantern protocol test <cases.yaml> [--protocol <file or id>] [--json]`: reads the files,
 * runs the cases with the real Recognize instruments, and returns the exit code and the report. The
 * CLI wiring only prints `output` and exits with `exitCode` (0 all passed, 1 a case failed, 2 a file
 * could not be used).
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { answerFirstN, evaluateScreen, loadShippedInstruments } from '../recognize/index.ts';
import type { ScreeningEngine } from './case-screening.ts';
import { formatIssues, type ContentIssue } from '../platform/content/document.ts';
import { loadShippedReference } from './jurisdictions.ts';
import { parseProtocolCases, runProtocolCases, type SuiteResult } from './protocol-cases.ts';
import { parseProtocol, shippedProtocolPath, type Protocol } from './protocol.ts';

export interface ProtocolTestArgs {
  casesFile: string;
  /** A protocol id (content/protocols/<id>.yaml) or a file path; defaults to the suite's `protocol`, then "default". */
  protocol?: string;
  json: boolean;
}

/** Runs a protocol test file and returns what the CLI prints and its exit code. */
export async function runProtocolTestCommand(args: ProtocolTestArgs): Promise<{ exitCode: number; output: string }> {
  const casesText = readText(args.casesFile);
  if (casesText === undefined) return usageError(args, args.casesFile, [{ path: '', reason: 'cannot read the file' }]);
  const cases = parseProtocolCases(casesText);
  if (!cases.ok) return usageError(args, args.casesFile, cases.issues);

  // --protocol is relative to where the command runs; a suite's own `protocol:` to the suite file.
  const reference = args.protocol ?? cases.suite.protocol ?? 'default';
  const base = args.protocol ? process.cwd() : dirname(resolve(args.casesFile));
  if (!looksLikePath(reference) && !/^[a-z0-9-]+$/.test(reference)) {
    return usageError(args, reference, [{ path: '', reason: 'not a protocol id (lowercase letters, digits, hyphens) or a .yaml/.json path' }]);
  }
  const protocolPath = looksLikePath(reference) ? (isAbsolute(reference) ? reference : resolve(base, reference)) : shippedProtocolPath(reference);
  const protocolText = readText(protocolPath);
  if (protocolText === undefined) return usageError(args, String(protocolPath), [{ path: '', reason: 'cannot read the protocol' }]);
  const protocol = parseProtocol(protocolText);
  if (!protocol.ok) return usageError(args, String(protocolPath), protocol.issues);

  const result = runProtocolCases(cases.suite, protocol.protocol, loadShippedReference(), shippedScreeningEngine());
  return {
    exitCode: result.failed > 0 ? 1 : 0,
    output: args.json ? JSON.stringify(result, null, 2) : formatSuiteResult(result, protocol.protocol),
  };
}

/** The screening engine backed by Recognize's shipped instruments. */
export function shippedScreeningEngine(): ScreeningEngine {
  return { instruments: loadShippedInstruments(), answerFirstN, evaluateScreen };
}

/** A plain-text report: one line per case, the failed expectations under it, and a summary line CI can read. */
export function formatSuiteResult(result: SuiteResult, protocol: Pick<Protocol, 'id' | 'version'>): string {
  const lines = [`Protocol ${protocol.id} ${protocol.version}: ${result.total} cases`];
  for (const c of result.cases) {
    lines.push(`${c.passed ? 'PASS' : 'FAIL'}  ${c.name}`);
    for (const failure of c.failures) lines.push(`      - ${failure}`);
  }
  lines.push(`${result.passed} passed, ${result.failed} failed`);
  return lines.join('\n');
}

function usageError(args: ProtocolTestArgs, source: string, issues: ContentIssue[]): { exitCode: number; output: string } {
  const output = args.json
    ? JSON.stringify({ error: `${source} is invalid`, source, issues }, null, 2)
    : `${source} is invalid:\n${formatIssues(issues)}`;
  return { exitCode: 2, output };
}

function readText(path: string | URL): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function looksLikePath(reference: string): boolean {
  return /[\\/]/.test(reference) || /\.(ya?ml|json)$/i.test(reference);
}
