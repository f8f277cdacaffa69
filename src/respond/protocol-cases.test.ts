import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadShippedReference } from './jurisdictions.ts';
import { parseProtocolCases, runProtocolCases, runProtocolTestCommand, type ProtocolCase, type ProtocolCaseSuite } from './protocol-cases.ts';
import { shippedScreeningEngine } from './protocol-test-command.ts';
import { loadDefaultProtocol } from './protocol.ts';

const shippedCasesFile = new URL('../../content/protocols/default.cases.yaml', import.meta.url);
const shippedText = readFileSync(shippedCasesFile, 'utf8');
const reference = loadShippedReference();
const engine = shippedScreeningEngine();
const protocol = loadDefaultProtocol();

function shippedSuite(): ProtocolCaseSuite {
  const parsed = parseProtocolCases(shippedText);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.suite;
}

const texasTeen: ProtocolCase = {
  name: 'texas teen',
  patient: { ageYears: 16 },
  encounter: { setting: 'emergency', jurisdiction: 'US-TX', alone: true, interpreterNeeded: false, safeToTalk: true, immediateDanger: false },
  screen: { instrument: 'lantern-youth-screen', positiveAnswers: 2 },
  finding: { status: 'suspected', type: 'sex', encounterType: 'initial' },
  expect: { screen: 'positive' },
};

const runOne = (c: ProtocolCase) => runProtocolCases({ cases: [c] }, protocol, reference, engine).cases[0];

describe('the shipped default protocol suite', () => {
  const result = runProtocolCases(shippedSuite(), protocol, reference, engine);

  test('runs at least 40 cases with the real Recognize instruments, and every case passes', () => {
    expect(result.total).toBeGreaterThanOrEqual(40);
    expect(result.cases.filter((c) => !c.passed).map((c) => ({ name: c.name, failures: c.failures }))).toEqual([]);
    expect(result.failed).toBe(0);
  });

  test('covers every step of the default protocol, and every conditional step both ways', () => {
    const applied = (stepId: string) => result.cases.filter((c) => c.actual.steps.includes(stepId)).length;
    for (const step of protocol.steps) {
      expect(applied(step.id), `${step.id} applies in some case`).toBeGreaterThan(0);
      if (step.when) expect(applied(step.id), `${step.id} is absent in some case`).toBeLessThan(result.total);
    }
  });

  test('covers every screen result and every code family', () => {
    const screens = new Set(result.cases.map((c) => c.actual.screen));
    expect([...screens].sort()).toEqual(['declined', 'negative', 'not-safe-to-screen', 'not-screened', 'positive']);
    const codes = new Set(result.cases.flatMap((c) => c.actual.codes.map((code) => code.slice(0, 6))));
    for (const family of ['T74.51', 'T74.52', 'T74.61', 'T74.62', 'T76.51', 'T76.52', 'T76.61', 'T76.62', 'Z04.81', 'Z04.82', 'Z91.42', 'Z62.81', 'Y07.6']) {
      expect(codes, family).toContain(family);
    }
  });
});

describe('running cases', () => {
  test('the issue\'s example case passes as written', () => {
    const result = runOne({
      ...texasTeen,
      choices: { wantsHelp: true, consentsToReferral: true, consentsToLawEnforcement: false },
      expect: { screen: 'positive', actions: ['report-child-protection', 'offer-hotline'], notActions: ['law-enforcement-with-consent'], codes: ['T76.52XA'] },
    });
    expect(result).toMatchObject({ passed: true, failures: [] });
  });

  test('each wrong expectation is reported as a failure naming it', () => {
    const result = runOne({
      ...texasTeen,
      expect: {
        screen: 'negative',
        actions: ['law-enforcement-with-consent'],
        notActions: ['report-child-protection'],
        order: ['offer-hotline', 'ensure-privacy'],
        codes: ['T76.51XA'],
        steps: ['immediate-danger'],
        childProtection: { needsLocalLookup: true },
      },
    });
    expect(result?.passed).toBe(false);
    expect(result?.failures).toEqual([
      'screen: expected negative, got positive',
      expect.stringMatching(/^actions: expected law-enforcement-with-consent, which was not recommended/),
      'notActions: report-child-protection was recommended by step "report-minor" but must not be',
      expect.stringMatching(/^steps: expected step "immediate-danger" to apply/),
      expect.stringMatching(/^order: expected offer-hotline, ensure-privacy in that order/),
      'codes: expected exactly T76.51XA, got T76.52XA',
      'childProtection.needsLocalLookup: expected true, got false',
    ]);
  });

  test('the privacy gate makes any answers not-safe-to-screen', () => {
    const result = runOne({ ...texasTeen, screen: { instrument: 'lantern-youth-screen', positiveAnswers: 6 }, encounter: { ...texasTeen.encounter, alone: false } });
    expect(result?.actual.screen).toBe('not-safe-to-screen');
    expect(result?.actual.actions).toContain('defer-screening');
  });

  test('an unknown instrument, or more yes answers than items, fails that case only', () => {
    const suite: ProtocolCaseSuite = {
      cases: [
        { ...texasTeen, name: 'unknown', screen: { instrument: 'nope', positiveAnswers: 1 } },
        { ...texasTeen, name: 'too many', screen: { instrument: 'lantern-youth-screen', positiveAnswers: 99 } },
        texasTeen,
      ],
    };
    const result = runProtocolCases(suite, protocol, reference, engine);
    expect(result.cases.map((c) => c.passed)).toEqual([false, false, true]);
    expect(result.cases[0]?.failures[0]).toMatch(/unknown instrument "nope"/);
    expect(result.cases[1]?.failures[0]).toMatch(/^screen: /);
  });
});

