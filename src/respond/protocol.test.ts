import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toProblemErrors } from '../platform/content/document.ts';
import { loadShippedReference, withJurisdictions, type Jurisdiction } from './jurisdictions.ts';
import {
  evaluateProtocol,
  loadDefaultProtocol,
  loadProtocolFile,
  localizeReason,
  ProtocolError,
  parseProtocol,
  shippedProtocolPath,
  validateProtocol,
  type EncounterContext,
  type Protocol,
} from './protocol.ts';

const reference = loadShippedReference();
const defaultText = readFileSync(shippedProtocolPath('default'), 'utf8');

function protocolOf(steps: Protocol['steps'], settings: Partial<Protocol['settings']> = {}): Protocol {
  return {
    id: 'test', version: '1.0.0', title: 'Test', status: 'draft', date: '2026-11-28',
    settings: { suggestClaimCodesForSuspected: true, adultAgeYears: 18, ...settings },
    steps,
  };
}

const privateAdult: EncounterContext = { ageYears: 30, screen: 'positive', alone: true, safeToTalk: true, jurisdiction: 'US-TX', setting: 'emergency' };

describe('the default protocol', () => {
  test('is valid, active, and every step cites at least one source', () => {
    const protocol = loadDefaultProtocol();
    expect(protocol.status).toBe('active');
    for (const step of protocol.steps) expect(step.sources.length, step.id).toBeGreaterThan(0);
  });

  test('starts every encounter with privacy and the limits of confidentiality, and never names the hotline operator', () => {
    const codes = evaluateProtocol(loadDefaultProtocol(), privateAdult, reference).map((a) => a.code);
    expect(codes.slice(0, 2)).toEqual(['ensure-privacy', 'explain-confidentiality-limits']);
    expect(defaultText).not.toMatch(/polaris|compass connections/i);
  });

  test('every step has a Spanish reason, and actions carry it', () => {
    const protocol = loadDefaultProtocol();
    for (const step of protocol.steps) expect(step.translations?.es?.reason, step.id).toBeTruthy();
    const [first] = evaluateProtocol(protocol, privateAdult, reference);
    expect(first && localizeReason(first, 'es-US')).toMatch(/^Se ve a cada paciente a solas/);
    expect(first && localizeReason(first, 'vi')).toBe(first?.reason);
  });

  test('the published JSON form of the protocol validates the same way', () => {
    expect(validateProtocol(JSON.parse(JSON.stringify(loadDefaultProtocol()))).ok).toBe(true);
    expect(parseProtocol(JSON.stringify(loadDefaultProtocol())).ok).toBe(true);
  });
});

