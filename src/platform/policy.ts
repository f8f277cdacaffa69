/**
 * @module Who may do what: one table of role × resource × action. Routes name the permission they
 * need (`requirePermission('case', 'read')`); nothing else decides access. A test walks every route
 * with every role and fails on any call this table forbids.
 */

export const roles = ['admin', 'program-lead', 'clinician', 'social-worker', 'educator', 'learner', 'partner'] as const;
export type Role = (typeof roles)[number];

export const actions = ['read', 'create', 'update', 'delete', 'export'] as const;
export type Action = (typeof actions)[number];

export type Resource =
  | 'organization' | 'facility' | 'user' | 'api-token' | 'audit' | 'retention'
  | 'instrument' | 'screening'
  | 'protocol' | 'jurisdiction' | 'case' | 'statistics'
  | 'directory' | 'referral'
  | 'course' | 'enrolment' | 'certificate' | 'compliance' | 'article';

const all: Action[] = ['read', 'create', 'update', 'delete', 'export'];
const read: Action[] = ['read'];

// Least privilege: clinical data only for those who care for the patient; partners see referrals
// sent to them (the referral store narrows that to their organization's own).
const grants: Record<Role, Partial<Record<Resource, Action[]>>> = {
  admin: {
    organization: all, facility: all, user: all, 'api-token': all, audit: ['read', 'export'], retention: ['read', 'update'],
    instrument: all, jurisdiction: all, protocol: read, statistics: ['read', 'export'], directory: read, course: read, article: read,
  },
  'program-lead': {
    facility: read, instrument: read, screening: read, protocol: all, jurisdiction: read, case: all,
    statistics: ['read', 'export'], directory: all, referral: all, course: read, article: read,
  },
  clinician: {
    facility: read, instrument: read, screening: ['read', 'create'], protocol: read, jurisdiction: read,
    case: ['read', 'create', 'update'], directory: read, referral: ['read', 'create', 'update'], course: read,
    enrolment: ['read', 'create', 'update'], certificate: read, article: ['read', 'create'],
  },
  'social-worker': {
    facility: read, instrument: read, screening: ['read', 'create'], protocol: read, jurisdiction: read,
    case: ['read', 'create', 'update'], directory: read, referral: ['read', 'create', 'update'], course: read,
    enrolment: ['read', 'create', 'update'], certificate: read, article: ['read', 'create'],
  },
  educator: {
    facility: read, user: read, course: all, enrolment: all, certificate: ['read', 'update', 'export'], compliance: ['read', 'export'],
    statistics: read, article: all, jurisdiction: read,
  },
  learner: { course: read, enrolment: ['read', 'create', 'update'], certificate: read, article: ['read', 'create'], jurisdiction: read },
  partner: { referral: ['read', 'update'], directory: read },
};

/** True when any of the roles grants the action on the resource. */
export function isAllowed(userRoles: readonly Role[], resource: Resource, action: Action): boolean {
  return userRoles.some((role) => grants[role][resource]?.includes(action) ?? false);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
