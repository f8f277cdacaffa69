/**
 * @module Recognize's FHIR R4 interface:
 * `[fhir base]/Questionnaire` (search by url, name, status; read; admins create a facility's own),
 * `[fhir base]/QuestionnaireResponse` (create: validate, score, store, answer with the evaluation and
 * the derived Observation; read) and `[fhir base]/Observation/{id}` (read).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Platform } from '../platform/services.ts';
import { conflict, LanternError, notFound } from '../platform/http/errors.ts';
import { FHIR_JSON, FhirValidationError, searchsetBundle } from '../platform/fhir/http.ts';
import type { FhirResourceCapability } from '../platform/fhir/capability-statement.ts';
import { hasErrors, toOperationOutcome } from './issues.ts';
import { validateQuestionnaire } from './questionnaire-validation.ts';
import { validateResponse } from './response-validation.ts';
import { checkInstrumentChoice } from './instrument-choice-record.ts';
import { evaluateScreen, type ScreenEvaluation } from './scoring.ts';
import { deriveObservation } from './observation.ts';
import { findByCanonical, instrumentsFor, searchInstruments, shippedInstruments } from './instrument-catalog.ts';
import { readScreening, saveInstrument, saveScreening } from './screening-store.ts';
import { screeningModeOf } from './screening-mode.ts';

export const recognizeFhirResources: FhirResourceCapability[] = [
  {
    type: 'Questionnaire', profile: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-behave',
    interactions: ['read', 'search-type', 'create'],
    searchParams: [{ name: 'url', type: 'uri' }, { name: 'name', type: 'string' }, { name: 'status', type: 'token' }],
  },
  { type: 'QuestionnaireResponse', interactions: ['read', 'create'] },
  { type: 'Observation', interactions: ['read'] },
];

const IdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$' }) }, { additionalProperties: false });
// A FHIR resource is validated by its own rules (validateQuestionnaire / validateResponse), which
// name the item and rule broken; the route schema only insists on a JSON object.
const AnyResource = Type.Object({ resourceType: Type.String() }, { additionalProperties: true });
const tags = ['fhir'];

function rejectIfInvalid(issues: Parameters<typeof toOperationOutcome>[0]): void {
  if (hasErrors(issues)) throw new FhirValidationError(toOperationOutcome(issues.filter((i) => i.severity === 'error')));
}

export const recognizeFhirRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, { platform }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const fhirBase = `${platform.config.publicUrl}/fhir`;

  app.get('/fhir/Questionnaire', {
    config: { access: { permission: ['instrument', 'read'] } },
    schema: {
      tags, summary: 'Search instruments',
      querystring: Type.Object({
        url: Type.Optional(Type.String({ maxLength: 500 })),
        name: Type.Optional(Type.String({ maxLength: 200 })),
        status: Type.Optional(Type.String({ maxLength: 100 })),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const found = searchInstruments(await instrumentsFor(request.scope()), request.query);
    return reply.type(FHIR_JSON).send(searchsetBundle(`${fhirBase}/Questionnaire`, found as { resourceType: string; id?: string }[]));
  });

  app.get('/fhir/Questionnaire/:id', {
    config: { access: { permission: ['instrument', 'read'] } },
    schema: { tags, summary: 'Read an instrument', params: IdParams },
  }, async (request, reply) => {
    const found = (await instrumentsFor(request.scope())).find((q) => q.id === request.params.id);
    if (!found) throw notFound(`Questionnaire/${request.params.id}`);
    return reply.type(FHIR_JSON).send(found);
  });

  app.post('/fhir/Questionnaire', {
    config: { access: { permission: ['instrument', 'create'] } },
    schema: { tags, summary: "Import a facility's own instrument (validated; scored by the rules it declares)", body: AnyResource },
  }, async (request, reply) => {
    rejectIfInvalid(validateQuestionnaire(request.body));
    const questionnaire = request.body as unknown as fhir4.Questionnaire;
    const id = questionnaire.id ?? randomUUID();
    if (shippedInstruments().has(id)) throw conflict(`"${id}" is the id of an instrument Lantern ships; choose another id.`, 'id');
    const stored = { ...questionnaire, id, url: questionnaire.url!, version: questionnaire.version ?? '1', meta: { ...questionnaire.meta, lastUpdated: new Date().toISOString() } };
    await saveInstrument(request.scope(), stored);
    return reply.code(201).header('location', `${fhirBase}/Questionnaire/${id}`).type(FHIR_JSON).send(stored);
  });

  app.post('/fhir/QuestionnaireResponse', {
    config: { access: { permission: ['screening', 'create'] } },
    schema: { tags, summary: 'Store a completed screen; answers with its evaluation and the derived Observation', body: AnyResource },
  }, async (request, reply) => {
    const scope = request.scope();
    const submitted = request.body as unknown as fhir4.QuestionnaireResponse;
    if (submitted.resourceType !== 'QuestionnaireResponse') {
      throw new LanternError('INVALID', 'The resource must be a QuestionnaireResponse.', 'resourceType');
    }
    const questionnaire = typeof submitted.questionnaire === 'string' ? findByCanonical(await instrumentsFor(scope), submitted.questionnaire) : undefined;
    if (!questionnaire) {
      throw new LanternError('INVALID', 'QuestionnaireResponse.questionnaire must name an instrument of this organization (its canonical url).', 'QuestionnaireResponse.questionnaire');
    }
    rejectIfInvalid([...validateResponse(questionnaire, submitted), ...checkInstrumentChoice(questionnaire, submitted)]);
    const evaluation = evaluateScreen(questionnaire, submitted);
    const id = randomUUID();
    const observationId = randomUUID();
    const lastUpdated = new Date().toISOString();
    const response: fhir4.QuestionnaireResponse = { ...submitted, id, meta: { ...submitted.meta, lastUpdated } };
    const observation: fhir4.Observation = { ...deriveObservation({ response, evaluation, id: observationId }), meta: { lastUpdated } };
    await saveScreening<ScreenEvaluation>(scope, {
      id, observationId, facilityId: request.principal?.facilityId ?? null, mode: screeningModeOf(response),
      instrument: { url: evaluation.instrument.url, version: evaluation.instrument.version ?? '' }, response, observation, evaluation,
    }, (tx) => tx.count({
      facilityId: request.principal?.facilityId ?? null,
      metric: 'screening.completed',
      dimension: `${questionnaire.id ?? questionnaire.url}:${evaluation.resultCode}`,
    }));
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: lastUpdated,
      entry: [
        { fullUrl: `${fhirBase}/QuestionnaireResponse/${id}`, resource: response },
        { fullUrl: `${fhirBase}/Observation/${observationId}`, resource: observation },
      ],
    };
    return reply.code(201).header('location', `${fhirBase}/QuestionnaireResponse/${id}`).type(FHIR_JSON).send(bundle);
  });

  app.get('/fhir/QuestionnaireResponse/:id', {
    config: { access: { permission: ['screening', 'read'] } },
    schema: { tags, summary: 'Read a stored screen', params: IdParams },
  }, async (request, reply) => {
    const screening = await readScreening(request.scope(), { responseId: request.params.id });
    return reply.type(FHIR_JSON).send(screening.response);
  });

  app.get('/fhir/Observation/:id', {
    config: { access: { permission: ['screening', 'read'] } },
    schema: { tags, summary: 'Read the Observation derived from a screen', params: IdParams },
  }, async (request, reply) => {
    const screening = await readScreening(request.scope(), { observationId: request.params.id });
    return reply.type(FHIR_JSON).send(screening.observation);
  });
};