describe('parseProtocolCases', () => {
  test('reports each invalid case with its path, line and reason', () => {
    const text = [
      'cases:',
      '  - name: one',
      '    encounter: { alone: true, safeToTalk: true }',
      '    expect: { notActions: [offer-hotlin] }',
      '  - name: two',
      '    encounter: { alone: true, safeToTalk: true, indicatorsPresent: true }',
      '    indicators: { positiveAnswers: 1 }',
      '    screen: { instrument: lantern-adult-screen, positiveAnswers: 1, declined: true }',
      '    expect: { screen: positive }',
      '  - name: three',
      '    patient: { age: 3 }',
      '    expect: { screen: maybe }',
    ].join('\n');
    const parsed = parseProtocolCases(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual(
      expect.arrayContaining([
        { path: '/cases/2', line: 10, reason: 'missing required property "encounter"' },
        { path: '/cases/2/patient/age', line: 11, reason: 'is not an allowed property here' },
        expect.objectContaining({ path: '/cases/2/expect/screen', line: 12, reason: expect.stringContaining('"not-safe-to-screen"') }),
      ]),
    );
    // Rules beyond the schema are only checked once the schema passes; check them on a fixed file.
    const fixed = parseProtocolCases(text.split('\n').slice(0, 9).join('\n'));
    expect(fixed.ok).toBe(false);
    if (fixed.ok) return;
    expect(fixed.issues).toEqual([
      { path: '/cases/0/expect/notActions/0', line: 4, reason: '"offer-hotlin" is not a response action code' },
      { path: '/cases/1/indicators', line: 7, reason: 'give either indicators or encounter.indicatorsPresent, not both' },
      { path: '/cases/1/screen', line: 8, reason: 'give exactly one of positiveAnswers, declined: true or questionnaireResponse' },
    ]);
  });
});

describe('runProtocolTestCommand', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-protocol-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('exits 0 on the shipped suite and ends with a summary line CI can read', async () => {
    const { exitCode, output } = await runProtocolTestCommand({ casesFile: shippedCasesFile.pathname, json: false });
    expect(exitCode).toBe(0);
    expect(output.split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  test('exits 1 and prints which expectation failed', async () => {
    const casesFile = write('failing.cases.yaml', [
      'cases:',
      '  - name: adult positive wrongly expected to be reported',
      '    patient: { ageYears: 30 }',
      '    encounter: { jurisdiction: US-TX, alone: true, safeToTalk: true }',
      '    screen: { instrument: lantern-adult-screen, positiveAnswers: 1 }',
      '    expect: { actions: [report-child-protection] }',
    ].join('\n'));
    const text = await runProtocolTestCommand({ casesFile, json: false });
    expect(text.exitCode).toBe(1);
    expect(text.output).toContain('FAIL  adult positive wrongly expected to be reported');
    expect(text.output).toContain('actions: expected report-child-protection, which was not recommended');
    expect(text.output.split('\n').at(-1)).toBe('0 passed, 1 failed');
    const json = await runProtocolTestCommand({ casesFile, json: true });
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.output)).toMatchObject({ protocol: { id: 'default' }, total: 1, failed: 1, cases: [{ passed: false }] });
  });

  test('exits 2 with the path and reason of each error when the protocol file is invalid', async () => {
    const protocolFile = write('broken.yaml', readFileSync(new URL('../../content/protocols/default.yaml', import.meta.url), 'utf8')
      .replace('status: active', 'status: live').replace('    action: follow-up\n', '    action: follow-on\n'));
    const { exitCode, output } = await runProtocolTestCommand({ casesFile: shippedCasesFile.pathname, protocol: protocolFile, json: true });
    expect(exitCode).toBe(2);
    const report = JSON.parse(output) as { issues: { path: string; line: number; reason: string }[] };
    expect(report.issues.map((i) => i.path)).toEqual(['/status', expect.stringMatching(/^\/steps\/\d+\/action$/)]);
    for (const issue of report.issues) expect(issue.line).toBeGreaterThan(0);
  });

  test('exits 2 for an unreadable or invalid cases file, and for an unknown protocol id', async () => {
    expect((await runProtocolTestCommand({ casesFile: join(dir, 'missing.yaml'), json: false })).exitCode).toBe(2);
    const invalid = await runProtocolTestCommand({ casesFile: write('bad.yaml', 'cases: []\n'), json: false });
    expect(invalid).toMatchObject({ exitCode: 2, output: expect.stringContaining('/cases') });
    expect((await runProtocolTestCommand({ casesFile: shippedCasesFile.pathname, protocol: 'no-such-protocol', json: false })).exitCode).toBe(2);
    expect((await runProtocolTestCommand({ casesFile: shippedCasesFile.pathname, protocol: 'Not An Id', json: false })).exitCode).toBe(2);
  });
});
