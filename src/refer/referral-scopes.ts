/**
 * @module One transaction over two organizations: a referral change touches the referrer's
 * referral and case and the partner's share together, or neither. Only referral code uses this;
 * every query still goes through an OrgScope bound to one organization.
 */
import { OrgScope, type Actor } from '../platform/db/scope.ts';
import type { Platform } from '../platform/services.ts';

/** Runs `work` in one transaction with a scope for the referrer's and one for the partner's organization. */
export async function inReferralOrganizations<R>(
  platform: Platform,
  input: { referrer: string; partner: string | null; actor: Actor; requestId: string | null },
  work: (referrer: OrgScope, partner: OrgScope | null) => Promise<R>,
): Promise<R> {
  return platform.data.db.transaction().execute((tx) => {
    const scopeOf = (organizationId: string): OrgScope =>
      new OrgScope(tx, platform.data.dialect, organizationId, input.actor, input.requestId, platform.cipher);
    return work(scopeOf(input.referrer), input.partner ? scopeOf(input.partner) : null);
  });
}
