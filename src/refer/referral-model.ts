/**
 * @module What a referral is, without storage: the fields a patient may consent to share, the
 * status machine (FHIR TaskStatus codes), and the least-data view a partner gets.
 */
import { conflict, invalid } from '../platform/http/errors.ts';

/** The only patient data a referral can carry; each needs the patient's consent. */
export const shareableFields = ['firstName', 'initials', 'preferredLanguage', 'callbackNumber', 'needs'] as const;
export type ShareableField = (typeof shareableFields)[number];
export type SharedData = Partial<Record<ShareableField, string>>;

/** FHIR TaskStatus codes a referral moves through. */
export type ReferralStatus = 'requested' | 'accepted' | 'rejected' | 'completed' | 'cancelled';

/** Who may cause a change: the receiving partner, or the referrer. */
export type ReferralParty = 'partner' | 'referrer';

const transitions: Record<ReferralParty, Partial<Record<ReferralStatus, ReferralStatus[]>>> = {
  partner: { requested: ['accepted', 'rejected'], accepted: ['completed', 'rejected'] },
  referrer: { requested: ['cancelled'], accepted: ['cancelled'] },
};

export interface Consent {
  fields: ShareableField[];
  /** Lantern organization id of the partner, or null for a signed link only. */
  partnerOrganizationId: string | null;
  /** ISO date-time after which the shared data is hidden. */
  until: string;
  recordedBy: string;
  recordedAt: string;
}

/** Refuses a change the status machine does not allow for this party. */
export function assertTransition(party: ReferralParty, from: ReferralStatus, to: ReferralStatus, reason: string | undefined): void {
  if (!(transitions[party][from] ?? []).includes(to)) throw conflict(`A ${from} referral cannot become ${to}.`);
  if ((to === 'rejected' || to === 'cancelled') && !reason?.trim()) throw invalid('Give a reason.', 'reason');
}

/**
 * Keeps only consented fields: data offered without consent is refused (never silently stored),
 * so what is stored is exactly what the patient agreed to share.
 */
export function selectConsented(fields: readonly ShareableField[], data: SharedData): SharedData {
  const shared: SharedData = {};
  for (const [key, value] of Object.entries(data) as [ShareableField, string | undefined][]) {
    if (value === undefined || value.trim() === '') continue;
    if (!fields.includes(key)) throw invalid(`The patient did not consent to sharing ${key}.`, `shared/${key}`);
    shared[key] = value.trim();
  }
  return shared;
}

/** Checks the consent end: in the future and within a year (consent is for one referral, not forever). */
export function checkConsentUntil(until: string, now = new Date()): void {
  const end = Date.parse(until);
  if (Number.isNaN(end) || end <= now.getTime()) throw invalid('Consent must end in the future.', 'consent/until');
  if (end - now.getTime() > 366 * 24 * 3600 * 1000) throw invalid('Consent can last a year at most.', 'consent/until');
}

/** The shared data while consent lasts, null after it ends. */
export function visibleShared(shared: SharedData, consentUntil: string, now = new Date()): SharedData | null {
  return Date.parse(consentUntil) > now.getTime() ? shared : null;
}
