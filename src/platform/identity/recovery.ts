/**
 * @module Account recovery from the command line, for when no admin can sign in to do it in the
 * web app (the only admin lost their phone, or locked themself out). Whoever runs the CLI has the
 * server's configuration and keys already; the action is still audited, as the system.
 */
import type { DataLayer } from '../db/index.ts';
import { recordAudit } from '../audit/index.ts';
import { notFound } from '../http/errors.ts';
import { normalizeEmail } from './accounts.ts';
import { resetSecondFactor, unlockUser } from './user-admin.ts';

export interface RecoveryRequest {
  email: string;
  /** Lift a lockout. */
  unlock?: boolean;
  /** Turn TOTP off so the person sets up a new authenticator at the next sign-in. */
  resetSecondFactor?: boolean;
}

/** Unlocks and/or resets the second factor of the user with this email; returns the user's id. */
export async function recoverAccount(data: DataLayer, request: RecoveryRequest): Promise<string> {
  const email = normalizeEmail(request.email);
  const user = await data.db.selectFrom('platform_user').select(['id', 'email']).where('email', '=', email).executeTakeFirst();
  if (!user) throw notFound(`A user with email ${email}`);
  await data.db.transaction().execute(async (tx) => {
    const organizations = await tx.selectFrom('platform_membership').select('organization_id').distinct().where('user_id', '=', user.id).execute();
    const actions: string[] = [];
    if (request.unlock) { await unlockUser(tx, user); actions.push('unlock'); }
    if (request.resetSecondFactor) { await resetSecondFactor(tx, user.id); actions.push('reset-second-factor'); }
    for (const action of actions) {
      for (const { organization_id } of organizations) {
        await recordAudit(tx, data.dialect, { organizationId: organization_id, actorId: null, actorKind: 'system', action, resourceType: 'user', resourceId: user.id });
      }
    }
  });
  return user.id;
}
