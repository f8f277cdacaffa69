/**
 * @module `[fhir base]/Task/{id}` and `[fhir base]/Task?group-identifier=…`: a case's actions as
 * FHIR Tasks (see case-fhir.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import { FHIR_JSON, searchsetBundle } from '../platform/fhir/http.ts';
import type { FhirResourceCapability } from '../platform/fhir/capability-statement.ts';
import { resolveRegisteredTask } from '../platform/fhir/task-sources.ts';
import { findCaseByPseudonym, findCaseOfAction, readCase } from './case-store.ts';
import { actionToTask, caseToTasks, CASE_IDENTIFIER_SYSTEM } from './case-fhir.ts';

export const caseFhirResources: FhirResourceCapability[] = [
  { type: 'Task', interactions: ['read', 'search-type'], searchParams: [{ name: 'group-identifier', type: 'token' }] },
];

export const caseFhirRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, { platform }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/fhir/Task/:id', {
    config: { access: { permission: ['case', 'read'] } },
    schema: { tags: ['fhir'], summary: 'A case action as a FHIR Task', params: Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$' }) }) },
  }, async (request, reply) => {
    const scope = request.scope();
    // Other capabilities' Tasks (referrals) share this address: ask their sources first.
    const registered = await resolveRegisteredTask(scope, request.params.id);
    if (registered) return reply.type(FHIR_JSON).send(registered);
    const record = await readCase(scope, await findCaseOfAction(scope, request.params.id));
    const action = record.actions.find((a) => a.id === request.params.id)!;
    return reply.type(FHIR_JSON).send(actionToTask(record, action));
  });

  app.get('/fhir/Task', {
    config: { access: { permission: ['case', 'read'] } },
    schema: {
      tags: ['fhir'], summary: 'Search case actions by the case pseudonym',
      querystring: Type.Object({ 'group-identifier': Type.String({ minLength: 1, maxLength: 200, description: `${CASE_IDENTIFIER_SYSTEM}|<pseudonym> or the pseudonym` }) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const scope = request.scope();
    const token = request.query['group-identifier'];
    const [system, value] = token.includes('|') ? token.split('|', 2) as [string, string] : [CASE_IDENTIFIER_SYSTEM, token];
    const caseId = system === CASE_IDENTIFIER_SYSTEM ? await findCaseByPseudonym(scope, value) : undefined;
    const tasks = caseId ? caseToTasks(await readCase(scope, caseId)) : [];
    return reply.type(FHIR_JSON).send(searchsetBundle(`${platform.config.publicUrl}/fhir/Task`, tasks));
  });
};
