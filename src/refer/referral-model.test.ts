import { describe, expect, test } from 'vitest';
import { assertTransition, checkConsentUntil, selectConsented, visibleShared, type ReferralStatus } from './referral-model.ts';

describe('referral model', () => {
  test('the partner moves a referral requested → accepted → completed, or declines it with a reason', () => {
    expect(() => assertTransition('partner', 'requested', 'accepted', undefined)).not.toThrow();
    expect(() => assertTransition('partner', 'accepted', 'completed', undefined)).not.toThrow();
    expect(() => assertTransition('partner', 'requested', 'rejected', 'no space')).not.toThrow();
    expect(() => assertTransition('partner', 'requested', 'rejected', '  ')).toThrow(/reason/);
  });

  test('finished referrals stay finished, and each party has only its own moves', () => {
    const finished: ReferralStatus[] = ['completed', 'rejected', 'cancelled'];
    for (const from of finished) {
      for (const to of ['accepted', 'completed', 'rejected', 'cancelled'] as ReferralStatus[]) {
        expect(() => assertTransition('partner', from, to, 'r')).toThrow();
        expect(() => assertTransition('referrer', from, to, 'r')).toThrow();
      }
    }
    expect(() => assertTransition('partner', 'requested', 'completed', undefined)).toThrow();
    expect(() => assertTransition('partner', 'requested', 'cancelled', 'r')).toThrow();
    expect(() => assertTransition('referrer', 'requested', 'accepted', undefined)).toThrow();
    expect(() => assertTransition('referrer', 'accepted', 'cancelled', 'changed plans')).not.toThrow();
  });

  test('only consented fields are kept; offered data without consent is refused by name', () => {
    expect(selectConsented(['initials', 'needs'], { initials: ' A.B. ', needs: '', preferredLanguage: undefined })).toEqual({ initials: 'A.B.' });
    expect(() => selectConsented(['initials'], { initials: 'A.B.', callbackNumber: '555' })).toThrow(/callbackNumber/);
  });

  test('consent ends in the future, within a year, and hides the data once it has ended', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(() => checkConsentUntil('2026-05-31T23:59:59Z', now)).toThrow();
    expect(() => checkConsentUntil('2027-06-03T00:00:00Z', now)).toThrow(/year/);
    expect(() => checkConsentUntil('not a date', now)).toThrow();
    expect(() => checkConsentUntil('2026-07-01T00:00:00Z', now)).not.toThrow();
    expect(visibleShared({ initials: 'A' }, '2026-06-02T00:00:00Z', now)).toEqual({ initials: 'A' });
    expect(visibleShared({ initials: 'A' }, '2026-05-31T00:00:00Z', now)).toBeNull();
  });
});
