import { describe, expect, test } from 'vitest';
import { checkPrivacyGate, hasPassedPrivacyGate } from './privacy-gate.ts';

const allYes = { alone: true, interpreterNeeded: false, confidentialityExplained: true, safeToTalk: true };

describe('checkPrivacyGate', () => {
  test('passes only when alone, told the limits of confidentiality, safe to talk, and with an interpreter when one is needed', () => {
    expect(checkPrivacyGate(allYes)).toEqual({ passed: true, failures: [] });
    expect(checkPrivacyGate({ ...allYes, interpreterNeeded: true, interpreterAvailable: true }).passed).toBe(true);
  });

  test('names every reason it fails, and treats an unanswered question as no', () => {
    expect(checkPrivacyGate({ ...allYes, interpreterNeeded: true }).failures).toEqual(['interpreter-unavailable']);
    expect(checkPrivacyGate({ alone: false, interpreterNeeded: true, confidentialityExplained: false, safeToTalk: false }).failures).toEqual([
      'not-alone', 'interpreter-unavailable', 'confidentiality-not-explained', 'not-safe-to-talk',
    ]);
    expect(checkPrivacyGate({}).passed).toBe(false);
  });
});

describe('hasPassedPrivacyGate', () => {
  test('a recorded screen result answers it; without a screen the facts decide', () => {
    expect(hasPassedPrivacyGate('positive', {})).toBe(true);
    expect(hasPassedPrivacyGate('declined', {})).toBe(true);
    expect(hasPassedPrivacyGate('not-safe-to-screen', allYes)).toBe(false);
    expect(hasPassedPrivacyGate('not-screened', allYes)).toBe(true);
    expect(hasPassedPrivacyGate('not-screened', { ...allYes, alone: false })).toBe(false);
  });
});
