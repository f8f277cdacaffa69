/**
 * @module The referral tables, added to the platform's `Database` type (see platform/db/schema.ts
 * and migration 0350). A referral lives in the referring organization; its share, holding only
 * the consented data, lives in the receiving partner organization.
 */
import type { ReferralStatus } from './referral-model.ts';

export interface ReferReferralTable {
  organization_id: string;
  id: string;
  case_id: string;
  /** The HSDS service referred to (in the referring organization's directory). */
  service_id: string;
  service_name: string;
  /** The receiving Lantern organization; null when the partner is reached by signed link only. */
  partner_organization_id: string | null;
  status: ReferralStatus;
  /** Sealed: why the partner declined or the referrer cancelled. */
  status_reason: string | null;
  /** JSON: the consent as recorded (fields, with whom, until, recorded by and when). */
  consent: string;
  consent_until: string;
  /** Sealed JSON: the consented fields only. */
  shared: string;
  /** The current signed link's id; null when none was issued or it was revoked. */
  link_id: string | null;
  link_expires_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A referral as the receiving organization holds it. `organization_id` is the partner's. */
export interface ReferReferralShareTable {
  organization_id: string;
  referral_id: string;
  source_organization_id: string;
  service_id: string;
  service_name: string;
  status: ReferralStatus;
  /** Sealed (partner context). */
  status_reason: string | null;
  consent_until: string;
  /** Sealed JSON (partner context): the consented fields only. */
  shared: string;
  created_at: string;
  updated_at: string;
}

export interface ReferNotificationTable {
  organization_id: string;
  id: string;
  /** The user told: the referrer. */
  user_id: string;
  referral_id: string;
  /** `referral-accepted`, `referral-rejected`, `referral-completed`. */
  kind: string;
  created_at: string;
  read_at: string | null;
}

/** A receiving organization the referring organization chose (migration 0351). */
export interface ReferPartnerTable {
  organization_id: string;
  partner_organization_id: string;
  /** The referring organization's own name for the partner (never read from the partner's record). */
  name: string;
  added_by: string;
  added_at: string;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    refer_referral: ReferReferralTable;
    refer_referral_share: ReferReferralShareTable;
    refer_notification: ReferNotificationTable;
    refer_partner: ReferPartnerTable;
  }
}
