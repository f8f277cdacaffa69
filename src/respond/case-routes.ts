/**
 * @module The case API under /api/cases: open a case from a screen or from indicators with the
 * facility's protocol, work its timeline, and hand it off.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import { invalid } from '../platform/http/errors.ts';
import {
  ActionStatusBody, AddNoteBody, DocumentationBody, AddTaskBody, CaseActionParams, CaseParams, CaseTaskParams, ListCasesQuery, OpenCaseBody,
} from './case-schemas.ts';
import { addNote, addTask, closeCase, completeTask, listCases, openCase, readCase, recordActionStatus } from './case-store.ts';
import { buildHandoff } from './case-handoff.ts';
import { suggestCodes } from './icd10.ts';
import { draftNote } from './note-draft.ts';
import { activeProtocol } from './protocol-store.ts';
import { evaluateProtocol } from './protocol.ts';
import { organizationReference } from './jurisdiction-store.ts';

const tags = ['respond'];

export const caseRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/cases', {
    config: { access: { permission: ['case', 'create'] } },
    schema: { tags, summary: 'Open a case and get the protocol\'s recommended actions', body: OpenCaseBody },
  }, async (request, reply) => {
    const scope = request.scope();
    const protocol = await activeProtocol(scope);
    const facilityId = request.body.facilityId ?? request.principal?.facilityId ?? null;
    const facility = facilityId
      ? await scope.selectFrom('platform_facility').select(['id', 'jurisdiction']).where('id', '=', facilityId).executeTakeFirst()
      : undefined;
    if (facilityId && !facility) throw invalid('The facility is not one of your organization\'s.', 'facilityId');
    // Reporting routes depend on where the patient is seen: without a jurisdiction, the facility's.
    const jurisdiction = request.body.context.jurisdiction ?? facility?.jurisdiction ?? undefined;
    const context = { ...request.body.context, ...(jurisdiction ? { jurisdiction } : {}) };
    const actions = evaluateProtocol(protocol, context, await organizationReference(scope));
    const opened = await openCase(scope, {
      facilityId,
      source: request.body.source,
      screeningId: request.body.screeningId ?? null,
      ehrPatient: request.body.ehrPatient ? JSON.stringify(request.body.ehrPatient) : null,
      context,
      protocol: { id: protocol.id, version: protocol.version },
      actions,
    });
    return reply.code(201).send(await readCase(scope, opened.id));
  });

  app.get('/api/cases', {
    config: { access: { permission: ['case', 'read'] } },
    schema: { tags, summary: 'List cases, newest first', querystring: ListCasesQuery },
  }, async (request) => listCases(request.scope(), request.query));

  app.get('/api/cases/:id', {
    config: { access: { permission: ['case', 'read'] } },
    schema: { tags, summary: 'Read a case with its timeline', params: CaseParams },
  }, async (request) => readCase(request.scope(), request.params.id));

  app.post('/api/cases/:id/actions/:actionId', {
    config: { access: { permission: ['case', 'update'] } },
    schema: { tags, summary: 'Mark a recommended action done, skipped or not applicable', params: CaseActionParams, body: ActionStatusBody },
  }, async (request) => {
    const scope = request.scope();
    await recordActionStatus(scope, { caseId: request.params.id, actionId: request.params.actionId, ...request.body });
    return readCase(scope, request.params.id);
  });

  app.post('/api/cases/:id/tasks', {
    config: { access: { permission: ['case', 'update'] } },
    schema: { tags, summary: 'Assign a task with a due date', params: CaseParams, body: AddTaskBody },
  }, async (request, reply) => {
    const scope = request.scope();
    await addTask(scope, { caseId: request.params.id, ...request.body });
    return reply.code(201).send(await readCase(scope, request.params.id));
  });

  app.post('/api/cases/:id/tasks/:taskId/complete', {
    config: { access: { permission: ['case', 'update'] } },
    schema: { tags, summary: 'Complete a task', params: CaseTaskParams },
  }, async (request) => {
    const scope = request.scope();
    await completeTask(scope, { caseId: request.params.id, taskId: request.params.taskId });
    return readCase(scope, request.params.id);
  });

  app.post('/api/cases/:id/notes', {
    config: { access: { permission: ['case', 'update'] } },
    schema: { tags, summary: 'Add an encrypted note', params: CaseParams, body: AddNoteBody },
  }, async (request, reply) => {
    const scope = request.scope();
    await addNote(scope, { caseId: request.params.id, ...request.body });
    return reply.code(201).send(await readCase(scope, request.params.id));
  });

  app.post('/api/cases/:id/close', {
    config: { access: { permission: ['case', 'update'] } },
    schema: { tags, summary: 'Close a case', params: CaseParams },
  }, async (request) => {
    const scope = request.scope();
    await closeCase(scope, request.params.id);
    return readCase(scope, request.params.id);
  });

  app.get('/api/cases/:id/handoff', {
    config: { access: { permission: ['case', 'read'] } },
    schema: {
      tags, summary: 'A handoff summary with only what the recipient needs', params: CaseParams,
      querystring: Type.Object({ notes: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50 })) }, { additionalProperties: false }),
    },
  }, async (request) => buildHandoff(await readCase(request.scope(), request.params.id, 'handoff'), request.query.notes ?? []));

  app.post('/api/cases/:id/documentation', {
    config: { access: { permission: ['case', 'read'] } },
    schema: {
      tags, summary: 'ICD-10-CM suggestions and a note draft split into portal-safe and sensitive parts',
      params: CaseParams, body: DocumentationBody,
    },
  }, async (request) => {
    const scope = request.scope();
    const record = await readCase(scope, request.params.id, 'documentation');
    const protocol = await activeProtocol(scope);
    // Drafted in the reader's language; codes, code titles and what the clinician typed stay as they are.
    const language = request.principal?.locale ?? 'en';
    const coding = suggestCodes({
      language,
      finding: request.body.finding,
      ...(record.context.ageYears !== undefined ? { ageYears: record.context.ageYears } : {}),
      suggestClaimCodesForSuspected: protocol.settings.suggestClaimCodesForSuspected,
      adultAgeYears: protocol.settings.adultAgeYears,
    });
    const draft = draftNote({
      language,
      objectiveFindings: request.body.objectiveFindings,
      screen: record.context.screen,
      actions: record.actions.map((a) => ({ code: a.code, stepId: a.stepId, ...a.recommendation })),
      codes: coding.codes,
    });
    return { coding, draft };
  });
};
