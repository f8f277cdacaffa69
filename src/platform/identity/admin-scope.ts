/**
 * @module One transaction per admin action, with the caller's organization scope bound to it:
 * the change and its audit event land together or not at all.
 */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../services.ts';
import type { Tx } from '../db/index.ts';
import { OrgScope } from '../db/scope.ts';
import { forbidden } from '../http/errors.ts';

/** Runs `work` in a transaction with the caller's scope; `tx` reaches tables shared across organizations (users). */
export function inAdminTransaction<T>(platform: Platform, request: FastifyRequest, work: (scope: OrgScope, tx: Tx) => Promise<T>): Promise<T> {
  const principal = request.principal;
  if (!principal?.organizationId) throw forbidden('Choose an organization first.');
  const actor = { id: principal.userId, kind: principal.via === 'token' ? 'token' as const : 'user' as const };
  return platform.data.db.transaction().execute((tx) =>
    work(new OrgScope(tx, platform.data.dialect, principal.organizationId!, actor, request.id, platform.cipher), tx));
}
