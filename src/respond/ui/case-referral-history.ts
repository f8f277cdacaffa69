/**
 * @module A case's referrals rebuilt from its timeline: Refer records every change of a referral
 * as a `referral-<status>` case event naming the referral and its service (and the reason of a
 * decline or withdrawal).
 */
import type { CaseEvent } from './respond-types.ts';

export type ReferralChange = 'requested' | 'accepted' | 'rejected' | 'completed' | 'cancelled';

export interface CaseReferral {
  id: string;
  service: string;
  changes: { id: string; at: string; status: ReferralChange; reason: string | null }[];
}

const changes: readonly ReferralChange[] = ['requested', 'accepted', 'rejected', 'completed', 'cancelled'];

/** Groups the timeline's referral events by referral, oldest referral first, changes in order. */
export function referralsOf(timeline: readonly CaseEvent[]): CaseReferral[] {
  const byId = new Map<string, CaseReferral>();
  for (const event of timeline) {
    const status = event.kind.replace(/^referral-/, '') as ReferralChange;
    const id = event.detail.referralId;
    if (!event.kind.startsWith('referral-') || !changes.includes(status) || typeof id !== 'string') continue;
    const referral = byId.get(id) ?? { id, service: typeof event.detail.service === 'string' ? event.detail.service : '', changes: [] };
    referral.changes.push({ id: event.id, at: event.at, status, reason: typeof event.detail.reason === 'string' ? event.detail.reason : null });
    byId.set(id, referral);
  }
  return [...byId.values()];
}
