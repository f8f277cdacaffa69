import { describe, expect, test } from 'vitest';
import { canonical } from '../platform/fhir/canonical.ts';
import { protocolSchema } from './protocol.ts';
import { actionCoding, displayAction, loadResponseActions, RESPONSE_ACTION_CODES } from './response-actions.ts';

// The codes the Respond issue requires, spelled exactly as it spells them.
const requiredCodes = [
  'ensure-privacy', 'do-not-force-separation', 'professional-interpreter', 'explain-confidentiality-limits',
  'safety-assessment', 'call-security-or-911', 'report-child-protection', 'notify-ncmec', 'universal-education',
  'offer-hotline', 'offer-referral', 'respect-patient-choice', 'law-enforcement-with-consent', 'document-safely',
  'suggest-codes', 'defer-screening', 'follow-up',
];

describe('response actions CodeSystem', () => {
  const codeSystem = loadResponseActions();

  test('is a complete FHIR R4 CodeSystem at Lantern\'s canonical URL', () => {
    expect(codeSystem.resourceType).toBe('CodeSystem');
    expect(codeSystem.url).toBe(canonical.codeSystem('response-actions'));
    expect(codeSystem.content).toBe('complete');
    expect(codeSystem.count).toBe(codeSystem.concept?.length);
  });

  test('defines every required code, with a display, a definition and a Spanish display', () => {
    const concepts = codeSystem.concept ?? [];
    for (const code of requiredCodes) {
      const concept = concepts.find((c) => c.code === code);
      expect(concept, code).toBeDefined();
      expect(concept?.display?.length, code).toBeGreaterThan(3);
      expect(concept?.definition?.length, code).toBeGreaterThan(30);
      const spanish = concept?.designation?.find((d) => d.language === 'es');
      expect(spanish?.value, code).toBeTruthy();
      expect(spanish?.value).not.toBe(concept?.display);
    }
  });

  test('the code list in TypeScript, the CodeSystem and the protocol schema agree', () => {
    const inCodeSystem = (codeSystem.concept ?? []).map((c) => c.code).sort();
    expect([...RESPONSE_ACTION_CODES].sort()).toEqual(inCodeSystem);
    const schema = protocolSchema as { definitions: { step: { properties: { action: { enum: string[] } } } } };
    expect([...schema.definitions.step.properties.action.enum].sort()).toEqual(inCodeSystem);
  });

  test('displays in Spanish when asked, English otherwise, and builds a Task coding', () => {
    expect(displayAction('offer-hotline', 'es')).toBe('Ofrecer la línea nacional');
    expect(displayAction('offer-hotline', 'fr')).toBe('Offer the national hotline');
    expect(actionCoding('notify-ncmec')).toEqual({
      system: canonical.codeSystem('response-actions'),
      code: 'notify-ncmec',
      display: 'Report to the CyberTipline',
    });
  });
});
