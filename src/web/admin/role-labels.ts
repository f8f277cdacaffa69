/**
 * @module Each role's name in the person's language.
 */
import type { MessageKey } from '../../platform/i18n/catalogs.ts';
import type { Translate } from '../../platform/i18n/format.ts';
import type { Role } from '../../platform/policy.ts';
import { messageKey } from '../i18n.tsx';

export const roleLabels: Record<Role, MessageKey> = {
  admin: messageKey('role.admin'),
  'program-lead': messageKey('role.programLead'),
  clinician: messageKey('role.clinician'),
  'social-worker': messageKey('role.socialWorker'),
  educator: messageKey('role.educator'),
  learner: messageKey('role.learner'),
  partner: messageKey('role.partner'),
};

/** A role's label; unknown roles (from a newer server) show as sent. */
export function labelRole(t: Translate, role: string): string {
  const key = (roleLabels as Record<string, MessageKey | undefined>)[role];
  return key ? t(key) : role;
}
