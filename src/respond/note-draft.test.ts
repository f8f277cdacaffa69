import { describe, expect, test } from 'vitest';
import { suggestCodes } from './icd10.ts';
import { loadShippedReference } from './jurisdictions.ts';
import { draftNote, findPortalHazards, PATIENT_WORDS_PLACEHOLDER } from './note-draft.ts';
import { evaluateProtocol, loadDefaultProtocol } from './protocol.ts';

const reference = loadShippedReference();

function draftFor16YearOld() {
  const actions = evaluateProtocol(loadDefaultProtocol(), {
    ageYears: 16, screen: 'positive', alone: true, safeToTalk: true, jurisdiction: 'US-TX', setting: 'emergency',
    finding: { status: 'suspected', type: 'sex' },
  }, reference);
  const codes = suggestCodes({ finding: { status: 'suspected', type: 'sex' }, ageYears: 16, suggestClaimCodesForSuspected: true }).codes;
  return draftNote({ objectiveFindings: ['Healing abrasions on both wrists.'], screen: 'positive', instrument: 'lantern-youth-screen', actions, codes });
}

const text = (sections: { title: string; lines: string[] }[]) => sections.flatMap((s) => [s.title, ...s.lines]).join('\n');

describe('draftNote', () => {
  test('portal-safe text holds objective findings and the patient\'s own words, and nothing hazardous', () => {
    const draft = draftFor16YearOld();
    const portal = text(draft.portalSafe);
    expect(portal).toContain('Healing abrasions on both wrists.');
    expect(portal).toContain(PATIENT_WORDS_PLACEHOLDER);
    expect(findPortalHazards(portal, reference.national)).toEqual([]);
  });

  test('the sensitive note holds the screen, reports, safety plan, resources and codes', () => {
    const sensitive = text(draftFor16YearOld().sensitive);
    expect(sensitive).toContain('Screen (lantern-youth-screen): positive');
    expect(sensitive).toContain('Report to Department of Family and Protective Services (DFPS), Texas Abuse Hotline');
    expect(sensitive).toContain('CyberTipline report');
    expect(sensitive).toMatch(/safety plan/i);
    expect(sensitive).toContain('T76.52XA');
    expect(findPortalHazards(sensitive, reference.national).length).toBeGreaterThan(0);
  });

  test('an encounter without findings leaves a placeholder, and no report section without a report', () => {
    const draft = draftNote({ objectiveFindings: [], screen: 'negative', actions: [], codes: [] });
    expect(draft.portalSafe[0]?.lines).toEqual(['[objective findings]']);
    expect(draft.sensitive.map((s) => s.title)).not.toContain('Reports made');
  });
});

describe('findPortalHazards', () => {
  test('flags hotline numbers however they are written, text codes and tell-tale words', () => {
    const lines = [
      'Gave patient the number (888) 373-7888.',
      'Text 233733 for help.',
      'Safety plan discussed.',
      'Reported to CPS.',
      'BP 120/80, pulse 88.',
      'Patient states: "I work long hours."',
    ];
    expect(findPortalHazards(lines.join('\n'), reference.national)).toEqual(lines.slice(0, 4));
  });
});