describe('protocol validation', () => {
  test('an invalid protocol file is rejected with the path, line and reason of each error', () => {
    const broken = defaultText
      .replace('version: 1.0.0', 'version: one')
      .replace('    action: offer-hotline\n', '    action: offer-hotlines\n')
      .replace("    when: { interpreterNeeded: true }", "    when: { interpreterNeded: true }")
      .replace('  adultAgeYears: 18\n', '');
    const parsed = parseProtocol(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const lines = broken.split('\n');
    const byPath = new Map(parsed.issues.map((i) => [i.path, i]));
    expect(byPath.get('/version')?.reason).toMatch(/pattern/);
    expect(lines[(byPath.get('/version')?.line ?? 0) - 1]).toContain('version: one');
    const actionIssue = [...byPath.values()].find((i) => /^\/steps\/\d+\/action$/.test(i.path));
    expect(actionIssue?.reason).toContain('"offer-hotline"');
    expect(lines[(actionIssue?.line ?? 0) - 1]).toContain('offer-hotlines');
    const typo = [...byPath.values()].find((i) => i.path.endsWith('/when/interpreterNeded'));
    expect(typo?.reason).toBe('is not an allowed property here');
    expect(lines[(typo?.line ?? 0) - 1]).toContain('interpreterNeded');
    expect(byPath.get('/settings')?.reason).toBe('missing required property "adultAgeYears"');
    expect(parsed.issues).toHaveLength(4);
  });

  test('loading an invalid file throws a 400 ProtocolError carrying every issue', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-protocol-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, defaultText.replace('status: active', 'status: live'));
    try {
      expect(() => loadProtocolFile(file)).toThrow(ProtocolError);
      try {
        loadProtocolFile(file);
      } catch (error) {
        const e = error as ProtocolError;
        expect(e).toMatchObject({ code: 'INVALID', status: 400, field: '/status' });
        expect(toProblemErrors(e.issues)).toEqual([{ field: '/status', message: expect.stringMatching(/^line \d+: must be one of: "draft", "active", "retired"$/) }]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('YAML syntax errors are reported with their line', () => {
    const parsed = parseProtocol('id: x\nsteps: [\n  - oops\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.line).toBeGreaterThan(0);
  });

  test('duplicate step ids and a child-protection contact on another action are rejected', () => {
    const protocol = protocolOf([
      { id: 'a', action: 'ensure-privacy', reason: 'r', sources: ['s'] },
      { id: 'a', action: 'offer-hotline', reason: 'r', sources: ['s'], contact: 'child-protection' },
    ]);
    const parsed = parseProtocol(JSON.stringify(protocol, null, 2));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      expect.objectContaining({ path: '/steps/1/id', reason: 'duplicate step id "a"', line: expect.any(Number) }),
      expect.objectContaining({ path: '/steps/1/contact', reason: expect.stringContaining('report-child-protection') }),
    ]);
  });

  test('a step without sources is rejected', () => {
    const parsed = validateProtocol(protocolOf([{ id: 'a', action: 'ensure-privacy', reason: 'r', sources: [] }]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]).toMatchObject({ path: '/steps/0/sources' });
  });
});

describe('evaluateProtocol', () => {
  const step = (id: string, action: Protocol['steps'][number]['action'], when?: Protocol['steps'][number]['when']) =>
    ({ id, action, reason: id, sources: ['test'], ...(when ? { when } : {}) });

  test('keeps matching steps in order, and the first step of an action wins', () => {
    const protocol = protocolOf([
      step('first', 'call-security-or-911', { setting: ['emergency'] }),
      step('privacy', 'ensure-privacy'),
      step('second', 'call-security-or-911'),
    ]);
    expect(evaluateProtocol(protocol, privateAdult, reference).map((a) => a.stepId)).toEqual(['first', 'privacy']);
    expect(evaluateProtocol(protocol, { ...privateAdult, setting: 'primary-care' }, reference).map((a) => a.stepId)).toEqual(['privacy', 'second']);
  });

  test('all, any and not combine conditions', () => {
    const protocol = protocolOf([
      step('all', 'ensure-privacy', { all: [{ screen: ['positive'] }, { alone: true }] }),
      step('any', 'offer-hotline', { any: [{ screen: ['negative'] }, { immediateDanger: true }] }),
      step('not', 'follow-up', { not: { screen: ['negative'] } }),
    ]);
    expect(evaluateProtocol(protocol, privateAdult, reference).map((a) => a.stepId)).toEqual(['all', 'not']);
    expect(evaluateProtocol(protocol, { ...privateAdult, immediateDanger: true }, reference).map((a) => a.stepId)).toEqual(['all', 'any', 'not']);
  });

  test('age tests use the protocol\'s age of majority, and an unknown age is neither minor nor adult', () => {
    const protocol = protocolOf([step('minor', 'report-child-protection', { minor: true }), step('adult', 'respect-patient-choice', { minor: false }),
      step('unknown', 'safety-assessment', { ageKnown: false }), step('teen', 'follow-up', { age: { gte: 12, lt: 18 } })], { adultAgeYears: 21 });
    const ids = (ageYears?: number) => evaluateProtocol(protocol, { ...privateAdult, ageYears }, reference).map((a) => a.stepId);
    expect(ids(20)).toEqual(['minor']);
    expect(ids(21)).toEqual(['adult']);
    expect(ids(12)).toEqual(['minor', 'teen']);
    expect(ids(undefined)).toEqual(['unknown']);
  });

  test('a choice not yet asked satisfies neither true nor false', () => {
    const protocol = protocolOf([step('yes', 'law-enforcement-with-consent', { consentsToLawEnforcement: true }),
      step('no', 'respect-patient-choice', { consentsToLawEnforcement: false })]);
    expect(evaluateProtocol(protocol, privateAdult, reference)).toEqual([]);
    expect(evaluateProtocol(protocol, { ...privateAdult, choices: { consentsToLawEnforcement: false } }, reference).map((a) => a.stepId)).toEqual(['no']);
  });

  test('the privacy gate, jurisdiction, finding and setting conditions read the context', () => {
    const protocol = protocolOf([
      step('gate', 'defer-screening', { privacyGatePassed: false }),
      step('tx', 'document-safely', { jurisdiction: ['US-TX'] }),
      step('sex', 'notify-ncmec', { findingType: ['sex', 'both'] }),
      step('none', 'suggest-codes', { findingStatus: ['none'] }),
    ]);
    expect(evaluateProtocol(protocol, privateAdult, reference).map((a) => a.stepId)).toEqual(['tx', 'none']);
    const ctx: EncounterContext = { ...privateAdult, screen: 'not-screened', alone: false, jurisdiction: 'us-ca', finding: { status: 'suspected', type: 'both' } };
    expect(evaluateProtocol(protocol, ctx, reference).map((a) => a.stepId)).toEqual(['gate', 'sex']);
  });

  test('a confirmed adult duty in the jurisdiction is visible to conditions', () => {
    const texas = reference.jurisdictions.jurisdictions.find((j) => j.code === 'US-TX') as Jurisdiction;
    const withDuty: Jurisdiction = { ...texas, adultDuties: { status: 'confirmed', duties: [{ kind: 'law-enforcement-report', description: 'd', citation: 'c' }] } };
    const data = { ...reference, jurisdictions: withJurisdictions(reference.jurisdictions, [withDuty]) };
    const protocol = protocolOf([step('duty', 'law-enforcement-with-consent', { jurisdictionRequiresAdultReport: true })]);
    expect(evaluateProtocol(protocol, privateAdult, reference)).toEqual([]);
    expect(evaluateProtocol(protocol, privateAdult, data).map((a) => a.code)).toEqual(['law-enforcement-with-consent']);
  });

  test('attaches the jurisdiction\'s child protection route, or the fallback with help routes', () => {
    const protocol = loadDefaultProtocol();
    const teen: EncounterContext = { ...privateAdult, ageYears: 16 };
    const report = (jurisdiction?: string) =>
      evaluateProtocol(protocol, { ...teen, jurisdiction }, reference).find((a) => a.code === 'report-child-protection')?.contact;
    const texas = report('US-TX');
    expect(texas).toMatchObject({ kind: 'child-protection', isFallback: false, needsLocalLookup: false, help: [] });
    if (texas?.kind === 'child-protection') expect(texas.jurisdiction.childProtection.phones[0]?.number).toBe('1-800-252-5400');
    const elsewhere = report('MX-BCN');
    expect(elsewhere).toMatchObject({ kind: 'child-protection', requested: 'MX-BCN', isFallback: true, needsLocalLookup: true });
    if (elsewhere?.kind === 'child-protection') expect(elsewhere.help.map((r) => r.id)).toEqual(['emergency', 'child-abuse-helpline']);
  });

  test('attaches national routes to the hotline, CyberTipline and emergency steps', () => {
    const actions = evaluateProtocol(loadDefaultProtocol(),
      { ...privateAdult, ageYears: 15, immediateDanger: true, finding: { status: 'suspected', type: 'sex' } }, reference);
    const contact = (code: string) => actions.find((a) => a.code === code)?.contact;
    expect(contact('offer-hotline')).toMatchObject({ kind: 'human-trafficking-hotline', route: { phone: '1-888-373-7888' } });
    expect(contact('notify-ncmec')).toMatchObject({ kind: 'cybertipline', route: { phone: '1-800-843-5678' } });
    expect(contact('call-security-or-911')).toMatchObject({ kind: 'emergency', route: { phone: '911' } });
  });
});
