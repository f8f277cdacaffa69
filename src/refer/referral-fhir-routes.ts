/**
 * @module `[fhir base]/ServiceRequest/{id}` for the referrals an organization sent, and the
 * referral Task source: `/fhir/Task/{id}` belongs to Respond, which asks the registered sources
 * (platform/fhir/task-sources.ts) before its own case actions.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { FHIR_JSON } from '../platform/fhir/http.ts';
import type { FhirResourceCapability } from '../platform/fhir/capability-statement.ts';
import { registerTaskSource } from '../platform/fhir/task-sources.ts';
import { readCase } from '../respond/index.ts';
import { presentReferral, readReferral } from './referral-store.ts';
import { referralToServiceRequest, referralToTask } from './referral-fhir.ts';

export const referralFhirResources: FhirResourceCapability[] = [{ type: 'ServiceRequest', interactions: ['read'], searchParams: [] }];

/** The referral with this id as a Task, or undefined when the organization sent none by that id. */
export async function findReferralTask(scope: OrgScope, id: string): Promise<fhir4.Task | undefined> {
  const row = await scope.selectFrom('refer_referral').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const referral = presentReferral(scope, row);
  const record = await readCase(scope, referral.caseId);
  await scope.audit({ action: 'read', resourceType: 'referral', resourceId: id, purpose: 'treatment' });
  return referralToTask(referral, record.pseudonym);
}

export const referralFhirRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  registerTaskSource('refer-referral', findReferralTask);

  app.get('/fhir/ServiceRequest/:id', {
    config: { access: { permission: ['referral', 'read'] } },
    schema: { tags: ['fhir'], summary: 'A referral as a FHIR ServiceRequest', params: Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$' }) }) },
  }, async (request, reply) => {
    const scope = request.scope();
    const referral = await readReferral(scope, request.params.id);
    const record = await readCase(scope, referral.caseId);
    return reply.type(FHIR_JSON).send(referralToServiceRequest(referral, record.pseudonym));
  });
};
