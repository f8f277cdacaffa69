import { describe, expect, test } from 'vitest';
import { addStep, moveStep, nextVersion, removeStep, tidyProtocol } from './protocol-draft.ts';
import type { Protocol } from './respond-types.ts';

const protocol: Protocol = {
  id: 'p', version: '1.0.9', title: 'P', status: 'active', date: '2026-01-01',
  settings: { suggestClaimCodesForSuspected: true, adultAgeYears: 18 },
  steps: [
    { id: 'a', action: 'ensure-privacy', reason: 'A', sources: ['s1', ' ', ''] },
    { id: 'b', action: 'offer-hotline', reason: 'B', sources: [] },
    { id: 'new-step-3', action: 'follow-up', reason: 'C', sources: [] },
  ],
};

describe('protocol draft edits', () => {
  test('moves a step and ignores moves off either end', () => {
    expect(moveStep(protocol, 0, 1).steps.map((s) => s.id)).toEqual(['b', 'a', 'new-step-3']);
    expect(moveStep(protocol, 0, -1)).toBe(protocol);
    expect(moveStep(protocol, 2, 1)).toBe(protocol);
  });

  test('removes a step and adds one with an unused id', () => {
    expect(removeStep(protocol, 1).steps.map((s) => s.id)).toEqual(['a', 'new-step-3']);
    const added = addStep(protocol);
    expect(added.steps).toHaveLength(4);
    expect(added.steps[3]!.id).toBe('new-step-4');
    expect(new Set(addStep(removeStep(protocol, 0)).steps.map((s) => s.id)).size).toBe(3);
  });

  test('drops blank source lines and bumps the patch version', () => {
    expect(tidyProtocol(protocol).steps[0]!.sources).toEqual(['s1']);
    expect(nextVersion('1.0.9')).toBe('1.0.10');
    expect(nextVersion('2026-a')).toBe('2026-a-1');
  });
});
