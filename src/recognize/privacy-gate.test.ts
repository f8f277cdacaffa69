import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkPrivacyGate, PRIVACY_GATE_QUESTIONS, type GateAnswers } from './privacy-gate.ts';

const allYes: GateAnswers = { patientAlone: true, interpreterNeeded: false, confidentialityExplained: true, safeToTalk: true };

describe('privacy gate', () => {
  test('all clear: proceed to screening', () => {
    expect(checkPrivacyGate(allYes)).toEqual({ outcome: 'proceed', reasons: [], guidance: [] });
    expect(checkPrivacyGate({ ...allYes, interpreterNeeded: true, professionalInterpreterAvailable: true }).outcome).toBe('proceed');
  });

  test.each([
    [{ patientAlone: false }, 'not-alone', ['do-not-force-separation', 'offer-routine-private-moment']],
    [{ interpreterNeeded: true, professionalInterpreterAvailable: false }, 'interpreter-unavailable', ['request-professional-interpreter', 'never-use-companion-as-interpreter']],
    [{ interpreterNeeded: true }, 'interpreter-unavailable', ['never-use-companion-as-interpreter']],
    [{ interpreterNeeded: undefined }, 'interpreter-need-unknown', ['assess-language-need']],
    [{ confidentialityExplained: false }, 'confidentiality-not-explained', ['explain-confidentiality-limits']],
    [{ safeToTalk: false }, 'not-safe-to-talk', ['do-not-force-separation', 'alert-staff-if-danger']],
    [{ safeToTalk: undefined }, 'not-safe-to-talk', ['do-not-force-separation']],
  ] as const)('%j routes to not-safe-to-screen (%s) with what to do instead', (change, reason, guidance) => {
    const result = checkPrivacyGate({ ...allYes, ...change });
    expect(result.outcome).toBe('not-safe-to-screen');
    expect(result.reasons).toEqual([reason]);
    expect(result.guidance).toEqual(expect.arrayContaining(['continue-care', 'screen-later-when-safe', ...guidance]));
  });

  test('proceeds exactly when every answer is yes; otherwise care continues and separation is never forced', () => {
    const answer = fc.option(fc.boolean(), { nil: undefined });
    fc.assert(fc.property(answer, answer, answer, answer, answer, (patientAlone, interpreterNeeded, professionalInterpreterAvailable, confidentialityExplained, safeToTalk) => {
      const result = checkPrivacyGate({ patientAlone, interpreterNeeded, professionalInterpreterAvailable, confidentialityExplained, safeToTalk });
      const clear = patientAlone === true && interpreterNeeded !== undefined && (!interpreterNeeded || professionalInterpreterAvailable === true)
        && confidentialityExplained === true && safeToTalk === true;
      expect(result.outcome === 'proceed').toBe(clear);
      if (!clear) expect(result.guidance[0]).toBe('continue-care');
      expect(result.guidance.some((code) => /^(separate|require|insist)/.test(code))).toBe(false);
      if (patientAlone !== true || safeToTalk !== true) expect(result.guidance).toContain('do-not-force-separation');
    }));
  });

  test('the interpreter-available question is asked only when an interpreter is needed', () => {
    expect(PRIVACY_GATE_QUESTIONS.map((question) => question.id)).toEqual(
      ['patientAlone', 'interpreterNeeded', 'professionalInterpreterAvailable', 'confidentialityExplained', 'safeToTalk']);
    expect(PRIVACY_GATE_QUESTIONS.find((question) => question.id === 'professionalInterpreterAvailable')).toMatchObject({ askedWhen: 'interpreterNeeded' });
  });
});
