import { describe, expect, test } from 'vitest';
import { diffProtocols } from './protocol-diff.ts';
import type { Protocol } from './protocol.ts';

const base: Protocol = {
  id: 'p', version: '1', title: 'P', status: 'active', date: '2026-11-01',
  settings: { suggestClaimCodesForSuspected: false, adultAgeYears: 18 },
  steps: [
    { id: 'privacy', action: 'ensure-privacy', reason: 'Ask in private.', sources: ['a'] },
    { id: 'hotline', action: 'offer-hotline', when: { screen: ['positive'] }, reason: 'Offer it.', sources: ['b'] },
    { id: 'follow', action: 'follow-up', reason: 'Follow up.', sources: ['c'] },
  ],
};

describe('protocol diff', () => {
  test('identical versions differ in nothing, whatever the key order', () => {
    // The same steps with their keys written in reverse order, as a YAML editor might save them.
    const reordered = { ...base, steps: base.steps.map((s) => Object.fromEntries(Object.entries(s).reverse()) as unknown as Protocol['steps'][number]) };
    expect(diffProtocols(base, reordered)).toEqual({ added: [], removed: [], changed: [], reordered: [], settings: [] });
  });

  test('added, removed, changed and reordered steps and settings are each reported', () => {
    const next: Protocol = {
      ...base,
      version: '2',
      settings: { ...base.settings, suggestClaimCodesForSuspected: true },
      steps: [
        { id: 'follow', action: 'follow-up', reason: 'Follow up within a week.', sources: ['c'] },
        { id: 'privacy', action: 'ensure-privacy', reason: 'Ask in private.', sources: ['a'] },
        { id: 'referral', action: 'offer-referral', reason: 'Refer.', sources: ['d'] },
      ],
    };
    const diff = diffProtocols(base, next);
    expect(diff.added.map((s) => s.id)).toEqual(['referral']);
    expect(diff.removed.map((s) => s.id)).toEqual(['hotline']);
    expect(diff.changed.map((c) => [c.stepId, c.fields])).toEqual([['follow', ['reason']]]);
    expect(diff.reordered).toEqual(['follow', 'privacy']);
    expect(diff.settings).toEqual([{ field: 'suggestClaimCodesForSuspected', before: false, after: true }]);
  });
});
