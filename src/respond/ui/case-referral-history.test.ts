import { describe, expect, test } from 'vitest';
import { referralsOf } from './case-referral-history.ts';
import type { CaseEvent } from './respond-types.ts';

const event = (id: string, kind: string, detail: Record<string, unknown>): CaseEvent => ({ id, at: `2026-11-0${id}T10:00:00.000Z`, actorId: null, kind, detail });

describe('a case\'s referrals from its timeline', () => {
  test('each referral keeps its changes in order, with the decline reason; other events are ignored', () => {
    const timeline = [
      event('1', 'referral-requested', { referralId: 'a', service: 'Harbor Light', shared: ['initials'] }),
      event('2', 'action-done', { actionId: 'x' }),
      event('3', 'referral-requested', { referralId: 'b', service: 'Legal Aid' }),
      event('4', 'referral-accepted', { referralId: 'a', service: 'Harbor Light' }),
      event('5', 'referral-rejected', { referralId: 'b', service: 'Legal Aid', reason: 'No capacity' }),
      event('6', 'referral-completed', { referralId: 'a', service: 'Harbor Light' }),
    ];
    expect(referralsOf(timeline)).toEqual([
      { id: 'a', service: 'Harbor Light', changes: [
        { id: '1', at: timeline[0]!.at, status: 'requested', reason: null },
        { id: '4', at: timeline[3]!.at, status: 'accepted', reason: null },
        { id: '6', at: timeline[5]!.at, status: 'completed', reason: null },
      ] },
      { id: 'b', service: 'Legal Aid', changes: [
        { id: '3', at: timeline[2]!.at, status: 'requested', reason: null },
        { id: '5', at: timeline[4]!.at, status: 'rejected', reason: 'No capacity' },
      ] },
    ]);
  });

  test('an unknown referral kind or an event without a referral id is left out', () => {
    expect(referralsOf([
      event('1', 'referral-forwarded', { referralId: 'a', service: 'S' }),
      event('2', 'referral-requested', { service: 'S' }),
    ])).toEqual([]);
  });
});
