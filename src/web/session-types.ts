/**
 * @module The shapes the web app reads from the platform's REST API (see PLATFORM.md's contract).
 */

export type SessionStatus = 'signed-in' | 'mfa-required' | 'mfa-enrolment-required';

export interface FacilityView {
  id: string;
  name: string;
}

export interface OrganizationMembership {
  id: string;
  name: string;
  roles: string[];
  facilities: FacilityView[];
}

export interface SessionView {
  status: SessionStatus;
  user: { id: string; email: string; displayName: string; locale: string };
  csrfToken: string;
  organizationId: string | null;
  facilityId: string | null;
  roles: string[];
  organizations: OrganizationMembership[];
  /** resource → actions the caller may take in the chosen organization. */
  permissions: Record<string, string[]>;
}

export interface SsoOption {
  organizationId: string;
  organizationName: string;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
}

export interface ApiTokenView {
  id: string;
  name: string;
  userEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface OrganizationView {
  id: string;
  name: string;
  retentionDays: number;
  sso: { issuer: string; clientId: string } | null;
}

export interface AuditEventView {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  actorKind: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  purpose: string | null;
  requestId: string | null;
  outcome: string;
}

export interface AuditPage {
  events: AuditEventView[];
  nextCursor: string | null;
}

/** True when the session's permissions allow the action on the resource. */
export function isPermitted(session: SessionView | null, resource: string, action: string): boolean {
  return session?.permissions[resource]?.includes(action) ?? false;
}
