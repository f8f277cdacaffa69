/**
 * @module The typed shape of every table. The platform's tables are here; each capability declares
 * its own in its folder (`src/<capability>/tables.ts`) by augmenting `Database`, so imports still
 * point one way (capability → platform). Table names start with their capability's name.
 * Portable types only: ids and timestamps are ISO text, booleans are 0/1 integers, JSON is text,
 * ciphertext is text (see platform/crypto).
 */
import type { Generated } from 'kysely';

export type Bool = 0 | 1;

export interface OrganizationTable {
  id: string;
  name: string;
  retention_days: number;
  /** JSON: organization settings (claim-visible codes, SMTP, SSO…), secrets encrypted inside. */
  settings: string;
  created_at: string;
}

export interface FacilityTable {
  id: string;
  organization_id: string;
  name: string;
  jurisdiction: string | null;
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  /** Encrypted base32 TOTP secret; null until enrolled. */
  totp_secret: string | null;
  totp_enabled: Bool;
  /** Last accepted TOTP time step, so a code is never accepted twice. */
  totp_last_step: number | null;
  locale: string;
  failed_logins: number;
  locked_until: string | null;
  disabled: Bool;
  created_at: string;
}

export interface MembershipTable {
  id: string;
  user_id: string;
  organization_id: string;
  role: string;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a database dump cannot be replayed as a cookie. */
  id_hash: string;
  user_id: string;
  organization_id: string | null;
  facility_id: string | null;
  csrf_token: string;
  /** 1 while the password was accepted but the second factor is still due. */
  mfa_pending: Bool;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  organization_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ThrottleTable {
  /** What is throttled, e.g. `signin:email:<sha256>` or `signin:ip:<addr>`. */
  key: string;
  window_start: string;
  count: number;
}

export interface AuditEventTable {
  id: string;
  organization_id: string;
  /** Position in the organization's chain, from 1. */
  seq: number;
  at: string;
  actor_id: string | null;
  actor_kind: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  purpose: string | null;
  request_id: string | null;
  outcome: string;
  prev_hash: string;
  hash: string;
}

export interface JobRunTable {
  job: string;
  /** The period the run covers (e.g. a day `2026-11-28`): one run per job and period, ever. */
  period: string;
  claimed_by: string;
  started_at: string;
  finished_at: string | null;
  result: string | null;
}

/** De-identified monthly counts; they outlive the retention purge of the rows they count. */
export interface CounterTable {
  organization_id: string;
  facility_id: string;
  month: string;
  metric: string;
  dimension: string;
  value: number;
}

/** An organization's OpenID Connect provider for single sign-on. */
export interface SsoProviderTable {
  organization_id: string;
  issuer: string;
  client_id: string;
  /** Encrypted (platform/crypto), bound to this organization's row. */
  client_secret: string;
  updated_at: string;
}

/** A single sign-on in flight: the state (hashed), nonce and PKCE verifier until the callback. */
export interface SsoLoginTable {
  state_hash: string;
  organization_id: string;
  nonce: string;
  /** Encrypted: with it and a stolen code, the code could be redeemed. */
  code_verifier: string;
  expires_at: string;
}

export interface Database {
  platform_organization: OrganizationTable;
  platform_facility: FacilityTable;
  platform_user: UserTable;
  platform_membership: MembershipTable;
  platform_session: SessionTable;
  platform_api_token: ApiTokenTable;
  platform_throttle: ThrottleTable;
  platform_audit_event: AuditEventTable;
  platform_job_run: JobRunTable;
  platform_counter: CounterTable;
  platform_sso_provider: SsoProviderTable;
  platform_sso_login: SsoLoginTable;
}

// Kept for capability tables that want database-generated columns.
export type { Generated };
